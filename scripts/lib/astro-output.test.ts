import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtPages } from './astro-output.ts';

test('tells kept pages from pages rendered again, in colour and with names run together', () => {
  // As Astro prints it with colours: a kept page, then two started at once, whose times come later.
  const output = [
    '20:34:41   \u001b[32m├─\u001b[39m \u001b[2m/articles/a/index.html\u001b[22m \u001b[32m(cached)\u001b[39m',
    '20:34:41   \u001b[34m├─\u001b[39m \u001b[2m/articles/b/index.html\u001b[22m20:34:41   \u001b[34m├─\u001b[39m \u001b[2m/events/e/feed.xml\u001b[22m \u001b[2m(+2ms)\u001b[22m',
    ' \u001b[2m(+13.27s)\u001b[22m',
    '20:34:42   \u001b[32m└─\u001b[39m \u001b[2m/robots.txt\u001b[22m \u001b[32m(restored)\u001b[39m',
  ].join('\n');
  assert.deepEqual(builtPages(output), [
    { page: '/articles/a/index.html', kept: true },
    { page: '/articles/b/index.html', kept: false },
    { page: '/events/e/feed.xml', kept: false },
    { page: '/robots.txt', kept: true },
  ]);
});
