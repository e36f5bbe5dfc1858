/**
 * Text for the benchmark corpus: sentences of the real corpus, split per
 * language, recombined into paragraphs of a wanted length.
 */
import { loadCollection } from '../../../src/lib/content-files.ts';
import { chance, int, normal, pick, type Rng } from './random.ts';
import { LANGUAGES, type Lang } from './vocabulary.ts';

/** A reusable sentence and its word count. */
export interface Sentence {
  text: string;
  words: number;
}

/** Sentences of the real corpus for each generated language. */
export type SentencePools = Record<Lang, Sentence[]>;

/** The number of whitespace-separated words in a text. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

/** A segment ending in a short capitalised abbreviation ("St.", "Mr.", "U.S."), after which ICU wrongly breaks. */
const ABBREVIATION_END = /(?:^|\s)(?:[A-Z][a-z]{0,2}|(?:[A-Z]\.)+[A-Z])\.$/u;

/** The sentences of a plain-text paragraph, trimmed, split by the language's rules (Intl.Segmenter), not after abbreviations. */
export function splitSentences(text: string, lang: string): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  const sentences: string[] = [];
  let carry = '';
  for (const { segment } of segmenter.segment(text)) {
    const sentence = `${carry} ${segment.trim()}`.trim();
    carry = ABBREVIATION_END.test(sentence) ? sentence : '';
    if (!carry && sentence !== '') sentences.push(sentence);
  }
  if (carry) sentences.push(carry);
  return sentences;
}

/** True when a sentence can be reused in generated Markdown: long enough, no markup, no Markdown block syntax at its start. */
export function isReusable(sentence: string): boolean {
  return countWords(sentence) >= 4 && !/[<>&`*_[\]\\|#]/u.test(sentence) && !/^(?:[-+=]|\d+[.)]\s)/u.test(sentence);
}

/** The reusable sentences of a Markdown body: paragraphs holding HTML are skipped. */
export function sentencesOfBody(body: string, lang: string): string[] {
  return body
    .split(/\n\s*\n/u)
    .map((p) => p.replace(/\s+/gu, ' ').trim())
    .filter((p) => p !== '' && !p.startsWith('<'))
    .flatMap((p) => splitSentences(p, lang))
    .filter(isReusable);
}

/**
 * Loads the sentence pools from the real corpus under `root`: article bodies by
 * their language; for English, event summaries and entity descriptions.
 * Sentences are NFC, deduplicated, in file order.
 */
export async function loadSentencePools(root: string): Promise<SentencePools> {
  const [articles, events, entities] = await Promise.all([
    loadCollection(root, 'articles'),
    loadCollection(root, 'events'),
    loadCollection(root, 'entities'),
  ]);
  const texts: Record<Lang, string[]> = { hi: [], ar: [], ms: [], en: [] };
  const isLang = (tag: string): tag is Lang => (LANGUAGES as readonly string[]).includes(tag);
  for (const { data, body } of articles.records) if (isLang(data.language)) texts[data.language].push(...sentencesOfBody(body, data.language));
  for (const { body } of events.records) texts.en.push(...sentencesOfBody(body, 'en'));
  for (const { data } of entities.records) texts.en.push(...splitSentences(data.description, 'en').filter(isReusable));
  const pools = {} as SentencePools;
  for (const lang of LANGUAGES) {
    const unique = [...new Set(texts[lang].map((s) => s.normalize('NFC')))];
    if (unique.length === 0) throw new Error(`no ${lang} sentences found under ${root}/content; the generator needs the real corpus`);
    pools[lang] = unique.map((text) => ({ text, words: countWords(text) }));
  }
  return pools;
}

/** A number of words drawn from a log-normal law around `median`, clamped to [min, max]. */
export function articleLength(rng: Rng, median: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(median * Math.exp(0.65 * normal(rng)))));
}

/** Paragraphs of one to four sentences drawn from `pool`, until about `targetWords` words. */
export function composeParagraphs(rng: Rng, pool: readonly Sentence[], targetWords: number): string[] {
  const paragraphs: string[] = [];
  let words = 0;
  while (words < targetWords) {
    const sentences: string[] = [];
    for (let n = int(rng, 1, 4); n > 0 && words < targetWords; n--) {
      const sentence = pick(rng, pool);
      sentences.push(sentence.text);
      words += sentence.words;
    }
    paragraphs.push(sentences.join(' '));
  }
  return paragraphs;
}

/** The first 5–12 words of a sentence without closing punctuation: a headline-like title. */
export function headlineFrom(rng: Rng, sentence: string): string {
  const words = sentence.split(/\s+/u);
  const cut = chance(rng, 0.3) ? words : words.slice(0, int(rng, 5, 12));
  return cut.join(' ').replace(/[\s.,،:;!?؟।"“”«»()–-]+$/u, '');
}
