import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldersOf, staleFiles } from './stale-output.ts';

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
