import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTranslator } from '../i18n/ui/index.ts';
import { anchorsOfYears, pageAt, pageCount, pageOf, pageParam, pagePath, pagedTitle, pagerNumbers, yearRuns } from './pagination.ts';

test('pageCount: an empty list has one page; a partial page counts', () => {
  assert.equal(pageCount(0, 50), 1);
  assert.equal(pageCount(50, 50), 1);
  assert.equal(pageCount(51, 50), 2);
  assert.equal(pageCount(5000, 50), 100);
});

test('pageOf: every item is on exactly one page, in order', () => {
  const items = Array.from({ length: 123 }, (_, i) => i);
  const count = pageCount(items.length, 50);
  const seen = Array.from({ length: count }, (_, i) => pageOf(items, i + 1, 50)).flatMap((page) => page.items);
  assert.deepEqual(seen, items);
  assert.deepEqual(pageOf(items, 3, 50), { number: 3, count: 3, items: items.slice(100), total: 123, first: 101 });
  assert.deepEqual(pageOf([], 1, 50), { number: 1, count: 1, items: [], total: 0, first: 0 });
});

test('pageOf refuses a page that does not exist', () => {
  assert.throws(() => pageOf([1, 2, 3], 0, 2), RangeError);
  assert.throws(() => pageOf([1, 2, 3], 3, 2), RangeError);
  assert.throws(() => pageOf([1, 2, 3], 1.5, 2), RangeError);
});

test('page 1 keeps the list URL; later pages add page/<n>/', () => {
  assert.equal(pagePath('/ar/events/x/', 1), '/ar/events/x/');
  assert.equal(pagePath('/ar/events/x/', 2), '/ar/events/x/page/2/');
  assert.equal(pageParam(1), undefined);
  assert.equal(pageParam(12), 'page/12');
});

test('pagerNumbers shows the ends and the neighbourhood, with gaps', () => {
  assert.deepEqual(pagerNumbers(1, 1), [1]);
  assert.deepEqual(pagerNumbers(2, 4), [1, 2, 3, 4]);
  assert.deepEqual(pagerNumbers(7, 20), [1, null, 5, 6, 7, 8, 9, null, 20]);
  assert.deepEqual(pagerNumbers(1, 20), [1, 2, 3, null, 20]);
  assert.deepEqual(pagerNumbers(20, 20), [1, null, 18, 19, 20]);
});

test('pagedTitle adds the position after page 1, in the interface language', () => {
  assert.equal(pagedTitle('Minsk', { number: 1, count: 3 }, createTranslator('en'), 'en'), 'Minsk');
  assert.equal(pagedTitle('Minsk', { number: 2, count: 3 }, createTranslator('en'), 'en'), 'Minsk (Page 2 of 3)');
  assert.equal(pagedTitle('मिन्स्क', { number: 2, count: 3 }, createTranslator('hi'), 'hi'), 'मिन्स्क (पृष्ठ 2 / 3)');
});

test('yearRuns: each year of a list ordered by date once, with its count and where it starts; pageAt finds its page', () => {
  const dates = ['2025-03-01', '2025', '2024-12-31', '2024-01', '2024', '1999-07-04'];
  const runs = yearRuns(dates, (date) => date.slice(0, 4));
  assert.deepEqual(runs, [{ year: '2025', items: 2, start: 0 }, { year: '2024', items: 3, start: 2 }, { year: '1999', items: 1, start: 5 }]);
  assert.deepEqual(runs.map((run) => pageAt(run.start, 2)), [1, 2, 3]);
  for (const run of runs) assert.equal(pageOf(dates, pageAt(run.start, 2), 2).items[run.start % 2]!.slice(0, 4), run.year, `${run.year} starts on its page`);
  assert.deepEqual(yearRuns([], String), []);
  assert.equal(pageAt(0, 50), 1);
  assert.equal(pageAt(49, 50), 1);
  assert.equal(pageAt(50, 50), 2);
});

test('anchorsOfYears marks the first item of each year on a page, by its position there', () => {
  const runs = yearRuns(['2025', '2025', '2024', '2024', '2024', '1999'], (year) => year);
  const onPage = (number: number) => pageOf(runs.flatMap((run) => Array(run.items).fill(run.year) as string[]), number, 2);
  assert.deepEqual([0, 1].map(anchorsOfYears(runs, onPage(1))), ['y2025', undefined]);
  assert.deepEqual([0, 1].map(anchorsOfYears(runs, onPage(2))), ['y2024', undefined]);
  assert.deepEqual([0, 1].map(anchorsOfYears(runs, onPage(3))), [undefined, 'y1999']);
});
