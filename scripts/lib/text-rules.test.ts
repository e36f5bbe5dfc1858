import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mayHoldUnsafeMarkup, sampleText } from './text-rules.ts';

test('sampleText keeps a short text whole and samples a long one evenly, end included', () => {
  assert.equal(sampleText('short', 10), 'short');
  const long = `${'अ'.repeat(5000)}${'b'.repeat(5000)}`;
  const sample = sampleText(long, 400);
  assert.ok(sample.length <= 403);
  assert.ok(sample.startsWith('अ'));
  assert.ok(sample.endsWith('b'));
  assert.ok(sample.includes('अ') && sample.includes('b'));
});

test('a body is parsed for markup only when it may hold a link or HTML beyond the allow-list', () => {
  assert.equal(mayHoldUnsafeMarkup('Plain text, with [brackets] and a < b.'), true, 'a lone "<" swallows what follows: parse');
  assert.equal(mayHoldUnsafeMarkup('Plain text with [brackets] only.'), false);
  assert.equal(mayHoldUnsafeMarkup('<figure lang="en" dir="ltr"><figcaption>Minsk</figcaption></figure>\n\n<span lang="ru">Минск</span>'), false);
  for (const body of ['[a](javascript:alert(1))', '![x](data:text/html,1)', '[a]\n\n[a]: https://example.org', '<https://example.org>', '<script>alert(1)</script>', '<span onclick="x">a</span>', '<!-- note -->', 'a <b>bold</b>']) {
    assert.equal(mayHoldUnsafeMarkup(body), true, body);
  }
});
