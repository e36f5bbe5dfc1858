/**
 * The whole build at scale: a generated 1,000-article corpus built end to end
 * by the build script (content check, bodies, exports, site, search) in a
 * throwaway copy of the project, and its output checked for completeness and
 * for what its heaviest pages cost a reader; then one article is changed and
 * exported again, with and without the export cache.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { loadCollection } from '../src/lib/content-files.ts';
import { formatNumber } from '../src/lib/numbers.ts';
import { ARTICLES_PER_PAGE, EVENTS_ON_RECORD_PAGE, LIST_ITEMS_PER_PAGE } from '../src/lib/pagination.ts';
import { paths } from '../src/lib/routing.ts';
import { bundleForLanguage } from '../src/lib/search-fields.ts';
import { shardIndex } from '../src/lib/search-shards.ts';
import type { Article, Event } from '../src/schema/index.ts';
import { largestPage, pageWeight } from '../scripts/bench/lib/page-weight.ts';
import { launchBrowser } from './helpers/browser.ts';
import { attr, digestTree, ROOT, toText } from './helpers/dist.ts';
import { serveDist } from './helpers/server.ts';

const ARTICLES = 1000;
/** Small enough that the Hindi, Arabic and English bundles of this corpus are split into shards, as at 100,000 articles. */
const SEARCH_SHARD_RECORDS = 400;
const PARTS = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'scripts', 'public'];

