import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileStamps } from './file-stamps.ts';

const root = await mkdtemp(join(tmpdir(), 'file-stamps-'));
after(() => rm(root, { recursive: true, force: true }));

test('a stamp changes when its file is written, not when it is read, and stamps come in the files\' order', async () => {
  await writeFile(join(root, 'b.md'), 'बेलारूस');
  await writeFile(join(root, 'a.md'), 'بيلاروس');
  const first = await fileStamps(root, ['b.md', 'a.md']);
  assert.deepEqual([...first.keys()], ['b.md', 'a.md']);
  await readFile(join(root, 'a.md'));
  assert.deepEqual(await fileStamps(root, ['b.md', 'a.md']), first, 'reading changes nothing');
  await writeFile(join(root, 'a.md'), 'بيلاروسيا');
  const written = await fileStamps(root, ['b.md', 'a.md']);
  assert.equal(written.get('b.md'), first.get('b.md'));
  assert.notEqual(written.get('a.md'), first.get('a.md'), 'a written file has a new stamp (its size here)');
});
