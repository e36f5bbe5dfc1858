/**
 * The interface locales. Direction is data: layouts write `<html lang dir>`
 * from here, never from a guess. English is served at the root, the others
 * under their URL segment.
 */
export interface Locale {
  /** BCP 47 tag of the interface language. */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The language's name in itself, for the language switcher. */
  label: string;
  /** URL segment ("" for the root locale). */
  segment: string;
}

export const locales = {
  en: { lang: 'en', dir: 'ltr', label: 'English', segment: '' },
  ar: { lang: 'ar', dir: 'rtl', label: 'العربية', segment: 'ar' },
  hi: { lang: 'hi', dir: 'ltr', label: 'हिन्दी', segment: 'hi' },
  ms: { lang: 'ms', dir: 'ltr', label: 'Bahasa Melayu', segment: 'ms' },
} as const satisfies Record<string, Locale>;

export type LocaleKey = keyof typeof locales;
export const localeKeys = Object.keys(locales) as LocaleKey[];
export const defaultLocale: LocaleKey = 'en';

/** True when `value` names an interface locale. */
export function isLocaleKey(value: string | undefined): value is LocaleKey {
  return value !== undefined && Object.hasOwn(locales, value);
}

/** The interface locale for content in language `lang`, falling back to English. */
export function localeForLanguage(lang: string): LocaleKey {
  const base = new Intl.Locale(lang).language;
  return isLocaleKey(base) ? base : defaultLocale;
}
