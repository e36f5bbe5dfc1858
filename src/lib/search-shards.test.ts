import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shardIndex, shardsOf } from './search-shards.ts';

test('a language within the limit keeps one bundle named after it', () => {
  assert.deepEqual(shardsOf('ms', 50_000, 50_000), [{ bundle: 'ms', language: 'ms', index: 0, of: 1 }]);
  assert.deepEqual(shardsOf('ms', 0, 50_000).map((s) => s.bundle), ['ms']);
});

test('a language over the limit is split into numbered shards of at most the limit', () => {
  assert.deepEqual(shardsOf('hi', 120_000, 50_000).map((s) => s.bundle), ['hi-1', 'hi-2', 'hi-3']);
  assert.deepEqual(shardsOf('hi', 50_001, 50_000).map((s) => `${s.index}/${s.of}`), ['0/2', '1/2']);
});

test('pages spread evenly over the shards, each always to the same one', () => {
  const urls = Array.from({ length: 30_000 }, (_, i) => `/articles/2024-01-${String(i).padStart(5, '0')}-x/`);
  const sizes = [0, 0, 0];
  for (const url of urls) sizes[shardIndex(url, 3)]!++;
  for (const size of sizes) assert.ok(Math.abs(size - 10_000) < 500, `shard sizes ${sizes.join(', ')}`);
  assert.equal(shardIndex(urls[7]!, 3), shardIndex(urls[7]!, 3));
  assert.equal(shardIndex('/anything/', 1), 0);
});
