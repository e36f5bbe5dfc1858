/**
 * Finds dates written in a text in its language's own forms: month and weekday
 * names (from CLDR through Intl, plus common variant spellings), and Devanagari
 * or Arabic-Indic digits.
 */

/** One date found in a text. */
export interface FoundDate {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  value: string;
  precision: 'day' | 'month';
  /** The words of the text that give it. */
  evidence: string;
  index: number;
}

const DIGITS: Record<string, string> = Object.fromEntries(
  ['०१२३४५६७८९', '٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹'].flatMap((set) => [...set].map((digit, value) => [digit, String(value)])),
);

/** Replaces Devanagari and Arabic-Indic digits with ASCII ones, keeping the length. */
export function asciiDigits(text: string): string {
  return text.replace(/[०-९٠-٩۰-۹]/g, (digit) => DIGITS[digit]!);
}

/** Spellings that CLDR does not give but the press uses. */
const MONTH_VARIANTS: Record<string, string[][]> = {
  hi: [['जनवरी'], ['फरवरी', 'फ़रवरी'], ['मार्च'], ['अप्रैल', 'अप्रेल'], ['मई'], ['जून'], ['जुलाई'], ['अगस्त'], ['सितंबर', 'सितम्बर'], ['अक्टूबर', 'अक्तूबर'], ['नवंबर', 'नवम्बर'], ['दिसंबर', 'दिसम्बर']],
  ar: [['يناير', 'كانون الثاني'], ['فبراير', 'شباط'], ['مارس', 'آذار'], ['أبريل', 'ابريل', 'نيسان'], ['مايو', 'أيار'], ['يونيو', 'حزيران'], ['يوليو', 'تموز'], ['أغسطس', 'آب'], ['سبتمبر', 'أيلول'], ['أكتوبر', 'تشرين الأول'], ['نوفمبر', 'تشرين الثاني'], ['ديسمبر', 'كانون الأول']],
  ms: [['Januari'], ['Februari'], ['Mac'], ['April'], ['Mei'], ['Jun'], ['Julai'], ['Ogos'], ['September'], ['Oktober'], ['November'], ['Disember']],
};

/** Month names (1–12) in `lang` and in English, longest first, as [name, month]. */
function monthNames(lang: string): [string, number][] {
  const names = new Map<string, number>();
  for (const locale of [lang, 'en']) {
    for (const style of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
      for (let month = 1; month <= 12; month++) names.set(format.format(new Date(Date.UTC(2000, month - 1, 15))).replace('.', ''), month);
    }
  }
  (MONTH_VARIANTS[new Intl.Locale(lang).language] ?? []).forEach((variants, i) => variants.forEach((name) => names.set(name, i + 1)));
  return [...names].sort((a, b) => b[0].length - a[0].length);
}

/** Weekday names in `lang` and English, as [name, weekday 0 = Sunday]. */
export function weekdayNames(lang: string): [string, number][] {
  const names = new Map<string, number>();
  for (const locale of [lang, 'en']) {
    const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    for (let day = 0; day < 7; day++) names.set(format.format(new Date(Date.UTC(2023, 0, 1 + day))), day);
  }
  return [...names];
}

const pad = (n: number) => String(n).padStart(2, '0');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isValidDay = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && y <= 2100;
};

/**
 * Every date in a text, in order of appearance.
 * @example findDates('दिसम्बर 30, 2021', 'hi')[0] // { value: '2021-12-30', precision: 'day', evidence: 'दिसम्बर 30, 2021', … }
 */
export function findDates(text: string, lang: string): FoundDate[] {
  const ascii = asciiDigits(text);
  const found: FoundDate[] = [];
  const add = (value: string, precision: FoundDate['precision'], index: number, length: number) => {
    if (!found.some((f) => index < f.index + f.evidence.length && f.index < index + length)) found.push({ value, precision, evidence: text.slice(index, index + length), index });
  };
  const months = monthNames(lang);
  const month = `(${months.map(([name]) => escape(name)).join('|')})`;
  const monthOf = (name: string) => months.find(([n]) => n.toLowerCase() === name.toLowerCase())![1];
  const patterns: [RegExp, (m: RegExpExecArray) => [number, number, number | undefined]][] = [
    [new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${month},?\\s+(\\d{4})`, 'giu'), (m) => [Number(m[3]), monthOf(m[2]!), Number(m[1])]],
    [new RegExp(`${month}\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'giu'), (m) => [Number(m[3]), monthOf(m[1]!), Number(m[2])]],
    [/(\d{4})-(\d{2})-(\d{2})/g, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
    [/(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)/g, (m) => [Number(m[3]), Number(m[2]), Number(m[1])]],
    [new RegExp(`${month}\\s+(\\d{4})`, 'giu'), (m) => [Number(m[2]), monthOf(m[1]!), undefined]],
  ];
  for (const [regex, parts] of patterns) {
    for (const match of ascii.matchAll(regex)) {
      const [year, monthNumber, day] = parts(match as RegExpExecArray);
      if (day === undefined) {
        if (year >= 1900 && year <= 2100) add(`${year}-${pad(monthNumber)}`, 'month', match.index, match[0].length);
      } else if (isValidDay(year, monthNumber, day)) {
        add(`${year}-${pad(monthNumber)}-${pad(day)}`, 'day', match.index, match[0].length);
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Weekday names mentioned in a text (evidence for an inferred date), e.g. ["Isnin"]. */
export function findWeekdays(text: string, lang: string): string[] {
  return weekdayNames(lang)
    .filter(([name]) => new RegExp(`(^|[^\\p{L}\\p{M}])(ال)?${escape(name)}($|[^\\p{L}\\p{M}])`, 'u').test(text))
    .map(([name]) => name);
}
