/**
 * The performance budgets of the scale issue, checked against a benchmark
 * result. Pure, so the rules are tested without a build.
 */

/** One measured process: wall time, CPU time (user + system) and peak resident memory. */
export interface Stage {
  stage: string;
  wall_s: number;
  cpu_s: number;
  peak_rss_mib: number;
}

export interface PageWeight {
  path: string;
  /** Everything the page downloads (HTML, CSS, fonts), gzipped as a server sends it. */
  gzip_kb: number;
  /** Scripts the page loads. */
  scripts: number;
}

export interface Budget {
  name: string;
  limit: string;
  measured: string;
  ok: boolean;
}

/** The article the rebuild is timed after changing: one held by the largest search shard. */
export interface RebuildChange {
  /** Its file in content/articles/. */
  article: string;
  language: string;
  largest_search_shard: string;
  shard_records: number;
}

export interface BenchResult {
  articles: number;
  date: string;
  machine: { cpus: number; memory_gib: number };
  corpus_generation: Stage;
  /** The stages of the cold build, as scripts/build.ts runs them. */
  stages: Stage[];
  /** The whole cold build. */
  build: Stage;
  /** content:check run alone on the fresh corpus, before the build, without its cache (in the build it runs beside the other stages). */
  content_check?: Stage;
  /** How long the writes pending before each timed step took to reach the disk (flushed before it, not timed in it). */
  syncs?: { before: string; wall_s: number }[];
  /** The whole build again after one article changed, caches warm (left out with --skip-rebuild). */
  rebuild?: Stage;
  rebuild_stages?: Stage[];
  /** The pages and feeds the rebuild rendered again, and those it kept from Astro's incremental build (from its output). */
  rebuild_pages?: { rendered: number; kept: number };
  /** The article changed before the rebuild (scripts/bench/lib/rebuild-change.ts). */
  rebuild_change?: RebuildChange;
  pages: number;
  pages_per_s: number;
  /** Cold build wall time per article. */
  ms_per_article: number;
  output_mib: { site: number; pagefind: number; data: number };
  /** Size of each export file (captures and per-event zips summed), MiB. */
  export_files_mib?: Record<string, number>;
  /**
   * What the search page downloads: the first query, a second in the same script
   * and then one in another script (which loads that script's bundles).
   */
  search_kb: { query: string; first_query: number; second?: string; second_query: number; other_script?: string; other_script_query?: number };
  heaviest_article_page: PageWeight;
  heaviest_event_page: PageWeight;
  budgets: Budget[];
}

const GIB = 1024;

/**
 * The budgets that apply to a result of this size. `baseline` is the latest
 * 10,000-article result, for the growth budget of a larger build.
 */
export function checkBudgets(result: BenchResult, baseline?: BenchResult): Budget[] {
  const budgets: Budget[] = [];
  const add = (name: string, limit: string, measured: string, ok: boolean) => budgets.push({ name, limit, measured, ok });
  const stage = (name: string) => result.stages.find((s) => s.stage === name);
  // Every process counts, the rebuild's too: its exports hold as much as the cold build's.
  const peak = Math.max(...[result.build, ...result.stages, ...(result.rebuild ? [result.rebuild] : []), ...(result.rebuild_stages ?? [])].map((s) => s.peak_rss_mib));

  if (result.articles >= 100_000) {
    add('whole build, 100,000 articles', '≤ 600 s', `${result.build.wall_s} s`, result.build.wall_s <= 600);
    const check = result.content_check ?? stage('content check');
    add('content:check, 100,000 articles', '≤ 20 s', `${check?.wall_s} s`, (check?.wall_s ?? Infinity) <= 20);
    add('exports, 100,000 articles', '≤ 120 s', `${stage('exports')?.wall_s} s`, (stage('exports')?.wall_s ?? Infinity) <= 120);
    if (baseline) {
      const growth = result.ms_per_article / baseline.ms_per_article;
      add('time per article vs 10,000', '≤ 1.3×', `${growth.toFixed(2)}× (${result.ms_per_article} vs ${baseline.ms_per_article} ms)`, growth <= 1.3);
    }
  } else if (result.articles >= 10_000) {
    add('whole build, 10,000 articles', '≤ 75 s', `${result.build.wall_s} s`, result.build.wall_s <= 75);
  }
  add('largest process', '≤ 8 GiB', `${(peak / GIB).toFixed(1)} GiB`, peak <= 8 * GIB);
  for (const [name, page] of [['heaviest article page', result.heaviest_article_page], ['heaviest event page', result.heaviest_event_page]] as const) {
    add(name, '≤ 100 KB gzip, no script', `${page.gzip_kb} KB, ${page.scripts} script(s)`, page.gzip_kb <= 100 && page.scripts === 0);
  }
  if (result.articles >= 100_000) {
    add('first search', '≤ 300 KB', `${result.search_kb.first_query} KB`, result.search_kb.first_query <= 300);
    add('second search, same script', '≤ 100 KB more', `${result.search_kb.second_query} KB`, result.search_kb.second_query <= 100);
  }
  if (result.rebuild) {
    const ratio = result.rebuild.wall_s / result.build.wall_s;
    const change = result.rebuild_change ? `; an article in ${result.rebuild_change.language}, its search shard ${result.rebuild_change.largest_search_shard} of ${result.rebuild_change.shard_records.toLocaleString('en')} records indexed again` : '';
    add('rebuild after one change', '≤ 1/5 of cold', `${result.rebuild.wall_s} s (${ratio.toFixed(2)} of ${result.build.wall_s} s${change})`, ratio <= 0.2);
  } else add('rebuild after one change', '≤ 1/5 of cold', 'not measured', false);
  return budgets;
}
