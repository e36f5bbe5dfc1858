/**
 * `npm run bench -- --articles N`: generates a benchmark corpus, builds it with
 * `npm run build`'s own script in a temporary copy of the project (never
 * touching content/), rebuilds it after changing one article, and measures in
 * Chromium what readers download. Prints one table, checks the budgets, and
 * writes bench/results/<date>-<N>.json; exits 1 when a budget fails.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { builtPages } from '../lib/astro-output.ts';
import { serveStatic } from '../lib/static-server.ts';
import { loadCollectionKeys } from '../../src/lib/content-files.ts';
import { SEARCH_INDEX_DIR } from '../../src/lib/linked-outputs.ts';
import { paths } from '../../src/lib/routing.ts';
import { checkBudgets, type BenchResult, type RebuildChange, type Stage } from './lib/budgets.ts';
import { profileMarkdown, summarizeProfiles, type CpuProfile } from './lib/cpu-profile.ts';
import { countBytes, largestPage, pageWeight } from './lib/page-weight.ts';
import { correctArticle, holdsPage, largestShard, type ShardEntry } from './lib/rebuild-change.ts';

const USAGE = `Usage: npm run bench -- --articles N [--seed S] [--query WORD] [--second WORD] [--other-script WORD] [--skip-rebuild] [--keep] [--profile]

Builds site, search index and exports over a generated N-article corpus in a
temporary folder, rebuilds it after changing one article, and prints wall time,
CPU time and peak memory per stage, output sizes, search downloads and the
heaviest pages, with the budgets they are held to. --skip-rebuild leaves out
the rebuild (its budget then fails as not measured); --keep leaves the folder.
--profile runs every stage under V8's CPU profiler (slower) and writes where
each stage's time went, by area and by function, to
bench/results/<date>-<N>-profile.md (the results to <date>-<N>-profiled.json).`;

const { values } = parseArgs({
  options: {
    articles: { type: 'string' }, seed: { type: 'string', default: '1' }, query: { type: 'string', default: 'Putin' },
    second: { type: 'string', default: 'Lukashenko' }, 'other-script': { type: 'string', default: 'बेलारूस' }, 'skip-rebuild': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false }, profile: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help || !values.articles) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const ROOT = join(import.meta.dirname, '..', '..');
const N = Number(values.articles);
const dir = join(tmpdir(), `atlas-bench-${N}`);
const round = (n: number) => Math.round(n * 10) / 10;
/** Where the stages' CPU profiles go with --profile: one folder per build, one per stage in it. */
const profiles = `${dir}-profile`;

/** How long the writes still pending before each timed step took to reach the disk (sync(1)), by step. */
const syncs: { before: string; wall_s: number }[] = [];

/**
 * Runs a command in `cwd` under GNU time; returns its wall time, CPU time and peak memory. With `log`, keeps its output there.
 * The writes of the step before are flushed first (and that time is reported apart): at 100,000 articles a build
 * writes about 25 GB, and the kernel writing them back would otherwise be timed as part of whatever comes next.
 */
