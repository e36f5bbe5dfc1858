/**
 * The change the benchmark's rebuild is timed after: one article's text
 * corrected, as a maintainer would. Which article matters: Pagefind has no
 * incremental mode, so the search shard that holds the article is indexed
 * again whole, and shards differ in size (at 10,000 articles, the Malay
 * bundle holds 2,000 records, the Hindi one 13,000). The budget holds for
 * any one article, so the change is made where it costs most: to an article
 * held by the largest shard, in the article's language (a sentence in
 * another script would also change the names record the article has in that
 * script's bundle: src/lib/search-records.ts).
 */
import { shardIndex, shardsOf } from '../../../src/lib/search-shards.ts';

/** A search shard as bundles.json lists it (scripts/search-index.ts). */
export interface ShardEntry {
  bundle: string;
  language: string;
  pages: number;
}

/** "A sentence corrected." in each language of the benchmark corpus. */
const CORRECTED_SENTENCE: Readonly<Record<string, string>> = {
  en: 'A corrected sentence.',
  hi: 'एक सुधारा गया वाक्य।',
  ar: 'جملة مصححة.',
  ms: 'Satu ayat yang dibetulkan.',
};

/** The largest shard (by records; the first in bundles.json's order on a tie). */
export function largestShard(shards: readonly ShardEntry[]): ShardEntry {
  if (shards.length === 0) throw new Error('bundles.json lists no search shard');
  return shards.reduce((largest, shard) => (shard.pages > largest.pages ? shard : largest));
}

/** The article's Markdown with a sentence in `language` added as its last paragraph. */
export function correctArticle(markdown: string, language: string): string {
  const sentence = CORRECTED_SENTENCE[language];
  if (!sentence) throw new Error(`no corrected sentence in "${language}": add one to CORRECTED_SENTENCE`);
  return `${markdown.trimEnd()}\n\n${sentence}\n`;
}

/** Whether `shard`, one of `shards` (bundles.json's), holds the page at `url`: as scripts/search-index.ts shares pages out. */
export function holdsPage(shard: ShardEntry, shards: readonly ShardEntry[], url: string): boolean {
  const ofLanguage = shardsOf(shard.language, shards.filter((s) => s.language === shard.language).length, 1);
  return shardIndex(url, ofLanguage.length) === ofLanguage.findIndex((s) => s.bundle === shard.bundle);
}
