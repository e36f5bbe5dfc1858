/** "Did you mean …?": the known id a mistyped one most likely stands for. */
import { distance } from 'fastest-levenshtein';

/**
 * The known id nearest to `value` by edit distance (fastest-levenshtein), if
 * near enough to be a slip: at most a third of its length apart, and at least
 * two edits allowed ("euronew" for "euronews"). Else the one known id that
 * begins with it, an id cut short ("2024-12-06-minsk" for the event
 * "2024-12-06-minsk-security-guarantees-treaty").
 * @example nearestId('euronew', ['euronews', 'rt']) // "euronews"
 */
export function nearestId(value: string, ids: Iterable<string>): string | undefined {
  const allowed = Math.max(2, Math.floor(value.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  const extending: string[] = [];
  for (const id of ids) {
    const d = distance(value, id);
    if (d < bestDistance) [best, bestDistance] = [id, d];
    if (value.length >= 4 && id.startsWith(value)) extending.push(id);
  }
  if (bestDistance <= allowed) return best;
  return extending.length === 1 ? extending[0] : undefined;
}
