/** Dates with precision, for readers (localized words) and machines (`<time datetime>`). */
import type { z } from 'astro/zod';
import type { DateWithPrecision } from '../schema/shared.ts';
import type { Translate } from '../i18n/ui/index.ts';

export type PreciseDate = z.infer<typeof DateWithPrecision>;

const FORMATS = {
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  year: { year: 'numeric' },
} as const satisfies Record<PreciseDate['precision'], Intl.DateTimeFormatOptions>;

const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per language and precision, made once: constructing them is costly. */
function formatter(lang: string, precision: PreciseDate['precision']): Intl.DateTimeFormat {
  const key = `${lang}:${precision}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { ...FORMATS[precision], timeZone: 'UTC' });
    formats.set(key, format);
  }
  return format;
}

/**
 * The date in words in `lang`, to its precision only.
 * @example formatPreciseDate({ value: '2024-01', precision: 'month', … }, 'en') // "January 2024"
 */
export function formatPreciseDate(date: Pick<PreciseDate, 'value' | 'precision'>, lang: string): string {
  // Formatting is slow and an archive repeats the same dates on many pages: each is formatted once.
  const key = `${lang} ${date.precision} ${date.value}`;
  let text = formatted.get(key);
  if (text === undefined) {
    const [year, month = 1, day = 1] = date.value.split('-').map(Number);
    text = formatter(lang, date.precision).format(new Date(Date.UTC(year!, month - 1, day)));
    formatted.set(key, text);
  }
  return text;
}
const formatted = new Map<string, string>();

/**
 * The qualifier that says how certain a date is, or "" for a stated day.
 * @example describeDateCertainty({ precision: 'month', basis: 'inferred' }, t) // "day unknown; inferred"
 */
export function describeDateCertainty(date: Pick<PreciseDate, 'precision' | 'basis'>, t: Translate): string {
  const precision = date.precision === 'day' ? '' : t(`date.precision.${date.precision}`);
  const basis = date.basis === 'inferred' ? t('date.inferred') : '';
  // Both in one phrase, punctuated as the language does it (Arabic writes its own semicolon).
  return precision && basis ? t('date.certainty', { precision, basis }) : precision || basis;
}

/** Compares two dates of any precision, earliest first; a less precise date sorts before a more precise one in the same period. */
export function comparePreciseDates(a: Pick<PreciseDate, 'value'>, b: Pick<PreciseDate, 'value'>): number {
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}
