import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filterValueOrder, finderMatches, needsExactDiacritics, formatSearchState, localizeResultUrl, mergeFilterCounts, mergeSorted, parseSearchState, toPagefindFilters, toPagefindSort } from './search-state.ts';

test('the URL round-trips the state, in a stable order', () => {
  const state = parseSearchState('?sort=newest&language=hi&q=%E0%A4%AA%E0%A5%81%E0%A4%A4%E0%A4%BF%E0%A4%A8&language=ar&bogus=1');
  assert.deepEqual(state, { query: 'पुतिन', filters: { language: ['hi', 'ar'] }, sort: 'newest' });
  assert.equal(formatSearchState(state), '?q=%E0%A4%AA%E0%A5%81%E0%A4%A4%E0%A4%BF%E0%A4%A8&language=ar&language=hi&sort=newest');
  assert.deepEqual(parseSearchState(formatSearchState(state)), { ...state, filters: { language: ['ar', 'hi'] } });
});

test('defaults are left out of the URL and bad values ignored', () => {
  assert.equal(formatSearchState({ query: '', filters: {}, sort: 'relevance' }), '');
  assert.equal(parseSearchState('?sort=sideways&year=').sort, 'relevance');
  assert.deepEqual(parseSearchState('?year=').filters, {});
});

test('filters become Pagefind "any" filters; sorts become date sorts', () => {
  assert.deepEqual(toPagefindFilters({ language: ['hi', 'ar'], year: ['2024'] }), { language: { any: ['hi', 'ar'] }, year: { any: ['2024'] } });
  assert.deepEqual(toPagefindSort('newest'), { date: 'desc' });
  assert.equal(toPagefindSort('relevance'), undefined);
});

test('filter counts from several indexes add up', () => {
  assert.deepEqual(mergeFilterCounts([{ language: { hi: 2 } }, { language: { ar: 1, hi: 1 }, year: { '2024': 3 } }]), { language: { hi: 3, ar: 1 }, year: { '2024': 3 } });
});

test('record pages open in the reader’s locale; articles keep their one URL', () => {
  assert.equal(localizeResultUrl('/events/2024-x/', 'ar'), '/ar/events/2024-x/');
  assert.equal(localizeResultUrl('/entities/minsk/', ''), '/entities/minsk/');
  assert.equal(localizeResultUrl('/topics/trade/', 'ms'), '/ms/topics/trade/');
  assert.equal(localizeResultUrl('/articles/2024-x/', 'hi'), '/articles/2024-x/');
});

test('sorted lists merge lazily', async () => {
  async function* list(values: number[], reads: number[]) { for (const v of values) { reads.push(v); yield v; } }
  const reads: number[] = [];
  const merged = mergeSorted([list([9, 5, 1], reads), list([8, 7, 2], reads)], (a, b) => b - a);
  const firstThree: number[] = [];
  for await (const value of merged) { firstThree.push(value); if (firstThree.length === 3) break; }
  assert.deepEqual(firstThree, [9, 8, 7]);
  assert.ok(!reads.includes(1) && !reads.includes(2), 'read further than needed');
});

test('Indic queries match diacritics exactly; Arabic and Latin ones fold them', () => {
  assert.equal(needsExactDiacritics('प्रतिबंध'), true);
  assert.equal(needsExactDiacritics('Putin दल'), true);
  assert.equal(needsExactDiacritics('مُعَاهَدَة'), false);
  assert.equal(needsExactDiacritics('Lukashenko'), false);
});

test('a filter list\'s finder matches a value by its label or its English value, case and (but in Indic scripts) diacritics apart', () => {
  assert.equal(finderMatches('minsk', ['مينسك', 'Minsk']), true);
  assert.equal(finderMatches(' MINSK ', ['Minsk']), true);
  assert.equal(finderMatches('لوكاشينكو', ['أَلكسندر لُوكاشينكو']), true);
  assert.equal(finderMatches('Lukasenko', ['Lukašenko']), true);
  assert.equal(finderMatches('दल', ['दिल्ली']), false, 'a Hindi vowel sign is a letter');
  assert.equal(finderMatches('दिल', ['दिल्ली']), true);
  assert.equal(finderMatches('Moscow', ['Minsk', 'مينسك']), false);
});

test('years are listed newest first; other filter values by their counts, then by name', () => {
  const byName = (a: string, b: string) => a.localeCompare(b);
  assert.deepEqual(['2019', '2024', '2021'].sort(filterValueOrder('year', { '2019': 9, '2024': 1, '2021': 4 }, byName)), ['2024', '2021', '2019']);
  assert.deepEqual(['Minsk', 'Moscow', 'Belarus'].sort(filterValueOrder('entity', { Minsk: 2, Moscow: 5, Belarus: 2 }, byName)), ['Moscow', 'Belarus', 'Minsk']);
});
