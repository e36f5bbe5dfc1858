import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alternates, localeItemParams, localeParams, paths } from './routing.ts';

test('English lives at the root, other locales under their segment', () => {
  assert.equal(paths.home('en'), '/');
  assert.equal(paths.home('ar'), '/ar/');
  assert.equal(paths.event('hi', '2024-12-06-x'), '/hi/events/2024-12-06-x/');
  assert.equal(paths.article('2024-12-06-x'), '/articles/2024-12-06-x/');
});

test('every locale gets static params; English has no segment', () => {
  assert.deepEqual(
    localeParams().map((p) => p.params.locale),
    [undefined, 'ar', 'hi', 'ms'],
  );
  const items = localeItemParams(['a', 'b'], (id) => ({ id }));
  assert.equal(items.length, 8);
  assert.deepEqual(items[3]!.params, { id: 'b', locale: 'ar' });
});

test('alternates list the page in every locale', () => {
  assert.deepEqual(alternates(paths.events), { en: '/events/', ar: '/ar/events/', hi: '/hi/events/', ms: '/ms/events/' });
});
