import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openBodyCache } from './body-cache.ts';
import { bodyKey } from './body-key.ts';

const dir = await mkdtemp(join(tmpdir(), 'body-cache-'));
after(() => rm(dir, { recursive: true, force: true }));
const body = (text: string) => ({ html: `<p>${text}</p>`, text, words: 1 });

test('stores bodies by the hash of their Markdown and reads them back', () => {
  const file = join(dir, 'a.sqlite');
  const cache = openBodyCache(file, 'r1', 'write');
  const key = bodyKey('नमस्ते');
  assert.equal(cache.has(key), false);
  cache.put([[key, body('नमस्ते')]]);
  assert.equal(cache.has(key), true);
  cache.close();
  const reader = openBodyCache(file, 'r1', 'read');
  assert.deepEqual({ ...reader.get(key) }, body('नमस्ते'));
  assert.deepEqual({ ...reader.text(key) }, { text: 'नमस्ते', words: 1 });
  assert.equal(reader.get(bodyKey('other')), undefined);
  reader.close();
});

test('another renderer\'s cache reads as empty, and is emptied for writing', () => {
  const file = join(dir, 'b.sqlite');
  const key = bodyKey('x');
  const first = openBodyCache(file, 'r1', 'write');
  first.put([[key, body('x')]]);
  first.close();
  const stale = openBodyCache(file, 'r2', 'read');
  assert.equal(stale.get(key), undefined);
  stale.close();
  const rewritten = openBodyCache(file, 'r2', 'write');
  assert.equal(rewritten.has(key), false);
  rewritten.close();
});

test('a missing file reads as empty; prune forgets bodies no longer used', () => {
  assert.equal(openBodyCache(join(dir, 'none.sqlite'), 'r1', 'read').get('k'), undefined);
  const cache = openBodyCache(join(dir, 'c.sqlite'), 'r1', 'write');
  cache.put([['k1', body('1')], ['k2', body('2')]]);
  assert.equal(cache.prune(new Set(['k1'])), 1);
  assert.deepEqual([cache.has('k1'), cache.has('k2')], [true, false]);
  cache.close();
});

test('remembers the body key each content file had when read, and forgets the files removed', () => {
  const file = join(dir, 'c.sqlite');
  const cache = openBodyCache(file, 'r1', 'write');
  assert.deepEqual(cache.readFiles(), new Map());
  cache.putReadFiles([['content/articles/a.md', { stamp: '10:1:7', key: bodyKey('a') }], ['content/articles/b.md', { stamp: '12:1:8', key: bodyKey('b') }]], []);
  cache.putReadFiles([['content/articles/a.md', { stamp: '11:2:7', key: bodyKey('a2') }]], ['content/articles/b.md']);
  cache.close();
  const reopened = openBodyCache(file, 'r1', 'write');
  assert.deepEqual(reopened.readFiles(), new Map([['content/articles/a.md', { stamp: '11:2:7', key: bodyKey('a2') }]]));
  reopened.close();
});
