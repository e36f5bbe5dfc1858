/** What the search page shows of Pagefind's excerpt of a result. */

/** Put between the names in a search record (src/lib/search-records.ts), and trimmed from excerpts' edges here. */
export const NAME_SEPARATOR = ' · ';

/** The separator, with the spaces around it, at the start or the end of a text. */
const LEADING_SEPARATOR = new RegExp(`^[\\s${NAME_SEPARATOR.trim()}]+`, 'u');
const TRAILING_SEPARATOR = new RegExp(`[\\s${NAME_SEPARATOR.trim()}]+$`, 'u');

/** A stretch of an excerpt: text, and whether Pagefind marked it as matching the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * Pagefind cuts its excerpt window by words and counts the separator between names as one, so an excerpt may
 * start or end on it ("· Putin dan …"). Takes such a separator, and the spaces around it, off either edge.
 * @example trimExcerptEdges([{ text: '· Putin · ', marked: false }]) // [{ text: 'Putin', marked: false }]
 */
export function trimExcerptEdges(parts: readonly ExcerptPart[]): ExcerptPart[] {
  const trimmed = parts.map((part) => ({ ...part }));
  const first = trimmed[0];
  if (first && !first.marked) first.text = first.text.replace(LEADING_SEPARATOR, '');
  const last = trimmed.at(-1);
  if (last && !last.marked) last.text = last.text.replace(TRAILING_SEPARATOR, '');
  return trimmed.filter((part) => part.text !== '');
}
