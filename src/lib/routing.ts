/**
 * Every page's URL from one place. Interface locales other than English live
 * under their segment (/ar/events/); articles have one URL whatever the locale.
 */
import { defaultLocale, localeKeys, locales, type LocaleKey } from '../i18n/locales.ts';
import { pageParam, pagePath } from './pagination.ts';

/**
 * The URL of a localized page.
 * @example localizedPath('ar', 'events/') // "/ar/events/"
 * @example localizedPath('en', '') // "/"
 */
export function localizedPath(locale: LocaleKey, path: string): string {
  const segment = locales[locale].segment;
  return `/${segment ? `${segment}/` : ''}${path}`;
}

/** Static-path params for a page that exists in every interface locale (`[...locale]` routes). */
export function localeParams(): { params: { locale: string | undefined }; props: { locale: LocaleKey } }[] {
  return localeKeys.map((locale) => ({
    params: { locale: locale === defaultLocale ? undefined : locales[locale].segment },
    props: { locale },
  }));
}

/** Crosses every interface locale with every item, for pages such as /ar/events/<id>/. */
export function localeItemParams<T, P extends Record<string, string>>(
  items: readonly T[],
  toParams: (item: T) => P,
): { params: P & { locale: string | undefined }; props: { locale: LocaleKey; item: T } }[] {
  return localeParams().flatMap(({ params, props }) =>
    items.map((item) => ({ params: { ...toParams(item), ...params }, props: { ...props, item } })),
  );
}

/**
 * Crosses every interface locale with every page of every item, for paginated
 * pages such as /ar/events/<id>/page/2/ (`[id]/[...page]` routes): page 1 keeps
 * the item's URL.
 */
export function localeItemPageParams<T, P extends Record<string, string>>(
  items: readonly T[],
  toParams: (item: T) => P,
  pageCount: (item: T) => number,
  cacheKey?: (item: T, page: number) => string,
): { params: P & { locale: string | undefined; page: string | undefined }; props: { locale: LocaleKey; item: T; page: number }; cacheKey?: string }[] {
  // A page's key does not depend on the locale: it is computed once for all of them.
  const keys = new Map<T, string[]>();
  const keyOf = (item: T, page: number) => {
    if (!cacheKey) return {};
    let itemKeys = keys.get(item);
    if (!itemKeys) keys.set(item, (itemKeys = Array.from({ length: pageCount(item) }, (_, index) => cacheKey(item, index + 1))));
    return { cacheKey: itemKeys[page - 1]! };
  };
  return localeItemParams(items, toParams).flatMap(({ params, props }) =>
    Array.from({ length: pageCount(props.item) }, (_, index) => ({
      params: { ...params, page: pageParam(index + 1) },
      props: { ...props, page: index + 1 },
      ...keyOf(props.item, index + 1),
    })),
  );
}

/** Static-path params for pages 2 and after of a list in every locale (`[...locale]/<list>/page/[page]` routes). */
export function localeListPageParams(
  pageCount: number,
  cacheKey?: (page: number) => string,
): { params: { locale: string | undefined; page: string }; props: { locale: LocaleKey; page: number }; cacheKey?: string }[] {
  const keys = Array.from({ length: Math.max(0, pageCount - 1) }, (_, index) => cacheKey?.(index + 2));
  return localeParams().flatMap(({ params, props }) =>
    keys.map((key, index) => ({
      params: { ...params, page: String(index + 2) },
      props: { ...props, page: index + 2 },
      ...(key === undefined ? {} : { cacheKey: key }),
    })),
  );
}

/** Static-path params for the first page of a list in every locale, with the page's cache key. */
export function localeFirstPageParams(cacheKey: string): { params: { locale: string | undefined }; props: { locale: LocaleKey }; cacheKey: string }[] {
  return localeParams().map((path) => ({ ...path, cacheKey }));
}

export const paths = {
  home: (locale: LocaleKey) => localizedPath(locale, ''),
  events: (locale: LocaleKey, page = 1) => pagePath(localizedPath(locale, 'events/'), page),
  event: (locale: LocaleKey, id: string, page = 1) => pagePath(localizedPath(locale, `events/${id}/`), page),
  languages: (locale: LocaleKey) => localizedPath(locale, 'languages/'),
  language: (locale: LocaleKey, lang: string, page = 1) => pagePath(localizedPath(locale, `languages/${lang}/`), page),
  sources: (locale: LocaleKey, page = 1) => pagePath(localizedPath(locale, 'sources/'), page),
  source: (locale: LocaleKey, id: string, page = 1) => pagePath(localizedPath(locale, `sources/${id}/`), page),
  entities: (locale: LocaleKey, page = 1) => pagePath(localizedPath(locale, 'entities/'), page),
  entity: (locale: LocaleKey, id: string, page = 1) => pagePath(localizedPath(locale, `entities/${id}/`), page),
  topics: (locale: LocaleKey) => localizedPath(locale, 'topics/'),
  topic: (locale: LocaleKey, id: string, page = 1) => pagePath(localizedPath(locale, `topics/${id}/`), page),
  article: (id: string) => `/articles/${id}/`,
  capture: (path: string) => `/${path}`,
  search: (locale: LocaleKey) => localizedPath(locale, 'search/'),
  data: (locale: LocaleKey) => localizedPath(locale, 'data/'),
  eventBundle: (id: string) => `/data/events/${id}.zip`,
  about: () => '/about/',
  dataDictionary: () => '/docs/data-dictionary/',
  contributing: () => '/docs/contributing/',
  citing: () => '/docs/citing/',
} as const;

/** The same page in every interface locale, for the language switcher and hreflang links. */
export function alternates(pathFor: (locale: LocaleKey) => string): Record<LocaleKey, string> {
  return Object.fromEntries(localeKeys.map((locale) => [locale, pathFor(locale)])) as Record<LocaleKey, string>;
}
