import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleLanguage, correctArticle, largestShard } from './rebuild-change.ts';

test('the change goes to the largest search shard', () => {
  const shards = [
    { bundle: 'ar', language: 'ar', pages: 13_015 },
    { bundle: 'hi', language: 'hi', pages: 13_017 },
    { bundle: 'ms', language: 'ms', pages: 1_992 },
  ];
  assert.equal(largestShard(shards).bundle, 'hi');
  assert.equal(largestShard([{ bundle: 'en-2', language: 'en', pages: 5 }, { bundle: 'en', language: 'en', pages: 5 }]).bundle, 'en-2', 'first on a tie');
  assert.throws(() => largestShard([]), /no search shard/);
});

test('an article is corrected with a sentence in its own language, as its last paragraph', () => {
  const article = '---\nid: a\nlanguage: hi\n---\n\nपहला अनुच्छेद।\n\n';
  assert.equal(correctArticle(article, 'hi'), '---\nid: a\nlanguage: hi\n---\n\nपहला अनुच्छेद।\n\nएक सुधारा गया वाक्य।\n');
  assert.match(correctArticle(article, 'ar'), /جملة مصححة\.\n$/);
  assert.throws(() => correctArticle(article, 'xx'), /no corrected sentence in "xx"/);
});

test("an article's language is read from its front matter only", () => {
  assert.equal(articleLanguage('---\nid: a\nlanguage: ms\ntitle: x\n---\nlanguage: en\n'), 'ms');
  assert.equal(articleLanguage('---\nlanguage: "ar"\n---\n'), 'ar');
  assert.equal(articleLanguage('---\ntitle: x\n---\nlanguage: en\n'), undefined);
});
