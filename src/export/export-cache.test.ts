import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ExportCache } from './export-cache.ts';
import { packBytes } from './zip.ts';

const root = await mkdtemp(join(tmpdir(), 'export-cache-'));
after(() => rm(root, { recursive: true, force: true }));
const dir = join(root, 'cache');
const capture = join(root, 'a.txt');
await writeFile(capture, 'the capture');

/** An export that packs the capture when the cache does not have it, and makes bundle "k1" when it was not made. */
async function exportOnce(fingerprint: string): Promise<{ packed: boolean; made: boolean }> {
  const cache = await ExportCache.open(dir, fingerprint);
  const stats = await stat(capture, { bigint: true });
  const known = cache.capture('captures/a.txt', stats);
  if (!known) {
    const packed = await cache.captureStore.keep(await packBytes('captures/a.txt', await readFile(capture)));
    cache.keepCapture('captures/a.txt', stats, 'sha-a', packed);
  } else {
    assert.equal(known.sha256, 'sha-a');
    assert.equal(known.packed.size, 'the capture'.length);
  }
  const made = !(await cache.hasBundle('k1'));
  const bundle = join(root, `bundle-${fingerprint}-${Date.now()}.zip`);
  if (made) {
    await writeFile(bundle, 'zip bytes');
    await cache.keepBundle('k1', bundle, { bytes: 9, sha256: 'sha-zip' });
  } else {
    assert.deepEqual(await cache.reuseBundle('k1', bundle), { bytes: 9, sha256: 'sha-zip' });
    assert.equal(await readFile(bundle, 'utf8'), 'zip bytes');
  }
  await cache.save();
  return { packed: !known, made };
}

test('what an export made is reused by the next, while its inputs and the code are the same', async () => {
  assert.deepEqual(await exportOnce('code-1'), { packed: true, made: true });
  assert.deepEqual(await exportOnce('code-1'), { packed: false, made: false });
  // A capture touched is read again, even with the same bytes.
  const later = new Date(Date.now() + 5000);
  await utimes(capture, later, later);
  assert.deepEqual(await exportOnce('code-1'), { packed: true, made: false });
  assert.deepEqual(await exportOnce('code-2'), { packed: true, made: true }, 'other code reuses nothing');
});

test('an export keeps only what it used: other bundles and old stores are removed', async () => {
  const cache = await ExportCache.open(dir, 'code-3');
  await cache.save();
  assert.deepEqual(await readdir(join(dir, 'events')), []);
  assert.deepEqual((await readdir(dir)).filter((name) => name.endsWith('.pack')).length, 1);
  const again = await ExportCache.open(dir, 'code-3');
  assert.equal(await again.hasBundle('k1'), false);
  await again.save();
});

test('the capture store starts again when less than half of it is in use', async () => {
  const store = async () => (await readdir(dir)).filter((name) => name.endsWith('.pack'));
  const touch = (seconds: number) => utimes(capture, new Date(Date.now() + seconds * 1000), new Date(Date.now() + seconds * 1000));
  await exportOnce('code-4');
  const first = await store();
  await touch(10);
  await exportOnce('code-4');
  assert.deepEqual(await store(), first, 'half of it in use: appended to');
  await touch(20);
  await exportOnce('code-4');
  assert.deepEqual(await exportOnce('code-4'), { packed: true, made: false }, 'a third in use: the unchanged capture is packed again, into a new store');
  assert.notDeepEqual(await store(), first);
  assert.equal((await store()).length, 1);
});

test('an unchanged capture is linked from the cache\'s copy, the same file in every export; a copy no export uses goes', async () => {
  const exportCapture = async (target: string) => {
    const cache = await ExportCache.open(dir, 'code-5');
    const stats = await stat(capture, { bigint: true });
    const known = cache.capture('captures/a.txt', stats);
    if (known) await cache.reuseCaptureFile(known.sha256, capture, target);
    else {
      await writeFile(target, await readFile(capture));
      await cache.keepCaptureFile('sha-a', target);
      cache.keepCapture('captures/a.txt', stats, 'sha-a', await cache.captureStore.keep(await packBytes('captures/a.txt', await readFile(capture))));
    }
    await cache.save();
    return stat(target);
  };
  const first = await exportCapture(join(root, 'export-1.txt'));
  const second = await exportCapture(join(root, 'export-2.txt'));
  assert.equal(second.ino, first.ino, 'linked, not copied');
  assert.equal(await readFile(join(root, 'export-2.txt'), 'utf8'), 'the capture');
  assert.deepEqual(await readdir(join(dir, 'captures')), ['sha-a']);

  // A cache without the copy (kept by an export before copies were): copied from the content, and kept.
  await rm(join(dir, 'captures', 'sha-a'));
  const third = await exportCapture(join(root, 'export-3.txt'));
  assert.notEqual(third.ino, first.ino);
  assert.equal((await exportCapture(join(root, 'export-4.txt'))).ino, third.ino);

  await (await ExportCache.open(dir, 'code-5')).save();
  assert.deepEqual(await readdir(join(dir, 'captures')), [], 'no export used it');
});
