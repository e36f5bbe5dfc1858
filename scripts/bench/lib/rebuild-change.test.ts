import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shardIndex } from '../../../src/lib/search-shards.ts';
import { correctArticle, holdsPage, largestShard } from './rebuild-change.ts';

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

test('a page is held by the shard its URL hashes to, among those of its language', () => {
  const shards = [
    { bundle: 'ar-1', language: 'ar', pages: 1 },
    { bundle: 'ar-2', language: 'ar', pages: 1 },
    { bundle: 'ar-3', language: 'ar', pages: 1 },
    { bundle: 'hi', language: 'hi', pages: 1 },
  ];
  const url = '/articles/some-article/';
  const holders = shards.filter((shard) => holdsPage(shard, shards, url)).map((shard) => shard.bundle);
  assert.deepEqual(holders, [`ar-${shardIndex(url, 3) + 1}`, 'hi']);
  const many = Array.from({ length: 12 }, (_, i) => ({ bundle: `en-${i + 1}`, language: 'en', pages: 1 }));
  assert.deepEqual(many.filter((shard) => holdsPage(shard, many, url)).map((shard) => shard.bundle), [`en-${shardIndex(url, 12) + 1}`], 'en-10 and on are told from en-1');
});
