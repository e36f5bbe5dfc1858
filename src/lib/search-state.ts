/**
 * The search page's state and its URL: `?q=…&language=hi&language=ar&sort=newest`.
 * The URL is the state, so a search can be shared, bookmarked and gone back to.
 */

/** The filter keys the search page offers, in display order. */
export const FILTER_KEYS = ['type', 'language', 'event', 'source', 'entity_kind', 'entity', 'topic', 'year'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchState {
  query: string;
  /** Selected values per filter; several values of one filter match any of them. */
  filters: Partial<Record<FilterKey, string[]>>;
  sort: Sort;
}

/**
 * Reads the state from a URL's query string; unknown parameters are ignored.
 * @example parseSearchState('?q=Putin&language=hi&sort=newest') // { query: 'Putin', filters: { language: ['hi'] }, sort: 'newest' }
 */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).filter((v) => v !== ''))];
    if (values.length > 0) filters[key] = values;
  }
  const sort = params.get('sort');
  return { query: (params.get('q') ?? '').trim(), filters, sort: SORTS.includes(sort as Sort) ? (sort as Sort) : 'relevance' };
}

/** Writes the state as a query string (with "?"), in a stable order; defaults are left out. */
export function formatSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const key of FILTER_KEYS) for (const value of [...(state.filters[key] ?? [])].sort()) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Pagefind's filter argument: any of the values within a key, all keys together. */
export function toPagefindFilters(filters: SearchState['filters']): Record<string, { any: string[] }> {
  return Object.fromEntries(Object.entries(filters).map(([key, values]) => [key, { any: values }]));
}

/** Pagefind's sort argument for a sort choice. */
export function toPagefindSort(sort: Sort): Record<string, 'asc' | 'desc'> | undefined {
  return sort === 'relevance' ? undefined : { date: sort === 'newest' ? 'desc' : 'asc' };
}

/** Adds up filter counts from several indexes. */
export function mergeFilterCounts(counts: readonly Record<string, Record<string, number>>[]): Record<string, Record<string, number>> {
  const merged: Record<string, Record<string, number>> = {};
  for (const filters of counts) {
    for (const [key, values] of Object.entries(filters)) {
      const target = (merged[key] ??= {});
      for (const [value, count] of Object.entries(values)) target[value] = (target[value] ?? 0) + count;
    }
  }
  return merged;
}

/**
 * The order a filter lists its values in: years newest first, as a calendar reads; the others by how many
 * results each has (most first), then by the name shown, so that a long list's most useful values come first.
 * @example filterValueOrder('year', { '2021': 3, '2024': 1 }, compare)('2021', '2024') // > 0: 2024 first
 */
export function filterValueOrder(key: FilterKey, counts: Readonly<Record<string, number>>, compareNames: (a: string, b: string) => number): (a: string, b: string) => number {
  if (key === 'year') return (a, b) => (a < b ? 1 : a > b ? -1 : 0);
  return (a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || compareNames(a, b);
}

/**
 * The URL of a result for a reader of interface locale `segment`: pages that
 * exist in every locale (events, entities, sources, topics) are opened in the reader's.
 * @example localizeResultUrl('/events/x/', 'ar') // "/ar/events/x/"
 */
export function localizeResultUrl(url: string, segment: string): string {
  return segment && /^\/(events|entities|sources|topics)\//.test(url) ? `/${segment}${url}` : url;
}

/**
 * Merges lists that are each already sorted, by `compare`, reading items only as needed.
 * Used to interleave date-sorted results from several language indexes.
 */
export async function* mergeSorted<T>(lists: AsyncIterator<T>[], compare: (a: T, b: T) => number): AsyncGenerator<T> {
  const heads = await Promise.all(lists.map((list) => list.next()));
  for (;;) {
    let best = -1;
    heads.forEach((head, i) => {
      if (!head.done && (best < 0 || compare(head.value, (heads[best] as IteratorYieldResult<T>).value) < 0)) best = i;
    });
    if (best < 0) return;
    yield (heads[best] as IteratorYieldResult<T>).value;
    heads[best] = await lists[best]!.next();
  }
}

/**
 * Whether a query must match diacritics exactly. In the Indic scripts
 * (Devanagari to Sinhala) vowel signs, virama and nukta are letters, not
 * decorations: folding them makes दल match दिल. Arabic and Latin queries keep
 * Pagefind's folding, so a vowelled Arabic word finds the unvowelled one.
 * @example needsExactDiacritics('दल') // true
 */
export function needsExactDiacritics(query: string): boolean {
  return /[\u0900-\u0DFF]/u.test(query);
}

/**
 * Whether a filter value, by any of its `names` (its label, its English value), holds what the reader typed
 * into the list's finder: case apart, and diacritics apart unless the query is in an Indic script (as a search).
 * @example finderMatches('minsk', ['مينسك', 'Minsk']) // true
 * @example finderMatches('لوكاشينكو', ['أَلكسندر لُوكاشينكو']) // true
 */
export function finderMatches(query: string, names: readonly string[]): boolean {
  const exact = needsExactDiacritics(query);
  const fold = (text: string) => (exact ? text.normalize('NFC') : text.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase();
  const wanted = fold(query.trim());
  return names.some((name) => fold(name).includes(wanted));
}
