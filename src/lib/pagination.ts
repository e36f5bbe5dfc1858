/**
 * Splits long lists across numbered pages, so that no page grows with the
 * archive: an event with 5,000 articles is 100 pages of 50, not one page of
 * 5,000. Page 1 keeps the list's own URL; page n lives at <url>page/<n>/, so
 * pagination only ever adds URLs and never moves one.
 */
import type { Translate } from '../i18n/ui/index.ts';
import { formatNumber } from './numbers.ts';

/** Articles on one page of an event, entity, source or language. */
export const ARTICLES_PER_PAGE = 50;
/** Other articles on its events that an article's page lists; the events' pages list them all. */
export const OTHER_COVERAGE_ON_ARTICLE_PAGE = 12;
/** Events an entity's or topic's page lists, the latest first (a search lists them all). */
export const EVENTS_ON_RECORD_PAGE = 20;
/** Events, entities or sources on one page of their list. */
export const LIST_ITEMS_PER_PAGE = 100;

/** One page of a paginated list. */
export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** How many pages the list has (at least 1, even for an empty list). */
  count: number;
  /** The items on this page. */
  items: readonly T[];
  /** How many items the whole list has. */
  total: number;
  /** 1-based position of this page's first item in the whole list (0 for an empty list). */
  first: number;
}

/**
 * How many pages a list of `total` items fills; an empty list still has its page 1.
 * @example pageCount(101, 50) // 3
 */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/**
 * Page `number` of `items`.
 * @example pageOf(['a', 'b', 'c'], 2, 2).items // ['c']
 */
export function pageOf<T>(items: readonly T[], number: number, perPage: number): Page<T> {
  const count = pageCount(items.length, perPage);
  if (!Number.isInteger(number) || number < 1 || number > count) throw new RangeError(`page ${number} is not between 1 and ${count}`);
  const start = (number - 1) * perPage;
  return { number, count, items: items.slice(start, start + perPage), total: items.length, first: items.length === 0 ? 0 : start + 1 };
}

/**
 * The URL of page `number` of the list at `base` (a URL ending in /).
 * @example pagePath('/events/x/', 1) // "/events/x/"
 * @example pagePath('/events/x/', 3) // "/events/x/page/3/"
 */
export function pagePath(base: string, number: number): string {
  return number === 1 ? base : `${base}page/${number}/`;
}

/**
 * The route parameter of page `number`: undefined for page 1 (the list's own URL), "page/<n>" after.
 * @example pageParam(1) // undefined
 * @example pageParam(2) // "page/2"
 */
export function pageParam(number: number): string | undefined {
  return number === 1 ? undefined : `page/${number}`;
}

/**
 * The page numbers a pager shows: the first, the last, and those around the current one, with
 * null where numbers are left out.
 * @example pagerNumbers(7, 20) // [1, null, 5, 6, 7, 8, 9, null, 20]
 */
export function pagerNumbers(current: number, count: number, around = 2): (number | null)[] {
  const numbers: (number | null)[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - current) <= around) numbers.push(n);
    else if (numbers.at(-1) !== null) numbers.push(null);
  }
  return numbers;
}

/**
 * The title of a page of a list: the list's own title on page 1, with the page's position after it, in the
 * interface language `lang` of the translator `t`.
 * @example pagedTitle('Minsk', { number: 2, count: 9 }, t, 'en') // "Minsk (Page 2 of 9)"
 */
export function pagedTitle(title: string, page: Pick<Page<unknown>, 'number' | 'count'>, t: Translate, lang: string): string {
  if (page.number === 1) return title;
  return `${title} (${t('pager.position', { number: formatNumber(page.number, lang), count: formatNumber(page.count, lang) })})`;
}

/** A year's run in a list ordered by date: the year, how many items of the list are from it, and where its first is. */
export interface YearRun {
  year: string;
  items: number;
  /** 0-based position of the year's first item in the whole list. */
  start: number;
}

/**
 * The years of a list ordered by date (newest or oldest first, so that each year's items are together), each
 * with how many items are from it and where they start: what a long list's index of years links to.
 * @example yearRuns(['2025-01-02', '2024-05', '2024'], (date) => date.slice(0, 4)) // [{ year: '2025', items: 1, start: 0 }, { year: '2024', items: 2, start: 1 }]
 */
export function yearRuns<T>(items: readonly T[], yearOf: (item: T) => string): YearRun[] {
  const runs: YearRun[] = [];
  items.forEach((item, position) => {
    const year = yearOf(item);
    const last = runs.at(-1);
    if (last?.year === year) last.items++;
    else runs.push({ year, items: 1, start: position });
  });
  return runs;
}

/**
 * The number of the page that holds position `start` (0-based) of a list with `perPage` items a page.
 * @example pageAt(50, 50) // 2
 */
export function pageAt(start: number, perPage: number): number {
  return Math.floor(start / perPage) + 1;
}

/**
 * The fragment of the first item of a year in a list's page, where the list's index of years links.
 * @example yearAnchor('2024') // "y2024"
 */
export function yearAnchor(year: string): string {
  return `y${year}`;
}

/**
 * The anchor (yearAnchor) of each item of a page that is the first of its year, by its position on the page.
 * @example anchorsOfYears([{ year: '2024', items: 3, start: 0 }, { year: '2023', items: 1, start: 3 }], { first: 3 })(1) // "y2023"
 */
export function anchorsOfYears(years: readonly YearRun[], page: Pick<Page<unknown>, 'first'>): (position: number) => string | undefined {
  const starting = new Map(years.map((run) => [run.start, yearAnchor(run.year)]));
  return (position) => starting.get(page.first - 1 + position);
}
