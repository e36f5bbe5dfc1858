import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sitemapEntries, sitemapIndexXml, sitemapXml } from './sitemap.ts';

const LOCALES = [{ segment: '', hreflang: 'en' }, { segment: 'ar', hreflang: 'ar' }, { segment: 'hi', hreflang: 'hi' }];
const SITE = 'https://atlas.example';

test('localized pages list each other as alternates; single pages list none', () => {
  const entries = sitemapEntries(['/events/x/', '/ar/events/x/', '/hi/events/x/', '/articles/a/', '/ar/events/x/'], LOCALES, SITE);
  assert.deepEqual(entries.map((e) => e.loc), [
    `${SITE}/ar/events/x/`, `${SITE}/articles/a/`, `${SITE}/events/x/`, `${SITE}/hi/events/x/`,
  ]);
  const english = entries.find((e) => e.loc === `${SITE}/events/x/`)!;
  assert.deepEqual(english.alternates.map((a) => [a.hreflang, a.href]).sort(), [
    ['ar', `${SITE}/ar/events/x/`], ['en', `${SITE}/events/x/`], ['hi', `${SITE}/hi/events/x/`],
  ]);
  assert.deepEqual(entries.find((e) => e.loc === `${SITE}/articles/a/`)!.alternates, []);
});

test('the home pages are alternates of each other', () => {
  const entries = sitemapEntries(['/', '/ar/'], LOCALES, SITE);
  assert.deepEqual(entries.map((e) => e.alternates.length), [2, 2]);
});

test('it stays linear: 100,000 pages in well under a second', () => {
  const paths = Array.from({ length: 25_000 }, (_, i) => [`/entities/e${i}/`, `/ar/entities/e${i}/`, `/hi/entities/e${i}/`, `/articles/a${i}/`]).flat();
  const started = performance.now();
  const entries = sitemapEntries(paths, LOCALES, SITE);
  assert.equal(entries.length, 100_000);
  assert.ok(performance.now() - started < 3000, `${performance.now() - started} ms`);
});

test('the XML escapes URLs and declares the namespaces', () => {
  const xml = sitemapXml([{ loc: `${SITE}/a?b&c`, alternates: [{ hreflang: 'ar', href: `${SITE}/ar/` }] }]);
  assert.match(xml, /<loc>https:\/\/atlas\.example\/a\?b&amp;c<\/loc>/);
  assert.match(xml, /xmlns:xhtml="http:\/\/www\.w3\.org\/1999\/xhtml"/);
  assert.match(sitemapIndexXml([`${SITE}/sitemap-0.xml`]), /<sitemap><loc>https:\/\/atlas\.example\/sitemap-0\.xml<\/loc><\/sitemap>/);
});
