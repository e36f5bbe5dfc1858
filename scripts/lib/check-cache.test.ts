import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkerFingerprint, openCheckCache, openCheckCacheReader, type FileVerdict, type VerdictJson } from './check-cache.ts';

const root = await mkdtemp(join(tmpdir(), 'check-cache-'));
after(() => rm(root, { recursive: true, force: true }));

const verdict: FileVerdict = {
  parsed: { ok: true, record: { data: { id: 'x' } as never, bodyLine: 12 } },
  problems: [{ file: 'content/articles/x.md', line: 3, column: 1, field: 'title', message: 'm', fix: 'f', rule: 'todo' }],
  textKey: 'abc',
};
const json = JSON.stringify(verdict) as VerdictJson;

test('a verdict is found again by path and stamp, or by path and text hash, and only so', () => {
  const cache = openCheckCache(root, 'code-1');
  cache.set('content/articles/x.md', 'stamp-1', 'hash-1', json);
  cache.close();
  const again = openCheckCache(root, 'code-1');
  assert.deepEqual(again.byStamp('content/articles/x.md', 'stamp-1'), { sha256: 'hash-1', verdict: json });
  assert.equal(again.byStamp('content/articles/x.md', 'stamp-2'), undefined, 'the file was touched');
  assert.equal(again.get('content/articles/x.md', 'hash-1'), json, 'touched, but its bytes are the same');
  assert.equal(again.get('content/articles/x.md', 'hash-2'), undefined, 'the file changed');
  assert.equal(again.get('content/articles/y.md', 'hash-1'), undefined);
  assert.equal(again.byStamp('content/articles/y.md', 'stamp-1'), undefined);
  again.close();
});

test("a capture's SHA-256 is found again by path and stamp, and only so", () => {
  const cache = openCheckCache(root, 'code-5');
  cache.setCapture('captures/a.html', 'stamp-1', 'hash-a');
  cache.close();
  const again = openCheckCache(root, 'code-5');
  assert.equal(again.captureHash('captures/a.html', 'stamp-1'), 'hash-a');
  assert.equal(again.captureHash('captures/a.html', 'stamp-2'), undefined);
  assert.equal(again.captureHash('captures/b.html', 'stamp-1'), undefined);
  again.close();
});

test('verdicts made by other code are dropped', () => {
  const cache = openCheckCache(root, 'code-2');
  assert.equal(cache.get('content/articles/x.md', 'hash-1'), undefined);
  assert.equal(cache.byStamp('content/articles/x.md', 'stamp-1'), undefined);
  cache.close();
});

test('the fingerprint covers the checker\'s code', () => {
  assert.match(checkerFingerprint(), /^[0-9a-f]{64}$/);
  assert.equal(checkerFingerprint(), checkerFingerprint());
});

test('files and captures no longer in the archive are forgotten', () => {
  const cache = openCheckCache(root, 'code-3');
  cache.set('content/articles/kept.md', 's', 'h', json);
  cache.set('content/articles/deleted.md', 's', 'h', json);
  cache.setCapture('captures/kept.html', 's', 'h');
  cache.setCapture('captures/deleted.html', 's', 'h');
  cache.keepOnly(new Set(['content/articles/kept.md']), new Set(['captures/kept.html']));
  cache.close();
  const again = openCheckCache(root, 'code-3');
  assert.equal(again.get('content/articles/kept.md', 'h'), json);
  assert.equal(again.get('content/articles/deleted.md', 'h'), undefined);
  assert.equal(again.captureHash('captures/kept.html', 's'), 'h');
  assert.equal(again.captureHash('captures/deleted.html', 's'), undefined);
  again.close();
});

test('a reader (a worker thread) sees what was written before, while the writer is open', () => {
  const cache = openCheckCache(root, 'code-4');
  cache.set('content/articles/x.md', 'stamp-1', 'hash-1', json);
  cache.close();
  const writer = openCheckCache(root, 'code-4');
  writer.set('content/articles/y.md', 'stamp-1', 'hash-1', json);
  const reader = openCheckCacheReader(root);
  assert.equal(reader.get('content/articles/x.md', 'hash-1'), json);
  assert.equal(reader.get('content/articles/y.md', 'hash-1'), undefined, 'not yet committed');
  writer.close();
});
