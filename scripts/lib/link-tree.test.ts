import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { mirrorTree } from './link-tree.ts';

const dir = await mkdtemp(join(tmpdir(), 'link-tree-'));
after(() => rm(dir, { recursive: true, force: true }));

const sameInode = async (a: string, b: string) => (await stat(a)).ino === (await stat(b)).ino;

test('mirrors a tree as hard links: links what is new or differs, leaves what is linked, removes what is gone, keeps pages', async () => {
  const from = join(dir, 'from');
  const to = join(dir, 'to');
  await mkdir(join(from, 'a', 'b'), { recursive: true });
  await writeFile(join(from, 'top.txt'), 'top');
  await writeFile(join(from, 'a', 'b', 'deep.txt'), 'deep');
  await mkdir(join(to, 'old', 'folder'), { recursive: true });
  await writeFile(join(to, 'top.txt'), 'from an earlier build');
  await writeFile(join(to, 'old', 'folder', 'gone.txt'), 'no longer in the output');
  await writeFile(join(to, 'index.html'), 'a page written there by Astro');

  assert.deepEqual(await mirrorTree(from, to, ['index.html']), { linked: 2, unchanged: 0, removed: 1 });
  assert.equal(await readFile(join(to, 'a', 'b', 'deep.txt'), 'utf8'), 'deep');
  assert.equal(await readFile(join(to, 'top.txt'), 'utf8'), 'top');
  assert.ok(await sameInode(join(to, 'top.txt'), join(from, 'top.txt')), 'a link, not a copy');
  assert.equal(existsSync(join(to, 'old')), false, 'a removed file goes, and the folders it leaves empty');
  assert.equal(await readFile(join(to, 'index.html'), 'utf8'), 'a page written there by Astro');

  // The output written anew (a new inode) for one file, and another added: only those are linked.
  await rm(join(from, 'top.txt'));
  await writeFile(join(from, 'top.txt'), 'top, rewritten');
  await writeFile(join(from, 'a', 'new.txt'), 'new');
  assert.deepEqual(await mirrorTree(from, to, ['index.html']), { linked: 2, unchanged: 1, removed: 0 });
  assert.equal(await readFile(join(to, 'top.txt'), 'utf8'), 'top, rewritten');
  assert.ok(await sameInode(join(to, 'a', 'new.txt'), join(from, 'a', 'new.txt')));
});

test('mirroring a missing output empties the folder but keeps its pages', async () => {
  const to = join(dir, 'to-empty');
  await mkdir(join(to, 'x'), { recursive: true });
  await writeFile(join(to, 'x', 'file.txt'), 'x');
  await writeFile(join(to, 'index.html'), 'page');
  assert.deepEqual(await mirrorTree(join(dir, 'missing'), to, ['index.html']), { linked: 0, unchanged: 0, removed: 1 });
  assert.equal(existsSync(join(to, 'x')), false);
  assert.ok(existsSync(join(to, 'index.html')));
});
