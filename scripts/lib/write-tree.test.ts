import assert from 'node:assert/strict';
import { link, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { filesUnder } from '../../src/lib/stale-output.ts';
import { writeTree } from './write-tree.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

test('a folder is brought to hold exactly the files given, writing only what differs', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'write-tree-'));
  try {
    const folder = join(dir, 'bundle');
    const first = await writeTree(folder, [
      { path: 'pagefind-entry.json', content: bytes('{"v":1}') },
      { path: 'fragment/en_1.pf_fragment', content: bytes('one') },
      { path: 'fragment/en_2.pf_fragment', content: bytes('two') },
      { path: 'index/en_a.pf_index', content: bytes('a') },
    ]);
    assert.deepEqual(first, { written: 4, unchanged: 0, removed: 0 });

    // A hard link elsewhere (as dist/ has) to a file that changes, and the inode of one that does not.
    await mkdir(join(dir, 'dist'));
    await link(join(folder, 'pagefind-entry.json'), join(dir, 'dist', 'pagefind-entry.json'));
    const keptInode = (await stat(join(folder, 'fragment/en_1.pf_fragment'))).ino;

    const second = await writeTree(folder, [
      { path: 'pagefind-entry.json', content: bytes('{"v":2}') },
      { path: 'fragment/en_1.pf_fragment', content: bytes('one') },
      { path: 'fragment/en_3.pf_fragment', content: bytes('three') },
      { path: 'index/en_a.pf_index', content: bytes('b') },
    ]);
    assert.deepEqual(second, { written: 3, unchanged: 1, removed: 1 });
    assert.deepEqual((await filesUnder(folder)).sort(), ['fragment/en_1.pf_fragment', 'fragment/en_3.pf_fragment', 'index/en_a.pf_index', 'pagefind-entry.json']);
    assert.equal(await readFile(join(folder, 'pagefind-entry.json'), 'utf8'), '{"v":2}');
    assert.equal(await readFile(join(folder, 'index/en_a.pf_index'), 'utf8'), 'b', 'a file of the same size with other bytes is written again');
    assert.equal((await stat(join(folder, 'fragment/en_1.pf_fragment'))).ino, keptInode, 'an unchanged file is left alone');
    assert.equal(await readFile(join(dir, 'dist', 'pagefind-entry.json'), 'utf8'), '{"v":1}', 'a link elsewhere keeps the old bytes');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
