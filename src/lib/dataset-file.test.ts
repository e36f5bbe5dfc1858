import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { EXPORT_READY_ENV, exportReady } from './dataset-file.ts';

test('with no export being written beside the site, the export is ready at once', async () => {
  await exportReady({});
});

test('with an export being written, the /data/ pages wait until its ready file appears', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'export-ready-'));
  try {
    const readyFile = join(dir, 'data.ready');
    let ready = false;
    const waiting = exportReady({ [EXPORT_READY_ENV]: readyFile }).then(() => (ready = true));
    await sleep(500);
    assert.equal(ready, false, 'still waiting while there is no ready file');
    await writeFile(readyFile, '');
    await waiting;
    assert.equal(ready, true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
