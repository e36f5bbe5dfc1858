/** Facts about content languages, from the platform's Unicode and CLDR data (Intl), not hand-kept tables. */
import { memoize } from './memoize.ts';

const languageNames = memoize((inLang: string) => new Intl.DisplayNames([inLang], { type: 'language' }));
const regionNames = memoize((inLang: string) => new Intl.DisplayNames([inLang], { type: 'region' }));
// DisplayNames.of() is itself slow (microseconds) and a build asks for the same few names a million times.
const languageNameIn = memoize((key: `${string} ${string}`) => {
  const [lang, inLang] = key.split(' ') as [string, string];
  return languageNames(inLang).of(lang) ?? lang;
});
const directions = memoize((lang: string): 'ltr' | 'rtl' => {
  const locale = new Intl.Locale(lang) as Intl.Locale & { getTextInfo?: () => { direction: string } };
  return locale.getTextInfo?.().direction === 'rtl' ? 'rtl' : 'ltr';
});
const scripts = memoize((lang: string) => new Intl.Locale(lang).maximize().script ?? 'Latn');
const listFormats = memoize((inLang: string) => new Intl.ListFormat(inLang, { type: 'conjunction' }));

/** Writing direction of a language, e.g. "rtl" for Arabic. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  return directions(lang);
}

/**
 * The name of language `lang` in the language `inLang`.
 * @example languageName('hi', 'en') // "Hindi"
 */
export function languageName(lang: string, inLang: string): string {
  return languageNameIn(`${lang} ${inLang}`);
}

/**
 * Languages named in the language `inLang`, as a list written the way that language writes one (Arabic joins
 * with و, not with a Latin comma).
 * @example languageList(['hi', 'ar'], 'en') // "Hindi and Arabic"
 * @example languageList(['hi', 'ar', 'en'], 'ar') // "الهندية والعربية والإنجليزية"
 */
export function languageList(langs: readonly string[], inLang: string): string {
  return listFormats(inLang).format(langs.map((lang) => languageName(lang, inLang)));
}

/** The name of a country (ISO 3166-1 alpha-2) in the language `inLang`. */
export function countryName(code: string, inLang: string): string {
  return regionNames(inLang).of(code) ?? code;
}

/** The likely script of a language (ISO 15924), e.g. "Deva" for Hindi. */
export function likelyScript(lang: string): string {
  return scripts(lang);
}
