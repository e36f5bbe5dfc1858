/**
 * `npm run bench -- --articles N`: generates a benchmark corpus, builds it in a
 * temporary copy of the project (never touching content/), and prints one table:
 * wall time, CPU time and peak memory per stage, output sizes, the bytes a
 * browser downloads for a first and a second search, and the heaviest pages.
 * Results go to bench/results/<date>-<N>.json.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { chromium } from 'playwright-core';

const USAGE = `Usage: npm run bench -- --articles N [--seed S] [--query WORD] [--second WORD]

Builds site, search index and exports over a generated N-article corpus in a
temporary folder and prints wall time, CPU time and peak memory per stage.`;

const { values } = parseArgs({
  options: {
    articles: { type: 'string' }, seed: { type: 'string', default: '1' }, query: { type: 'string', default: 'Putin' },
    second: { type: 'string', default: 'बेलारूस' }, help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help || !values.articles) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const ROOT = join(import.meta.dirname, '..', '..');
const N = Number(values.articles);
const dir = join(tmpdir(), `atlas-bench-${N}`);

interface Stage { stage: string; wall_s: number; cpu_s: number; peak_rss_mib: number }
const stages: Stage[] = [];

/** Runs a Node script under /usr/bin/time -v and records its wall time, CPU time and peak memory. */
function measure(stage: string, args: string[], cwd: string): void {
  const result = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const report = result.stderr;
  if (result.status !== 0) {
    console.error(report.slice(-4000));
    throw new Error(`bench: ${stage} failed`);
  }
  const field = (name: string) => report.match(new RegExp(`${name}: ([\\d.:]+)`))?.[1] ?? '0';
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').map(Number).reduce((total, part) => total * 60 + part, 0);
  stages.push({ stage, wall_s: round(wall), cpu_s: round(Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)'))), peak_rss_mib: Math.round(Number(field('Maximum resident set size \\(kbytes\\)')) / 1024) });
  console.log(`bench: ${stage}: ${stages.at(-1)!.wall_s} s`);
}
const round = (n: number) => Math.round(n * 10) / 10;

async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  return total;
}

/** The largest HTML file under a folder, gzipped, with its CSS. */
async function heaviestPage(folder: string, css: number): Promise<{ path: string; gzip_kb: number }> {
  let heaviest = { path: '', bytes: 0 };
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = (await stat(path)).size;
    if (bytes > heaviest.bytes) heaviest = { path, bytes };
  }
  const gzip = gzipSync(await readFile(heaviest.path)).length + css;
  return { path: heaviest.path.replace(dir, ''), gzip_kb: round(gzip / 1024) };
}

await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
measure('corpus generation', [join(ROOT, 'scripts/bench/corpus.ts'), '--articles', String(N), '--out', dir, '--seed', values.seed], ROOT);
for (const part of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'scripts', 'public']) await cp(join(ROOT, part), join(dir, part), { recursive: true });
await cp(join(ROOT, 'content', 'dataset.yaml'), join(dir, 'content', 'dataset.yaml'));
await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));

measure('content:check', ['scripts/content-check.ts'], dir);
measure('exports', ['scripts/export.ts', '--out', '.cache/data'], dir);
measure('Astro pages', ['node_modules/astro/bin/astro.mjs', 'build'], dir);
measure('Pagefind', ['scripts/search-index.ts'], dir);
await cp(join(dir, '.cache', 'data'), join(dir, 'dist', 'data'), { recursive: true });

const pages = (await readdir(join(dir, 'dist'), { recursive: true })).filter((f) => f.endsWith('.html')).length;
const cssFiles = (await readdir(join(dir, 'dist', '_astro'))).filter((f) => f.endsWith('.css'));
const css = (await Promise.all(cssFiles.map(async (f) => gzipSync(await readFile(join(dir, 'dist', '_astro', f))).length))).reduce((a, b) => a + b, 0);

// Bytes a browser downloads for a first and a second query, counted in Chromium.
const serve = sirv(join(dir, 'dist'), { dev: false, gzip: false });
const server = createServer((req, res) => serve(req, res, () => { res.statusCode = 404; res.end(); }));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage();
let downloaded = 0;
page.on('response', async (response) => {
  const body = await response.body().catch(() => Buffer.alloc(0));
  // What a server with gzip sends; Pagefind's own files are compressed already.
  downloaded += /\.(pf_|pagefind$)/.test(response.url()) ? body.length : gzipSync(body).length;
});
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
await page.goto(`${origin}/search/?q=${encodeURIComponent(values.query)}`);
await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached', timeout: 120_000 });
await page.waitForLoadState('networkidle');
const firstQuery = downloaded;
await page.fill('#search-q', values.second);
await page.press('#search-q', 'Enter');
await page.waitForFunction((q) => document.getElementById('search-status')?.textContent?.includes(q) ?? false, values.second, { timeout: 120_000 });
await page.waitForLoadState('networkidle');
const secondQuery = downloaded - firstQuery;
await browser.close();
server.close();

const totalWall = stages.filter((s) => s.stage !== 'corpus generation').reduce((sum, s) => sum + s.wall_s, 0);
const result = {
  articles: N,
  date: new Date().toISOString().slice(0, 10),
  machine: { cpus: (await import('node:os')).cpus().length, memory_gib: Math.round((await import('node:os')).totalmem() / 2 ** 30) },
  stages,
  build_wall_s: round(totalWall),
  pages,
  pages_per_s: round(pages / (stages.find((s) => s.stage === 'Astro pages')!.wall_s || 1)),
  output_mib: { site: round((await sizeOf(join(dir, 'dist'))) / 2 ** 20), pagefind: round((await sizeOf(join(dir, 'dist', 'pagefind'))) / 2 ** 20), data: round((await sizeOf(join(dir, 'dist', 'data'))) / 2 ** 20) },
  search_kb: { first_query: round(firstQuery / 1024), second_query: round(secondQuery / 1024) },
  heaviest_article_page: await heaviestPage(join(dir, 'dist', 'articles'), css),
  heaviest_event_page: await heaviestPage(join(dir, 'dist', 'events'), css),
};
await mkdir(join(ROOT, 'bench', 'results'), { recursive: true });
await writeFile(join(ROOT, 'bench', 'results', `${result.date}-${N}.json`), JSON.stringify(result, null, 2) + '\n');

console.log(`\n| Stage (${N.toLocaleString('en')} articles) | Wall (s) | CPU (s) | Peak RSS (MiB) |\n| --- | --- | --- | --- |`);
for (const s of stages) console.log(`| ${s.stage} | ${s.wall_s} | ${s.cpu_s} | ${s.peak_rss_mib} |`);
console.log(`\nBuild (check, exports, pages, search): ${result.build_wall_s} s; ${pages} pages (${result.pages_per_s}/s); output ${JSON.stringify(result.output_mib)} MiB;`);
console.log(`search download: first query ${result.search_kb.first_query} KB, second ${result.search_kb.second_query} KB; heaviest article page ${result.heaviest_article_page.gzip_kb} KB gz, event page ${result.heaviest_event_page.gzip_kb} KB gz`);
await rm(dir, { recursive: true, force: true });
