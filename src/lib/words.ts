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
