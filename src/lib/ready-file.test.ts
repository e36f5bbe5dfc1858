import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { whenReady } from './ready-file.ts';

test('with no ready file named, nothing is waited for', async () => {
  await whenReady('ATLAS_TEST_READY', {});
});

test('with a ready file named, the stage waits until it appears', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ready-file-'));
  try {
    const readyFile = join(dir, 'data.ready');
    let ready = false;
    const waiting = whenReady('ATLAS_TEST_READY', { ATLAS_TEST_READY: readyFile }).then(() => (ready = true));
    await sleep(500);
    assert.equal(ready, false, 'still waiting while there is no ready file');
    await writeFile(readyFile, '');
    await waiting;
    assert.equal(ready, true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
