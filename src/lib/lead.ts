/** The opening of a text, short enough for a page's description (search engines' snippets, link previews). */

const segmenters = new Map<string, { sentences: Intl.Segmenter; words: Intl.Segmenter }>();
function segmentersFor(lang: string) {
  let pair = segmenters.get(lang);
  if (!pair) segmenters.set(lang, (pair = { sentences: new Intl.Segmenter(lang, { granularity: 'sentence' }), words: new Intl.Segmenter(lang, { granularity: 'word' }) }));
  return pair;
}

/**
 * The text's whole opening sentences that fit in `maxLength` characters, on
 * one line; when its first sentence alone is longer, its words that fit, then
 * "…". Sentences and words are Unicode's (UAX #29), so a Hindi sentence ends
 * at its danda, an Arabic one at its question mark, and a paragraph (a
 * dateline alone on its line) ends one too.
 * @example leadOf('Putin arrived. He met Lukashenko.\n\nLater…', 'en', 20) // "Putin arrived."
 */
export function leadOf(text: string, lang: string, maxLength = 160): string {
  // Twice the length is enough to find where the last sentence that fits ends, and no article is segmented whole.
  const opening = text.trim().slice(0, maxLength * 2);
  if (opening.length <= maxLength) return oneLine(opening);
  const { sentences, words } = segmentersFor(lang);
  let end = 0;
  for (const { index, segment } of sentences.segment(opening)) {
    if (index + segment.trimEnd().length > maxLength) break;
    end = index + segment.length;
  }
  if (end > 0) return oneLine(opening.slice(0, end));
  // No whole sentence fits: end after the last word that does, leaving room for the ellipsis.
  for (const { index, segment, isWordLike } of words.segment(opening)) {
    if (index + segment.length > maxLength - 1) break;
    if (isWordLike) end = index + segment.length;
  }
  return `${oneLine(opening.slice(0, end))}…`;
}

const oneLine = (text: string) => text.replace(/\s+/gu, ' ').trim();
