import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { filesUnder, foldersOf, staleFiles } from './stale-output.ts';

test('stale files are those neither produced nor under a kept folder', () => {
  const present = ['index.html', 'articles/a/index.html', 'articles/gone/index.html', '_astro/Base.x1.css', '_astrology/index.html', 'pagefind/en/pagefind.js'];
  const produced = new Set(['index.html', 'articles/a/index.html']);
  assert.deepEqual(staleFiles(present, produced, ['_astro/']), ['articles/gone/index.html', '_astrology/index.html', 'pagefind/en/pagefind.js']);
  assert.deepEqual(staleFiles(present, new Set(present)), []);
});

test('the folders a deletion may empty come deepest first, each once', () => {
  assert.deepEqual(foldersOf(['ar/events/e1/index.html', 'ar/events/e2/page/2/index.html', 'feed.xml']), [
    'ar/events/e2/page/2', 'ar/events/e2/page', 'ar/events/e1', 'ar/events/e2', 'ar/events', 'ar',
  ]);
});

test('files are listed relative to the folder, without the top-level folders skipped', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'stale-output-'));
  try {
    await mkdir(join(dir, 'articles', 'a'), { recursive: true });
    await mkdir(join(dir, 'pagefind', 'en'), { recursive: true });
    // Only a top-level folder is skipped: one of the same name deeper down is listed.
    await mkdir(join(dir, 'docs', 'pagefind', 'deep', 'er'), { recursive: true });
    const files = ['index.html', 'articles/a/index.html', 'pagefind/en/pagefind.js', 'docs/pagefind/deep/er/index.html'];
    for (const file of files) await writeFile(join(dir, file), '');
    assert.deepEqual((await filesUnder(dir)).sort(), [...files].sort());
    assert.deepEqual((await filesUnder(dir, ['pagefind'])).sort(), ['articles/a/index.html', 'docs/pagefind/deep/er/index.html', 'index.html']);
    assert.deepEqual(await filesUnder(join(dir, 'docs', 'pagefind', 'deep', 'er', 'index.html', 'x')).catch((error: NodeJS.ErrnoException) => error.code), 'ENOTDIR', 'an error other than a missing folder is thrown');
    assert.deepEqual(await filesUnder(join(dir, 'missing')), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
