/** Facts about content languages, from the platform's Unicode and CLDR data (Intl), not hand-kept tables. */

/** Writing direction of a language, e.g. "rtl" for Arabic. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(lang) as Intl.Locale & { getTextInfo?: () => { direction: string } };
  return locale.getTextInfo?.().direction === 'rtl' ? 'rtl' : 'ltr';
}

/**
 * The name of language `lang` in the language `inLang`.
 * @example languageName('hi', 'en') // "Hindi"
 */
export function languageName(lang: string, inLang: string): string {
  return new Intl.DisplayNames([inLang], { type: 'language' }).of(lang) ?? lang;
}

/** The name of a country (ISO 3166-1 alpha-2) in the language `inLang`. */
export function countryName(code: string, inLang: string): string {
  return new Intl.DisplayNames([inLang], { type: 'region' }).of(code) ?? code;
}

/** The likely script of a language (ISO 15924), e.g. "Deva" for Hindi. */
export function likelyScript(lang: string): string {
  return new Intl.Locale(lang).maximize().script ?? 'Latn';
}
