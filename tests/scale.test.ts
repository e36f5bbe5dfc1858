/**
 * The whole build at scale: a generated 1,000-article corpus built end to end
 * by the build script (content check, bodies, exports, site, search) in a
 * throwaway copy of the project, and its output checked for completeness and
 * for what its heaviest pages cost a reader.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { loadCollection } from '../src/lib/content-files.ts';
import { bundleForLanguage } from '../src/lib/search-fields.ts';
import type { Article, Event } from '../src/schema/index.ts';
import { largestPage, pageWeight } from '../scripts/bench/lib/page-weight.ts';
import { launchBrowser } from './helpers/browser.ts';
import { attr, ROOT } from './helpers/dist.ts';
import { serveDist } from './helpers/server.ts';

const ARTICLES = 1000;
const PARTS = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'scripts', 'public'];

let dir: string;
let articles: Article[];
let events: Event[];
const page = async (path: string) => fromHtml(await readFile(join(dir, 'dist', path, 'index.html'), 'utf8'));
const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atlas-scale-'));
  const generated = spawnSync(process.execPath, [join(ROOT, 'scripts/bench/corpus.ts'), '--articles', String(ARTICLES), '--out', dir], { encoding: 'utf8' });
  assert.equal(generated.status, 0, generated.stderr);
  for (const part of PARTS) await cp(join(ROOT, part), join(dir, part), { recursive: true });
  await cp(join(ROOT, 'content', 'dataset.yaml'), join(dir, 'content', 'dataset.yaml'));
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const built = node(['scripts/build.ts']);
  assert.equal(built.status, 0, `${built.stdout.slice(-3000)}\n${built.stderr.slice(-3000)}`);
  articles = (await loadCollection(dir, 'articles')).records.map((r) => r.data);
  events = (await loadCollection(dir, 'events')).records.map((r) => r.data);
});
after(() => dir && rm(dir, { recursive: true, force: true }));

describe(`a ${ARTICLES.toLocaleString('en')}-article build`, () => {
  test('has one page per article', async () => {
    assert.equal(articles.length, ARTICLES);
    const built = new Set(await readdir(join(dir, 'dist', 'articles')));
    assert.deepEqual(articles.map((a) => a.id).filter((id) => !built.has(id)), []);
    assert.equal(built.size, ARTICLES);
  });

  test('every event, across all the pages of its coverage, lists exactly its articles', async () => {
    let paginated = 0;
    for (const event of events) {
      const expected = articles.filter((a) => a.events.includes(event.id)).map((a) => `/articles/${a.id}/`).sort();
      const listed: string[] = [];
      for (let number = 1, path = `/events/${event.id}/`; path; number++) {
        const html = await page(path);
        listed.push(...selectAll('section[aria-labelledby="coverage"] a.item-title', html).map((a) => attr(a, 'href')));
        const next = select('.page-nav a[rel="next"]', html);
        path = next ? attr(next, 'href').replace(/#.*$/, '') : '';
        if (next) assert.equal(path, `/events/${event.id}/page/${number + 1}/`);
        if (number > 1) paginated++;
      }
      assert.deepEqual(listed.sort(), expected, event.id);
    }
    assert.ok(paginated > 0, 'the corpus has events with more than one page of coverage');
  });

  test('the exports have one row per article and per event, in every format', async () => {
    const data = join(dir, 'dist', 'data');
    const lines = (await readFile(join(data, 'jsonl', 'articles.jsonl'), 'utf8')).trimEnd().split('\n');
    assert.equal(lines.length, ARTICLES);
    assert.deepEqual(new Set(lines.map((line) => (JSON.parse(line) as { id: string }).id)), new Set(articles.map((a) => a.id)));
    const datapackage = JSON.parse(await readFile(join(data, 'datapackage.json'), 'utf8')) as { resources: { name: string; rows?: number }[] };
    for (const name of ['articles', 'articles-jsonl', 'articles-parquet']) assert.equal(datapackage.resources.find((r) => r.name === name)?.rows, ARTICLES, name);
    assert.equal(datapackage.resources.find((r) => r.name === 'events')?.rows, events.length);
    assert.equal((await readdir(join(data, 'events'))).length, events.length);
  });

  test('the search index holds every article in its language\'s bundle', async () => {
    const { bundles } = JSON.parse(await readFile(join(dir, 'dist', 'pagefind', 'bundles.json'), 'utf8')) as { bundles: { bundle: string; pages: number }[] };
    const perBundle = new Map<string, number>();
    for (const article of articles) perBundle.set(bundleForLanguage(article.language), (perBundle.get(bundleForLanguage(article.language)) ?? 0) + 1);
    for (const [bundle, count] of perBundle) {
      const pages = bundles.find((b) => b.bundle === bundle)?.pages ?? 0;
      // The English bundle also holds the events, entities, sources, documentation and the Latin names
      // of other pages; the Arabic and Hindi bundles the names of other pages in their script; the Malay
      // bundle (Latin, whose names go to English) only its articles.
      if (bundle === 'ms') assert.equal(pages, count, bundle);
      else assert.ok(pages > count, `${bundle}: ${pages} pages for ${count} articles`);
    }
  });
});

describe(`the heaviest pages of a ${ARTICLES.toLocaleString('en')}-article build`, () => {
  test('transfer at most 100 KB with their CSS and fonts, and no script', async () => {
    const server = await serveDist(join(dir, 'dist'));
    const browser = await launchBrowser();
    try {
      for (const section of ['articles', 'events']) {
        const weight = await pageWeight(browser, server.origin, await largestPage(join(dir, 'dist'), section));
        assert.ok(weight.gzip_kb <= 100, `${weight.path}: ${weight.gzip_kb} KB`);
        assert.equal(weight.scripts, 0, weight.path);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