let dir: string;
let articles: Article[];
let events: Event[];
let bodies: Map<string, string>;
/** The entries of the built /pagefind/bundles.json. */
interface SearchBundle {
  bundle: string;
  language: string;
  pages: number;
}
let bundles: SearchBundle[];
/** What the build printed. */
let buildLog: string;
const page = async (path: string) => fromHtml(await readFile(join(dir, 'dist', path, 'index.html'), 'utf8'));
const node = (args: string[]) => spawnSync(process.execPath, args, {
  cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ATLAS_SEARCH_SHARD_RECORDS: String(SEARCH_SHARD_RECORDS) },
});

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atlas-scale-'));
  const generated = spawnSync(process.execPath, [join(ROOT, 'scripts/bench/corpus.ts'), '--articles', String(ARTICLES), '--out', dir], { encoding: 'utf8' });
  assert.equal(generated.status, 0, generated.stderr);
  for (const part of PARTS) await cp(join(ROOT, part), join(dir, part), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const built = node(['scripts/build.ts']);
  assert.equal(built.status, 0, `${built.stdout.slice(-3000)}\n${built.stderr.slice(-3000)}`);
  buildLog = built.stdout;
  const articleRecords = (await loadCollection(dir, 'articles')).records;
  articles = articleRecords.map((r) => r.data);
  bodies = new Map(articleRecords.map((r) => [r.data.id, r.body]));
  events = (await loadCollection(dir, 'events')).records.map((r) => r.data);
  bundles = (JSON.parse(await readFile(join(dir, 'dist', 'pagefind', 'bundles.json'), 'utf8')) as { bundles: SearchBundle[] }).bundles;
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

  test('every topic, across all the pages of its list, lists exactly its articles; its first page its latest events, and the way to all of them', async () => {
    let paginated = 0;
    let moreEvents = 0;
    const topics = new Set(articles.flatMap((a) => a.topics));
    assert.ok(topics.size > 1);
    for (const topic of topics) {
      const about = articles.filter((a) => a.topics.includes(topic));
      const expected = about.map((a) => `/articles/${a.id}/`).sort();
      const itsEvents = events.filter((event) => about.some((a) => a.events.includes(event.id))).sort((a, b) => b.date.value.localeCompare(a.date.value) || b.id.localeCompare(a.id));
      const first = await page(paths.topic('en', topic));
      const eventLinks = selectAll('a.item-title', first).map((a) => attr(a, 'href')).filter((href) => href.startsWith('/events/'));
      assert.deepEqual(eventLinks, itsEvents.slice(0, EVENTS_ON_RECORD_PAGE).map((event) => paths.event('en', event.id)), `${topic}: the latest events`);
      const allEvents = selectAll('a', first).find((a) => attr(a, 'href').startsWith(`${paths.search('en')}?`) && attr(a, 'href').includes('type=event'));
      assert.equal(Boolean(allEvents), itsEvents.length > EVENTS_ON_RECORD_PAGE, `${topic}: a link to all ${itsEvents.length} events exactly when some are not listed`);
      if (allEvents) moreEvents++;
      const listed: string[] = [];
      for (let number = 1, path = paths.topic('en', topic); path; number++) {
        const html = await page(path);
        listed.push(...selectAll('a.item-title', html).map((a) => attr(a, 'href')).filter((href) => href.startsWith('/articles/')));
        const next = select('.page-nav a[rel="next"]', html);
        path = next ? attr(next, 'href').replace(/#.*$/, '') : '';
        if (next) assert.equal(path, paths.topic('en', topic, number + 1));
        if (number > 1) paginated++;
      }
      assert.deepEqual(listed.sort(), expected, topic);
    }
    assert.ok(paginated > 0, 'topics with more than one page of articles');
    assert.ok(moreEvents > 0, 'topics with more events than their page lists');
  });

  /**
   * Checks the index of years on every page of a list (`pageOf(n)`, `perPage` items a page) against its items in
   * order, each with its year and link; the first page's links are followed to the item they name.
   */
  async function assertYearIndex<T>(name: string, items: readonly T[], yearOf: (item: T) => string, link: (item: T) => string, perPage: number, pageOf: (n: number) => string): Promise<number> {
    const pages = Math.ceil(items.length / perPage);
    const expected: { year: string; count: string; first: string }[] = [];
    for (const item of items) {
      const year = yearOf(item);
      if (expected.at(-1)?.year === year) continue;
      expected.push({ year, count: `(${formatNumber(items.filter((other) => yearOf(other) === year).length, 'ar')})`, first: link(item) });
    }
    assert.ok(pages > 1, `${name}: more than one page`);
    for (let number = 1; number <= pages; number++) {
      const html = await page(pageOf(number));
      const index = selectAll('nav.year-index li', html).map((li) => ({ year: toText(select('a', li)!), count: toText(li).slice(toText(select('a', li)!).length).trim(), href: attr(select('a', li), 'href') }));
      assert.deepEqual(index.map(({ year, count }) => ({ year, count })), expected.map(({ year, count }) => ({ year, count })), `${name} page ${number}: the years, newest first, with their counts`);
      const onPage = new Set(items.slice((number - 1) * perPage, number * perPage).map(yearOf));
      assert.deepEqual(selectAll('nav.year-index a[aria-current="true"]', html).map((a) => toText(a)), expected.map(({ year }) => year).filter((year) => onPage.has(year)), `${name} page ${number}: the years it holds are marked`);
      if (number > 1) continue;
      for (const [i, { year, href }] of index.entries()) {
        const [target, anchor] = href.split('#');
        const item = select(`#${anchor}`, await page(target!));
        assert.ok(item, `${name} ${year}: ${href} is there`);
        assert.equal(attr(select('a.item-title', item), 'href'), expected[i]!.first, `${name} ${year}: ${href} is its newest item`);
      }
    }
    return expected.length;
  }

  test('every page of a language\'s articles indexes the list\'s years, each linking to its newest article, on its page; a list of one page has none', async () => {
    const articleYear = (article: Article) => article.published.value.slice(0, 4);
    for (const language of new Set(articles.map((a) => a.language))) {
      const list = articles.filter((a) => a.language === language)
        .sort((a, b) => b.published.value.localeCompare(a.published.value) || a.id.localeCompare(b.id));
      const years = await assertYearIndex(language, list, articleYear, (article) => paths.article(article.id), ARTICLES_PER_PAGE, (n) => paths.language('ar', language, n));
      assert.ok(years > 10, `${language}: the corpus spans years`);
    }
    // The events of this corpus fit on one page, which needs no index (the index is the same component as above).
    assert.ok(events.length <= LIST_ITEMS_PER_PAGE);
    assert.equal(select('nav.year-index', await page(paths.events('ar'))), undefined, 'a list of one page has no index of years');
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

  test('the search index holds every article in its language\'s bundle, split into shards of at most the limit', async () => {
    const perLanguage = new Map<string, number>();
    for (const article of articles) perLanguage.set(bundleForLanguage(article.language), (perLanguage.get(bundleForLanguage(article.language)) ?? 0) + 1);
    for (const [language, count] of perLanguage) {
      const shards = bundles.filter((b) => b.language === language);
      for (const shard of shards) assert.ok(shard.pages <= SEARCH_SHARD_RECORDS, `${shard.bundle}: ${shard.pages} records`);
      const pages = shards.reduce((sum, shard) => sum + shard.pages, 0);
      // The English bundle also holds the events, entities, sources, documentation and the Latin names
      // of other pages; the Arabic and Hindi bundles the names of other pages in their script; the Malay
      // bundle (Latin, whose names go to English) only its articles.
      if (language === 'ms') assert.equal(pages, count, language);
      else assert.ok(pages > count, `${language}: ${pages} pages for ${count} articles`);
    }
    assert.ok(bundles.filter((b) => b.language === 'hi').length > 1, 'the Hindi bundle is split');
  });

  test('the build indexes each bundle once, the documentation in the first English shard only', async () => {
    // Not anchored to a line: the search and Astro print to the same output, and Astro writes a line in parts.
    const builtBundles = [...buildLog.matchAll(/search: ([a-z]+(?:-\d+)?): \d+ records in/g)].map((m) => m[1]!).sort();
    assert.deepEqual(builtBundles, bundles.map((b) => b.bundle).sort());
    const documentation = [paths.about(), paths.contributing(), paths.citing(), paths.dataDictionary()];
    const urls = async (bundle: string) => {
      const folder = join(dir, 'dist', 'pagefind', bundle, 'fragment');
      const fragments = await Promise.all((await readdir(folder)).map(async (f) => gunzipSync(await readFile(join(folder, f))).toString('utf8')));
      return fragments.map((text) => (JSON.parse(text.replace(/^pagefind_dcd/, '')) as { url: string }).url);
    };
    const english = bundles.filter((b) => b.language === 'en').map((b) => b.bundle);
    assert.ok(english.length > 1, 'the English bundle is split');
    const first = await urls('en-1');
    for (const page of documentation) assert.ok(first.includes(page), `${page} is in en-1`);
    for (const shard of english.slice(1)) {
      const inShard = await urls(shard);
      assert.deepEqual(documentation.filter((page) => inShard.includes(page)), [], `no documentation in ${shard}`);
    }
  });

  test('a query is answered from every shard of its language', async () => {
    const word = 'लुकाशेंको';
    const hindi = bundles.filter((b) => b.language === 'hi');
    const expected = articles.filter((a) => a.language === 'hi' && bodies.get(a.id)!.includes(word)).map((a) => `/articles/${a.id}/`);
    assert.ok(expected.length > 100, 'the corpus should use the word in many Hindi articles');
    const server = await serveDist(join(dir, 'dist'));
    const browser = await launchBrowser();
    try {
      const found = new Set(await allResults(browser, `${server.origin}${paths.search('hi')}?q=${encodeURIComponent(word)}`));
      assert.deepEqual(expected.filter((url) => !found.has(url)), [], 'every Hindi article with the word is found');
      const shardsAnswering = new Set([...found].map((url) => hindi[shardIndex(url, hindi.length)]!.bundle));
      assert.deepEqual([...shardsAnswering].sort(), hindi.map((b) => b.bundle).sort());
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test('a topic\'s link to all its events finds exactly them, a topic of several words too', async () => {
    const topicIds = [...new Set(articles.flatMap((a) => a.topics))];
    const eventsOf = (topic: string) => events.filter((event) => articles.some((a) => a.topics.includes(topic) && a.events.includes(event.id)));
    const withMore = topicIds.filter((topic) => eventsOf(topic).length > EVENTS_ON_RECORD_PAGE);
    // The longest name: "War in Ukraine" must match as a whole, not word by word.
    const topic = withMore.sort((a, b) => b.split('-').length - a.split('-').length)[0]!;
    assert.ok(topic.includes('-'), `${topic} is named in several words`);
    const link = selectAll('a', await page(paths.topic('ar', topic))).find((a) => attr(a, 'href').includes('type=event'))!;
    const server = await serveDist(join(dir, 'dist'));
    const browser = await launchBrowser();
    try {
      const found = await allResults(browser, `${server.origin}${attr(link, 'href')}`);
      assert.deepEqual(found.sort(), eventsOf(topic).map((event) => paths.event('ar', event.id)).sort());
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

/** Every result of a search page (following "More results"), by its link. */
async function allResults(browser: Awaited<ReturnType<typeof launchBrowser>>, url: string): Promise<string[]> {
  const tab = await browser.newPage();
  await tab.goto(url);
  await tab.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
  while (await tab.isVisible('#search-more')) {
    const count = await tab.locator('#search-results > li').count();
    await tab.click('#search-more');
    await tab.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, count);
  }
  const found = await tab.$$eval('#search-results a.item-title', (links) => links.map((a) => a.getAttribute('href')!));
  await tab.close();
  return found;
}

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

describe(`the exports of a ${ARTICLES.toLocaleString('en')}-article build, after one article changes`, () => {
  test('reuse the unchanged captures, event bundles and article rows, and write the same bytes as an export without the cache', async () => {
    const changed = articles[Math.floor(ARTICLES / 2)]!;
    const file = join(dir, 'content', 'articles', `${changed.id}.md`);
    await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()}\n\nA corrected sentence.\n`);
    const exported = (out: string) => {
      const run = node(['scripts/export.ts', '--out', join(dir, out)]);
      assert.equal(run.status, 0, `${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
      return run.stdout;
    };
    const captureCount = new Set(articles.map((a) => a.capture.path)).size;
    const reusing = exported('export-with-cache');
    assert.match(reusing, new RegExp(`captures: 0 packed, ${captureCount} unchanged`));
    assert.match(reusing, new RegExp(`event bundles: ${changed.events.length} made, ${events.length - changed.events.length} unchanged`));
    for (const file of ['jsonl/articles.jsonl', 'csv/articles.csv']) assert.match(reusing, new RegExp(`${file}: ${ARTICLES - 1} of ${ARTICLES} rows copied from the last export's`));
    assert.match(reusing, new RegExp(`coverage-atlas.sqlite: ${ARTICLES - 1} of ${ARTICLES} articles copied from the last export's database`));
    await rename(join(dir, '.cache', 'export'), join(dir, '.cache', 'export-before'));
    const fresh = exported('export-without-cache');
    assert.match(fresh, new RegExp(`captures: ${captureCount} packed, 0 unchanged`));
    assert.match(fresh, new RegExp(`event bundles: ${events.length} made, 0 unchanged`));
    assert.match(fresh, new RegExp(`jsonl/articles.jsonl: 0 of ${ARTICLES} rows copied`));
    assert.match(fresh, new RegExp(`coverage-atlas.sqlite: 0 of ${ARTICLES} articles copied`));
    const [withCache, withoutCache, built] = await Promise.all([digestTree(join(dir, 'export-with-cache')), digestTree(join(dir, 'export-without-cache')), digestTree(join(dir, '.cache', 'data'))]);
    assert.deepEqual([...withCache], [...withoutCache]);
    // The change is in the export: the articles' tables differ from the build's, the other events' bundles do not.
    assert.notEqual(withCache.get('jsonl/articles.jsonl'), built.get('jsonl/articles.jsonl'));
    for (const event of events) {
      const path = `events/${event.id}.zip`;
      if (changed.events.includes(event.id)) assert.notEqual(withCache.get(path), built.get(path), path);
      else assert.equal(withCache.get(path), built.get(path), path);
    }
  });
});
