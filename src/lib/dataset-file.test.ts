import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { EXPORT_READY_ENV, exportReady, loadDataset } from './dataset-file.ts';

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

test('an invalid dataset record stops the build with its file, line, column, field and fix', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dataset-'));
  try {
    await mkdir(join(dir, 'content'));
    await writeFile(join(dir, 'content', 'dataset.yaml'), 'name: coverage-atlas\nreleases:\n  - version: "1.0"\n');
    await assert.rejects(loadDataset(dir), (error: Error) => {
      assert.match(error.message, /^content\/dataset\.yaml:3:5 releases\.0\.version: must be a semantic version/m);
      assert.match(error.message, /^content\/dataset\.yaml:1:1 title: is required but missing \(fix: add "title"/m);
      return true;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
