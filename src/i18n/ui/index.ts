/** The typed interface dictionaries and the translator built from them. */
import type { LocaleKey } from '../locales.ts';
import { ar } from './ar.ts';
import { en, type UIDictionary, type UIKey } from './en.ts';
import { hi } from './hi.ts';
import { ms } from './ms.ts';
import { formatNumber } from '../../lib/numbers.ts';

export type { UIKey, UIDictionary };

/** Every locale's dictionary; `satisfies` makes a missing key a type error. */
export const dictionaries = { en, ar, hi, ms } satisfies Record<LocaleKey, UIDictionary>;

/** Returns the keys of the English reference that `dictionary` lacks or leaves blank. */
export function findMissingKeys(dictionary: Partial<Record<string, string>>): UIKey[] {
  return (Object.keys(en) as UIKey[]).filter((key) => !dictionary[key]?.trim());
}

export type Translate = (key: UIKey, values?: Record<string, string | number>) => string;

/**
 * Creates the translator for a locale. A missing key throws (a build error,
 * never a blank); `{name}` placeholders are filled from `values`.
 * @example createTranslator('en')('article.captureLines', { from: 1, to: 9 }) // "lines 1–9"
 */
export function createTranslator(locale: LocaleKey): Translate {
  const dictionary: Partial<Record<string, string>> = dictionaries[locale];
  return (key, values = {}) => {
    const template = dictionary[key];
    if (!template) throw new Error(`Interface string "${key}" is missing for locale "${locale}" (add it to src/i18n/ui/${locale}.ts)`);
    return template.replace(/\{(\w+)\}/g, (_placeholder, name: string) => {
      if (!(name in values)) throw new Error(`Interface string "${key}" needs a value for {${name}}`);
      return String(values[name]);
    });
  };
}

/**
 * How many articles, as every list and description says it: "Articles: 1,234", "लेख: 1,234".
 * @example articleCount(createTranslator('en'), 1234, 'en') // "Articles: 1,234"
 */
export function articleCount(t: Translate, count: number, lang: string): string {
  return `${t('list.count')}: ${formatNumber(count, lang)}`;
}

/**
 * A translated string cut at one placeholder, so that a page can put an element there (a name in a span of its
 * own language and direction) where a string would leave it under the page's language.
 * @example translateAround(createTranslator('en'), 'article.titleBy.editor', 'agent') // ["translated by ", ""]
 */
export function translateAround(t: Translate, key: UIKey, placeholder: string, values: Record<string, string | number> = {}): [before: string, after: string] {
  // A character no dictionary holds marks where the placeholder was.
  const marker = '\u0000';
  const [before = '', after = ''] = t(key, { ...values, [placeholder]: marker }).split(marker);
  return [before, after];
}
