/** The opening of a text, short enough for a page's description (search engines' snippets, link previews). */

const segmenters = new Map<string, { sentences: Intl.Segmenter; words: Intl.Segmenter }>();
function segmentersFor(lang: string) {
  let pair = segmenters.get(lang);
  if (!pair) segmenters.set(lang, (pair = { sentences: new Intl.Segmenter(lang, { granularity: 'sentence' }), words: new Intl.Segmenter(lang, { granularity: 'word' }) }));
  return pair;
}

/**
 * The first paragraph's whole sentences that fit in `maxLength` characters;
 * when its first sentence alone is longer, its words that fit, then "…".
 * Sentences and words are Unicode's (UAX #29), so a Hindi sentence ends at
 * its danda and an Arabic one at its question mark.
 * @example leadOf('Putin arrived. He met Lukashenko.\n\nLater…', 'en', 20) // "Putin arrived."
 */
export function leadOf(text: string, lang: string, maxLength = 160): string {
  const paragraph = text.trim().split(/\n/u)[0]!.trim();
  if (paragraph.length <= maxLength) return paragraph;
  const { sentences, words } = segmentersFor(lang);
  let end = 0;
  for (const { index, segment } of sentences.segment(paragraph)) {
    if (index + segment.trimEnd().length > maxLength) break;
    end = index + segment.length;
  }
  if (end > 0) return paragraph.slice(0, end).trimEnd();
  // No whole sentence fits: end after the last word that does, leaving room for the ellipsis.
  for (const { index, segment, isWordLike } of words.segment(paragraph)) {
    if (index + segment.length > maxLength - 1) break;
    if (isWordLike) end = index + segment.length;
  }
  return `${paragraph.slice(0, end)}…`;
}
