import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alternates, localeItemPageParams, localeItemParams, localeListPageParams, localeParams, paths } from './routing.ts';

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

test('paginated pages: page 1 keeps the URL, later pages add page/<n>/', () => {
  assert.equal(paths.event('ar', 'x', 1), '/ar/events/x/');
  assert.equal(paths.event('ar', 'x', 3), '/ar/events/x/page/3/');
  assert.equal(paths.events('en', 2), '/events/page/2/');
  const pages = localeItemPageParams(['a', 'b'], (id) => ({ id }), (id) => (id === 'a' ? 3 : 1));
  assert.equal(pages.length, 16);
  assert.deepEqual(pages.filter((p) => p.params.locale === 'hi').map((p) => [p.params.id, p.params.page, p.props.page]), [
    ['a', undefined, 1], ['a', 'page/2', 2], ['a', 'page/3', 3], ['b', undefined, 1],
  ]);
  assert.deepEqual(localeListPageParams(1), []);
  assert.deepEqual(localeListPageParams(3).filter((p) => p.props.locale === 'ms').map((p) => p.params), [{ locale: 'ms', page: '2' }, { locale: 'ms', page: '3' }]);
});
