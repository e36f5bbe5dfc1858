/**
 * A language's search bundle, split into shards when it holds more records
 * than Pagefind can index within the memory budget: Pagefind keeps a whole
 * index in memory while it writes it, and at 100,000 articles the Hindi and
 * Arabic bundles (their articles, and the names every other page has in their
 * script) took 12 GiB. The search page queries every shard of a script's
 * languages, so sharding costs a reader one more module and metadata file per
 * shard; it also means that changing one page rebuilds one shard, not the
 * whole language.
 */

/** About the most records one shard holds: pages are spread by a hash, so shards differ by a few per cent. */
export const RECORDS_PER_SHARD = 50_000;

/** One shard of a language's bundle. */
export interface Shard {
  /** Its folder under /pagefind/: the language alone when unsplit, e.g. "hi", else "hi-1", "hi-2"… */
  bundle: string;
  language: string;
  index: number;
  of: number;
}

/**
 * The shards of a language holding `records` records.
 * @example shardsOf('hi', 120_000, 50_000).map((s) => s.bundle) // ["hi-1", "hi-2", "hi-3"]
 */
export function shardsOf(language: string, records: number, perShard: number = RECORDS_PER_SHARD): Shard[] {
  const of = Math.max(1, Math.ceil(records / perShard));
  return Array.from({ length: of }, (_, index) => ({ bundle: of === 1 ? language : `${language}-${index + 1}`, language, index, of }));
}

/**
 * Which of `of` shards holds the page at `url`: by a hash of the URL (32-bit
 * FNV-1a), so that a page keeps its shard whatever else is added or changed.
 */
export function shardIndex(url: string, of: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) hash = Math.imul(hash ^ url.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % of;
}
