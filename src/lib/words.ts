/** Counting words the same way wherever the archive counts them. */

const segmenters = new Map<string, Intl.Segmenter>();
/**
 * Words in a text, counted with the platform's word segmentation (Unicode
 * UAX #29, which does not vary between the archive's languages).
 */
export function countWords(text: string, lang: string): number {
  let segmenter = segmenters.get(lang);
  if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: 'word' })));
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count++;
  return count;
}

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

/**
 * Whether `text` holds `phrase` as whole words: not inside a longer word
 * ("Putin" is in "Vladimir Putin said", not in "Putinism").
 * @example containsWords('Vladimir Putin is the President of Russia.', 'Vladimir Putin') // true
 */
export function containsWords(text: string, phrase: string): boolean {
  if (!phrase) return false;
  for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
    const before = text[at - 1];
    const after = text[at + phrase.length];
    if ((!before || !WORD_CHARACTER.test(before)) && (!after || !WORD_CHARACTER.test(after))) return true;
  }
  return false;
}