async function timed(stage: string, command: string[], cwd: string, env: Record<string, string> = {}, log?: string): Promise<Stage> {
  const syncStarted = performance.now();
  spawnSync('sync');
  syncs.push({ before: stage, wall_s: round((performance.now() - syncStarted) / 1000) });
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, ...command], {
    cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  if (result.status !== 0) {
    console.error(`${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
    throw new Error(`bench: ${stage} failed`);
  }
  if (log) await writeFile(log, result.stdout + result.stderr);
  const [wall, user, system, rssKb] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  const measured = { stage, wall_s: round(wall!), cpu_s: round(user! + system!), peak_rss_mib: Math.round(rssKb! / 1024) };
  console.log(`bench: ${stage}: ${measured.wall_s} s${log ? ` (output in ${log})` : ''}`);
  return measured;
}

/**
 * Runs the real build in the copy; returns its stages (from build.ts's stage report) and the whole.
 * Its output, with each stage's own timings (the export's phases, the search's bundles), is kept beside the folder.
 */
async function build(label: string): Promise<{ stages: Stage[]; total: Stage }> {
  const report = join(dir, `.stages-${label}.jsonl`);
  await rm(report, { force: true });
  const profiling = values.profile ? { ATLAS_CPU_PROFILE: join(profiles, label) } : {};
  const total = await timed(`${label} build`, ['scripts/build.ts'], dir, { ATLAS_STAGE_REPORT: report, ...profiling }, `${dir}-${label}.log`);
  const stages = (await readFile(report, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Stage);
  return { stages, total };
}

async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  return total;
}

await rm(dir, { recursive: true, force: true });
await rm(profiles, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
// The project is copied first, so that what is measured is the code as it was when the benchmark started.
for (const part of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'scripts', 'public']) await cp(join(ROOT, part), join(dir, part), { recursive: true });
const generation = await timed('corpus generation', [join(ROOT, 'scripts/bench/corpus.ts'), '--articles', String(N), '--out', dir, '--seed', values.seed], ROOT);
await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));

// In the build the content check runs beside the other stages at a lower priority, so its time there is not
// its own: it is timed alone, cold (without its cache of verdicts), as CI runs it on a pull request's fresh checkout.
const check = await timed('content:check alone, cold', ['scripts/content-check.ts'], dir);
await rm(join(dir, '.cache', 'content-check.sqlite'), { force: true });
const cold = await build('cold');
/**
 * A maintainer's change: one article's text corrected, then the build run again with its caches warm.
 * The article is one of the language whose search shard is largest, the costliest to index again
 * (scripts/bench/lib/rebuild-change.ts): the first in that shard from the middle of the articles.
 */
async function rebuild(): Promise<{ stages: Stage[]; total: Stage; change: RebuildChange }> {
  const { bundles } = JSON.parse(await readFile(join(dir, SEARCH_INDEX_DIR, 'bundles.json'), 'utf8')) as { bundles: ShardEntry[] };
  const shard = largestShard(bundles);
  // The articles as the build loaded them (from its record cache, warm): in file order.
  const { records } = await loadCollectionKeys(dir, 'articles');
  const middle = Math.floor(records.length / 2);
  const article = [...records.slice(middle), ...records.slice(0, middle)].find(({ data }) => data.language === shard.language && holdsPage(shard, bundles, paths.article(data.id)));
  if (!article) throw new Error(`bench: no ${shard.language} article in the largest search shard (${shard.bundle})`);
  const file = join(dir, article.file);
  await writeFile(file, correctArticle(await readFile(file, 'utf8'), shard.language));
  return { ...(await build('rebuild')), change: { article: basename(article.file), language: shard.language, largest_search_shard: shard.bundle, shard_records: shard.pages } };
}
const warm = values['skip-rebuild'] ? undefined : await rebuild();
if (warm) console.log(`bench: the rebuild's change: ${warm.change.article} (${warm.change.language}; its search shard, ${warm.change.largest_search_shard}, is the largest: ${warm.change.shard_records} records)`);
/** How precise the incremental build was: after one article's text changed, the pages and feeds rendered again. */
const rebuiltPages = warm ? builtPages(await readFile(`${dir}-rebuild.log`, 'utf8')) : [];
const renderedAgain = rebuiltPages.filter((page) => !page.kept).length;

const pages = (await readdir(join(dir, 'dist'), { recursive: true })).filter((f) => f.endsWith('.html')).length;

/** The size of each export file, in MiB; the captures and the per-event zips summed. */
async function exportSizes(): Promise<Record<string, number>> {
  const data = join(dir, 'dist', 'data');
  const sizes: Record<string, number> = {};
  for (const entry of await readdir(data, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name).slice(data.length + 1);
    const key = /^(captures|events)\//.test(path) ? `${path.split('/')[0]}/ (all)` : path;
    sizes[key] = (sizes[key] ?? 0) + (await stat(join(data, path))).size;
  }
  return Object.fromEntries(Object.entries(sizes).sort().map(([path, bytes]) => [path, round(bytes / 2 ** 20)]));
}

// What readers download, counted in Chromium (lib/page-weight.ts).
const server = await serveStatic(join(dir, 'dist'));
const { origin } = server;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const search = await browser.newPage();
const searchBytes = countBytes(search);
await search.goto(`${origin}/search/?q=${encodeURIComponent(values.query)}`);
await search.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached', timeout: 300_000 });
await search.waitForLoadState('networkidle');
const firstQuery = searchBytes.total();
/** Runs another query on the search page; returns what it downloaded. */
async function nextQuery(query: string): Promise<number> {
  const before = searchBytes.total();
  await search.fill('#search-q', query);
  await search.press('#search-q', 'Enter');
  await search.waitForFunction((q) => document.getElementById('search-status')?.textContent?.includes(q) ?? false, query, { timeout: 300_000 });
  await search.waitForLoadState('networkidle');
  return searchBytes.total() - before;
}
// A second query in the same script reuses the bundles loaded; one in another script loads that script's bundles.
const secondQuery = await nextQuery(values.second);
const otherScriptQuery = await nextQuery(values['other-script']);
const heaviestArticle = await pageWeight(browser, origin, await largestPage(join(dir, 'dist'), 'articles'));
const heaviestEvent = await pageWeight(browser, origin, await largestPage(join(dir, 'dist'), 'events'));
await browser.close();
await server.close();

const astro = cold.stages.find((s) => s.stage === 'site')!;
const result: BenchResult = {
  articles: N,
  date: new Date().toISOString().slice(0, 10),
  machine: { cpus: cpus().length, memory_gib: Math.round(totalmem() / 2 ** 30) },
  corpus_generation: generation,
  stages: cold.stages,
  build: cold.total,
  content_check: check,
  syncs,
  ...(warm ? { rebuild: warm.total, rebuild_stages: warm.stages, rebuild_pages: { rendered: renderedAgain, kept: rebuiltPages.length - renderedAgain }, rebuild_change: warm.change } : {}),
  pages,
  pages_per_s: round(pages / (astro.wall_s || 1)),
  ms_per_article: round((cold.total.wall_s * 1000) / N),
  output_mib: { site: round((await sizeOf(join(dir, 'dist'))) / 2 ** 20), pagefind: round((await sizeOf(join(dir, 'dist', 'pagefind'))) / 2 ** 20), data: round((await sizeOf(join(dir, 'dist', 'data'))) / 2 ** 20) },
  export_files_mib: await exportSizes(),
  search_kb: {
    query: values.query, first_query: round(firstQuery / 1024),
    second: values.second, second_query: round(secondQuery / 1024),
    other_script: values['other-script'], other_script_query: round(otherScriptQuery / 1024),
  },
  heaviest_article_page: heaviestArticle,
  heaviest_event_page: heaviestEvent,
  budgets: [],
};
result.budgets = checkBudgets(result, await readBaseline(N));
const results = join(ROOT, 'bench', 'results');
await mkdir(results, { recursive: true });
// A profiled run is slower: its results are kept apart, and never taken as the baseline for growth.
await writeFile(join(results, `${result.date}-${N}${values.profile ? '-profiled' : ''}.json`), JSON.stringify(result, null, 2) + '\n');
if (values.profile) {
  const summary = join(results, `${result.date}-${N}-profile.md`);
  await writeFile(summary, await profileReport());
  console.log(`bench: where the time went, by stage: ${summary} (the profiles: ${profiles})`);
}

console.log(`\n| Stage (${N.toLocaleString('en')} articles) | Wall (s) | CPU (s) | Peak RSS (MiB) |\n| --- | --- | --- | --- |`);
const rebuildRows = warm ? [...warm.stages.map((s) => ({ ...s, stage: `rebuild: ${s.stage}` })), warm.total] : [];
for (const s of [generation, check, ...cold.stages, cold.total, ...rebuildRows]) console.log(`| ${s.stage} | ${s.wall_s} | ${s.cpu_s} | ${s.peak_rss_mib} |`);
console.log(`\npending writes flushed (sync) before: ${syncs.map((s) => `${s.before} ${s.wall_s} s`).join(', ')}`);
if (result.rebuild_pages) console.log(`\nrebuild: ${result.rebuild_pages.rendered} pages and feeds rendered again, ${result.rebuild_pages.kept} kept`);
console.log(`\n${pages} pages (${result.pages_per_s}/s); output ${JSON.stringify(result.output_mib)} MiB; ${result.ms_per_article} ms an article`);
console.log(`search "${values.query}": first query ${result.search_kb.first_query} KB, then "${values.second}" ${result.search_kb.second_query} KB, then "${values['other-script']}" ${result.search_kb.other_script_query} KB; heaviest article page ${heaviestArticle.gzip_kb} KB (${heaviestArticle.path}), event page ${heaviestEvent.gzip_kb} KB (${heaviestEvent.path})`);
console.log(`\n| Budget | Limit | Measured | |\n| --- | --- | --- | --- |`);
for (const b of result.budgets) console.log(`| ${b.name} | ${b.limit} | ${b.measured} | ${b.ok ? 'pass' : 'FAIL'} |`);
if (!values.keep) await rm(dir, { recursive: true, force: true });
process.exitCode = result.budgets.every((b) => b.ok) ? 0 : 1;

/** The summary of every stage's CPU profiles, for each build (see lib/cpu-profile.ts). */
async function profileReport(): Promise<string> {
  const sections = [
    `# Where the time went: ${N.toLocaleString('en')} articles, ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Self time by area and by function in each stage's Node threads, from \`npm run bench -- --articles ${N} --profile\``,
    "(V8's sampling profiler, which slows the stages). Native threads (DuckDB, zlib's pool) and other processes",
    "(Pagefind's) are not sampled: a thread waiting for them counts as idle.",
    '',
  ];
  for (const label of (await readdir(profiles)).sort()) {
    sections.push(`## ${label} build`, '');
    for (const stage of (await readdir(join(profiles, label))).sort()) {
      sections.push(profileMarkdown(stage.replaceAll('-', ' '), summarizeProfiles(profilesIn(join(profiles, label, stage)), dir)));
    }
  }
  return sections.join('\n');
}

/** The CPU profiles in `folder`, each parsed when it is reached: at 100,000 articles one holds millions of samples. */
function* profilesIn(folder: string): Generator<CpuProfile> {
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.cpuprofile'))) yield JSON.parse(readFileSync(join(folder, file), 'utf8')) as CpuProfile;
}

/** The latest 10,000-article result, against which a 100,000-article build's growth is judged. */
async function readBaseline(articles: number): Promise<BenchResult | undefined> {
  if (articles <= 10_000) return undefined;
  const files = (await readdir(join(ROOT, 'bench', 'results')).catch(() => [])).filter((f) => f.endsWith('-10000.json')).sort();
  return files.length > 0 ? (JSON.parse(await readFile(join(ROOT, 'bench', 'results', files.at(-1)!), 'utf8')) as BenchResult) : undefined;
}
