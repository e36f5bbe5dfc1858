import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { linkTree } from './link-tree.ts';

const dir = await mkdtemp(join(tmpdir(), 'link-tree-'));
after(() => rm(dir, { recursive: true, force: true }));

test('links every file of a tree into another, replacing files of the same name and keeping the rest', async () => {
  const from = join(dir, 'from');
  const to = join(dir, 'to');
  await mkdir(join(from, 'a', 'b'), { recursive: true });
  await writeFile(join(from, 'top.txt'), 'top');
  await writeFile(join(from, 'a', 'b', 'deep.txt'), 'deep');
  await mkdir(to, { recursive: true });
  await writeFile(join(to, 'top.txt'), 'from an earlier build');
  await writeFile(join(to, 'index.html'), 'a page written there by Astro');

  await linkTree(from, to);

  assert.equal(await readFile(join(to, 'a', 'b', 'deep.txt'), 'utf8'), 'deep');
  assert.equal(await readFile(join(to, 'top.txt'), 'utf8'), 'top');
  assert.equal((await stat(join(to, 'top.txt'))).ino, (await stat(join(from, 'top.txt'))).ino, 'a link, not a copy');
  assert.equal(await readFile(join(to, 'index.html'), 'utf8'), 'a page written there by Astro');
});
