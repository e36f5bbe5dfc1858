/**
 * The fixed words of the benchmark corpus in each generated language: month
 * names, date lines, event-title templates, kind words of organisations and
 * publishers, byline labels and page boilerplate. Phrases follow the wording
 * of the real corpus where it has one.
 */
import type { Precision } from './dates.ts';
import { partsOf } from './dates.ts';

/** The languages the generator writes articles in: two Latin-script, one Devanagari, one Arabic (right-to-left). */
export const LANGUAGES = ['hi', 'ar', 'ms', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** English names of the languages, for descriptions. */
export const LANGUAGE_NAMES: Record<Lang, string> = { hi: 'Hindi', ar: 'Arabic', ms: 'Malay', en: 'English' };

/** Share of articles in each language. */
export const LANGUAGE_WEIGHTS: readonly (readonly [Lang, number])[] = [['hi', 0.3], ['ar', 0.3], ['ms', 0.2], ['en', 0.2]];

/** Topics of articles and events: ids of the archive's own topics (content/topics/), which the corpus copies. */
export const TOPICS = [
  'diplomacy', 'trade', 'energy', 'sanctions', 'elections', 'military-cooperation', 'nuclear-weapons',
  'security-guarantees', 'strategic-partnership', 'union-state', 'war-in-ukraine', 'economy',
] as const;

const MONTHS: Record<Lang, readonly string[]> = {
  hi: ['जनवरी', 'फरवरी', 'मार्च', 'अप्रैल', 'मई', 'जून', 'जुलाई', 'अगस्त', 'सितंबर', 'अक्टूबर', 'नवंबर', 'दिसंबर'],
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  ms: ['Januari', 'Februari', 'Mac', 'April', 'Mei', 'Jun', 'Julai', 'Ogos', 'September', 'Oktober', 'November', 'Disember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A publication date line as a page in `lang` prints it, to the given precision. */
export function dateLine(lang: Lang, day: number, precision: Precision): string {
  const { year, month, date } = partsOf(day);
  const name = MONTHS[lang][month - 1]!;
  const written =
    precision === 'year' ? `${year}`
    : precision === 'month' ? `${name} ${year}`
    : lang === 'hi' ? `${name} ${date}, ${year}`
    : `${date} ${name} ${year}`;
  return lang === 'ar' ? `تاريخ النشر: ${written}` : written;
}

/** The English date of a day, e.g. "6 December 2024", for evidence. */
export function englishDate(day: number, precision: Precision): string {
  return dateLine('en', day, precision);
}

/** Kinds of events, each with a title template per language. */
export const EVENT_KINDS = ['meet', 'sign', 'visit', 'summit'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

type TitleTemplate = (a: string, b: string | undefined, place: string) => string;

const EVENT_TITLES: Record<EventKind, Record<Lang, TitleTemplate>> = {
  meet: {
    en: (a, b, p) => (b ? `${a} and ${b} meet in ${p}` : `${a} holds meetings in ${p}`),
    hi: (a, b, p) => (b ? `${p} में ${a} और ${b} की मुलाकात` : `${p} में ${a} की बैठकें`),
    ar: (a, b, p) => (b ? `لقاء ${a} و${b} في ${p}` : `${a} يعقد لقاءات في ${p}`),
    ms: (a, b, p) => (b ? `${a} dan ${b} bertemu di ${p}` : `${a} mengadakan pertemuan di ${p}`),
  },
  sign: {
    en: (a, b, p) => (b ? `${a} and ${b} sign an agreement in ${p}` : `${a} signs an agreement in ${p}`),
    hi: (a, b, p) => (b ? `${a} और ${b} ने ${p} में समझौते पर हस्ताक्षर किए` : `${a} ने ${p} में समझौते पर हस्ताक्षर किए`),
    ar: (a, b, p) => (b ? `${a} و${b} يوقعان اتفاقية في ${p}` : `${a} يوقع اتفاقية في ${p}`),
    ms: (a, b, p) => (b ? `${a} dan ${b} menandatangani perjanjian di ${p}` : `${a} menandatangani perjanjian di ${p}`),
  },
  visit: {
    en: (a, b, p) => (b ? `${a} visits ${p} for talks with ${b}` : `${a} visits ${p}`),
    hi: (a, b, p) => (b ? `${a} की ${p} यात्रा और ${b} से वार्ता` : `${a} की ${p} यात्रा`),
    ar: (a, b, p) => (b ? `${a} يزور ${p} ويلتقي ${b}` : `${a} يزور ${p}`),
    ms: (a, b, p) => (b ? `${a} melawat ${p} dan bertemu ${b}` : `${a} melawat ${p}`),
  },
  summit: {
    en: (a, b, p) => `Summit in ${p} with ${b ? `${a} and ${b}` : a}`,
    hi: (a, b, p) => `${p} में शिखर सम्मेलन: ${b ? `${a} और ${b}` : a}`,
    ar: (a, b, p) => `قمة في ${p} بمشاركة ${b ? `${a} و${b}` : a}`,
    ms: (a, b, p) => `Sidang kemuncak di ${p} bersama ${b ? `${a} dan ${b}` : a}`,
  },
};

/** An event's title in `lang`, from its kind, first two participants and place. */
export function eventTitle(kind: EventKind, lang: Lang, a: string, b: string | undefined, place: string): string {
  return EVENT_TITLES[kind][lang](a, b, place);
}

/** The opening English sentence of an event summary. */
export function eventLead(kind: EventKind, a: string, b: string | undefined, place: string): string {
  switch (kind) {
    case 'meet':
      return b ? `${a} and ${b} met in ${place}.` : `${a} held a series of meetings in ${place}.`;
    case 'sign':
      return b ? `${a} and ${b} signed an agreement in ${place}.` : `${a} signed an agreement in ${place}.`;
    case 'visit':
      return b ? `${a} visited ${place} and held talks with ${b}.` : `${a} paid a visit to ${place}.`;
    case 'summit':
      return `A summit in ${place} brought together ${b ? `${a} and ${b}` : a}.`;
  }
}

/** The head word of an organisation's name per language, and what such an organisation is. */
export const ORGANISATION_WORDS: readonly { en: string; hi: string; ar: string; ms: string; what: string }[] = [
  { en: 'Council', hi: 'परिषद', ar: 'مجلس', ms: 'Majlis', what: 'a governing council' },
  { en: 'Agency', hi: 'एजेंसी', ar: 'وكالة', ms: 'Agensi', what: 'a government agency' },
  { en: 'Party', hi: 'पार्टी', ar: 'حزب', ms: 'Parti', what: 'a political party' },
  { en: 'Bank', hi: 'बैंक', ar: 'بنك', ms: 'Bank', what: 'a state bank' },
  { en: 'Union', hi: 'संघ', ar: 'اتحاد', ms: 'Kesatuan', what: 'a regional union of states' },
  { en: 'Ministry', hi: 'मंत्रालय', ar: 'وزارة', ms: 'Kementerian', what: 'a government ministry' },
];

/** The words naming each kind of publisher, per language. */
export const SOURCE_KIND_WORDS: Record<string, { en: string; hi: string; ar: string; ms: string; what: string }> = {
  'news-agency': { en: 'News Agency', hi: 'समाचार एजेंसी', ar: 'وكالة أنباء', ms: 'Agensi Berita', what: 'news agency' },
  broadcaster: { en: 'Television', hi: 'टीवी', ar: 'تلفزيون', ms: 'Televisyen', what: 'broadcaster' },
  newspaper: { en: 'Daily', hi: 'दैनिक', ar: 'صحيفة', ms: 'Harian', what: 'daily newspaper' },
  'news-website': { en: 'News', hi: 'समाचार', ar: 'أخبار', ms: 'Berita', what: 'news website' },
  'press-release-wire': { en: 'Wire', hi: 'वायर', ar: 'واير', ms: 'Wire', what: 'press-release distribution wire' },
  aggregator: { en: 'Hub', hi: 'हब', ar: 'مركز', ms: 'Hub', what: 'news aggregator' },
};

/**
 * A name built from a Latin/Devanagari/Arabic stem and a kind word: Hindi and
 * English put the word after the name, Arabic and Malay before it.
 */
export function withKindWord(lang: Lang, stem: string, word: string): string {
  return lang === 'en' || lang === 'hi' ? `${stem} ${word}` : `${word} ${stem}`;
}

/** Roles of people, for entity descriptions. */
export const PERSON_ROLES = ['politician', 'diplomat', 'government minister', 'journalist', 'military officer', 'economist', 'party leader'] as const;

/** The byline label printed before an author's name, and its English gloss. */
export const BYLINE_LABELS: Record<Lang, { label: string; gloss: string }> = {
  hi: { label: 'लेखक', gloss: 'author' },
  ar: { label: 'بقلم', gloss: 'by' },
  ms: { label: 'Oleh', gloss: 'by' },
  en: { label: 'By', gloss: 'by' },
};

/** A newsroom byline without a person's name. */
export const STAFF_BYLINES: Record<Lang, string> = { hi: 'संवाददाता', ar: 'فريق التحرير', ms: 'Wartawan', en: 'Staff reporter' };

/** A line of page furniture found in captures, with the reason an editor removes it. */
export interface Boilerplate {
  text: string;
  reason: string;
}

const COMMON_BOILERPLATE: readonly Boilerplate[] = [
  { text: 'Source link', reason: 'Aggregator boilerplate (a link to the original), not part of the article text.' },
  { text: 'Leave a Comment', reason: 'Comment-widget boilerplate of the aggregator page, not part of the article text.' },
  { text: '|', reason: 'A stray page-layout separator, not part of the article text.' },
];

const LANGUAGE_BOILERPLATE: Record<Lang, readonly Boilerplate[]> = {
  hi: [
    { text: 'साझा करें', reason: 'The share widget ("साझा करें", "share") of the page, not part of the article text.' },
    { text: 'यह भी पढ़ें', reason: 'The heading "यह भी पढ़ें" ("read also") of a related-links box whose links were not captured.' },
  ],
  ar: [
    { text: 'شارك هذا المقال', reason: 'The "share this article" widget of the page, not part of the article text.' },
    { text: 'إقرأ أيضاً:', reason: 'The aggregator\'s "read also" heading; the related links were not captured.' },
  ],
  ms: [
    { text: 'Sektor: Top Story, Berita Harian', reason: 'The distributor\'s sector tags, not part of the article text.' },
    { text: 'Kongsi artikel ini', reason: 'The "share this article" widget of the page, not part of the article text.' },
  ],
  en: [
    { text: 'Share this article', reason: 'The share widget of the page, not part of the article text.' },
    { text: 'Advertisement', reason: 'An advertisement placeholder, not part of the article text.' },
  ],
};

/** The page furniture a capture in `lang` may carry. */
export function boilerplateFor(lang: Lang): readonly Boilerplate[] {
  return [...COMMON_BOILERPLATE, ...LANGUAGE_BOILERPLATE[lang]];
}

/** Why an article has no title, as editors word it. */
export const TITLE_MISSING_REASONS = [
  'The capture has no headline: it starts directly at the first paragraph.',
  'The capture holds only the article text; the page\'s headline was not captured.',
  'The page prints no headline of its own, only the name of its section.',
] as const;

/** A noun phrase with its English indefinite article: "an economist", "a city". */
export function indefinite(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

/** An English list: "Hindi", "Hindi and Malay", "Hindi, Arabic and Malay". */
export function englishList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** ISO 3166-1 alpha-2 countries of publishers. */
export const COUNTRIES = ['IN', 'AE', 'EG', 'SA', 'MY', 'SG', 'GB', 'US', 'RU', 'IR', 'QA', 'LB', 'PK', 'ID', 'BY', 'GR'] as const;
