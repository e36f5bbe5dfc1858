/**
 * Every page's URL from one place. Interface locales other than English live
 * under their segment (/ar/events/); articles have one URL whatever the locale.
 */
import { defaultLocale, localeKeys, locales, type LocaleKey } from '../i18n/locales.ts';

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

export const paths = {
  home: (locale: LocaleKey) => localizedPath(locale, ''),
  events: (locale: LocaleKey) => localizedPath(locale, 'events/'),
  event: (locale: LocaleKey, id: string) => localizedPath(locale, `events/${id}/`),
  languages: (locale: LocaleKey) => localizedPath(locale, 'languages/'),
  language: (locale: LocaleKey, lang: string) => localizedPath(locale, `languages/${lang}/`),
  sources: (locale: LocaleKey) => localizedPath(locale, 'sources/'),
  source: (locale: LocaleKey, id: string) => localizedPath(locale, `sources/${id}/`),
  entities: (locale: LocaleKey) => localizedPath(locale, 'entities/'),
  entity: (locale: LocaleKey, id: string) => localizedPath(locale, `entities/${id}/`),
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
