/**
 * The machine-readable site against the content: Atom feeds list exactly the
 * right articles, the sitemap lists every page with its hreflang alternates,
 * robots.txt names the sitemap, and article and event pages carry JSON-LD.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { localeKeys, locales } from '../src/i18n/locales.ts';
import { loadCollection } from '../src/lib/content-files.ts';
import { ARCHIVE_FEED_SIZE, feedPaths } from '../src/lib/feeds.ts';
import { paths } from '../src/lib/routing.ts';
import type { Article, Event, Topic } from '../src/schema/index.ts';
import { SITE_URL } from '../src/site-config.ts';
import { attr, DIST, loadPage, ROOT, select, selectAll, toText } from './helpers/dist.ts';

let articles: Article[];
let events: Event[];
let topics: Topic[];
const absolute = (path: string) => new URL(path, SITE_URL).href;
const list = (names: string[]) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => names.includes(name) });

before(async () => {
  const load = async <C extends 'articles' | 'events' | 'topics'>(c: C) => {
    const { records, problems } = await loadCollection(ROOT, c);
    assert.deepEqual(problems, []);
    return records.map((r) => r.data);
  };
  [articles, events, topics] = await Promise.all([load('articles'), load('events'), load('topics')]);
});

/** Reads a built XML file, asserting that it is well-formed. */
async function readXml(path: string): Promise<string> {
  const xml = await readFile(join(DIST, path), 'utf8');
  try {
    SyntaxValidator.validate(xml, { invalidCharSequence: { tagValue: true, attrLt: true } });
  } catch (error) {
    assert.fail(`${path} is not well-formed XML: ${(error as Error).message}`);
  }
  return xml;
}

type Entry = { id: string; title: { '#text': string; '@xml:lang': string }; published: string; updated: string; '@xml:lang': string };

/** The entries of a built Atom feed, in document order. */
async function feedEntries(path: string): Promise<{ updated: string; entries: Entry[] }> {
  const feed = list(['entry']).parse(await readXml(path)).feed;
  assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom', path);
  assert.equal(feed.id, absolute(path));
  return { updated: feed.updated, entries: feed.entry ?? [] };
}

const articleUrls = (selected: Article[]) => selected.map((a) => absolute(paths.article(a.id)));
const newestFirst = (a: Article, b: Article) => b.published.value.localeCompare(a.published.value) || a.id.localeCompare(b.id);

describe('Atom feeds', () => {
  test('the whole-archive feed lists the newest articles, newest first', async () => {
    const { updated, entries } = await feedEntries(feedPaths.archive());
    const expected = [...articles].sort(newestFirst).slice(0, ARCHIVE_FEED_SIZE);
    assert.deepEqual(entries.map((e) => e.id), articleUrls(expected));
    const latest = articles.map((a) => a.modified ?? a.added).sort().at(-1);
    assert.equal(updated, `${latest}T00:00:00Z`);
  });

  test('entries carry the language, title and dates of their article', async () => {
    const { entries } = await feedEntries(feedPaths.archive());
    for (const entry of entries) {
      const article = articles.find((a) => absolute(paths.article(a.id)) === entry.id)!;
      assert.equal(entry['@xml:lang'], article.language);
      if (article.title) assert.deepEqual(entry.title, { '#text': article.title, '@xml:lang': article.language });
      else assert.match(entry.title['#text'], /^Untitled/);
      assert.ok(entry.published.startsWith(article.published.value), `${article.id}: published ${entry.published}`);
      assert.equal(entry.updated, `${article.modified ?? article.added}T00:00:00Z`);
    }
  });

  test('each language feed lists exactly that language\'s newest articles', async () => {
    const languages = [...new Set(articles.map((a) => a.language))];
    assert.ok(languages.length >= 3);
    for (const lang of languages) {
      const { entries } = await feedEntries(feedPaths.language(lang));
      const expected = articles.filter((a) => a.language === lang).sort(newestFirst).slice(0, ARCHIVE_FEED_SIZE);
      assert.deepEqual(entries.map((e) => e.id), articleUrls(expected), lang);
    }
  });

  test('each event feed lists exactly that event\'s newest articles', async () => {
    for (const event of events) {
      const { entries } = await feedEntries(feedPaths.event(event.id));
      const expected = articles.filter((a) => a.events.includes(event.id)).sort(newestFirst).slice(0, ARCHIVE_FEED_SIZE);
      assert.deepEqual(entries.map((e) => e.id), articleUrls(expected), event.id);
    }
  });

  test('each topic an article is about has a feed listing exactly its newest articles', async () => {
    const covered = topics.filter((topic) => articles.some((a) => a.topics.includes(topic.id)));
    assert.ok(covered.length > 1);
    for (const topic of covered) {
      const { entries } = await feedEntries(feedPaths.topic(topic.id));
      const expected = articles.filter((a) => a.topics.includes(topic.id)).sort(newestFirst).slice(0, ARCHIVE_FEED_SIZE);
      assert.deepEqual(entries.map((e) => e.id), articleUrls(expected), topic.id);
    }
  });

  test('pages link their feeds, in the head and the footer: the archive everywhere, the language on language and article pages, the event on event pages, the topic on topic pages', async () => {
    // Each feed is linked twice: in the head for feed readers, and in the footer for readers to see.
    const feedLinks = async (path: string) => {
      const page = await loadPage(path);
      const head = selectAll('link[rel="alternate"][type="application/atom+xml"]', page).map((link) => attr(link, 'href'));
      assert.deepEqual(selectAll('footer nav.feed-links a', page).map((a) => attr(a, 'href')), head, `${path}: the footer lists the head's feeds`);
      return head;
    };
    for (const locale of localeKeys) assert.deepEqual(await feedLinks(paths.home(locale)), [feedPaths.archive()]);
    const [article] = articles;
    assert.deepEqual(await feedLinks(paths.article(article!.id)), [feedPaths.archive(), feedPaths.language(article!.language)]);
    for (const locale of localeKeys) {
      assert.deepEqual(await feedLinks(paths.language(locale, article!.language)), [feedPaths.archive(), feedPaths.language(article!.language)]);
      assert.deepEqual(await feedLinks(paths.event(locale, events[0]!.id)), [feedPaths.archive(), feedPaths.event(events[0]!.id)]);
      assert.deepEqual(await feedLinks(paths.topic(locale, article!.topics[0]!)), [feedPaths.archive(), feedPaths.topic(article!.topics[0]!)]);
    }
  });
});

describe('sitemap and robots.txt', () => {
  type Url = { loc: string; 'xhtml:link'?: { '@rel': string; '@hreflang': string; '@href': string }[] };
  let urls: Url[];

  before(async () => {
    const index = list(['sitemap']).parse(await readXml('sitemap-index.xml')).sitemapindex;
    urls = [];
    for (const { loc } of index.sitemap as { loc: string }[]) {
      assert.ok(loc.startsWith(SITE_URL), loc);
      const urlset = list(['url', 'xhtml:link']).parse(await readXml(new URL(loc).pathname)).urlset;
      urls.push(...(urlset.url as Url[]));
    }
  });

  test('robots.txt allows everything and names the sitemap by its absolute URL', async () => {
    const robots = await readFile(join(DIST, 'robots.txt'), 'utf8');
    assert.match(robots, /^User-agent: \*$/m);
    assert.match(robots, /^Allow: \/$/m);
    assert.match(robots, new RegExp(`^Sitemap: ${absolute('/sitemap-index.xml').replaceAll('.', '\\.')}$`, 'm'));
  });

  test('lists every article and event page, but no search or error page', async () => {
    const locs = new Set(urls.map((u) => u.loc));
    for (const url of articleUrls(articles)) assert.ok(locs.has(url), url);
    for (const event of events) for (const locale of localeKeys) assert.ok(locs.has(absolute(paths.event(locale, event.id))));
    for (const locale of localeKeys) assert.ok(!locs.has(absolute(paths.search(locale))), paths.search(locale));
    assert.ok(![...locs].some((loc) => loc.includes('404')));
  });

  test('a localized page lists the same page in every locale as hreflang alternates', async () => {
    const path = paths.event('ar', events[0]!.id);
    const entry = urls.find((u) => u.loc === absolute(path));
    assert.ok(entry, path);
    const alternates = Object.fromEntries((entry['xhtml:link'] ?? []).map((l) => [l['@hreflang'], l['@href']]));
    assert.deepEqual(alternates, Object.fromEntries(localeKeys.map((l) => [locales[l].lang, absolute(paths.event(l, events[0]!.id))])));
  });
});

/** The JSON-LD objects a built page embeds. */
async function jsonLd(path: string): Promise<Record<string, unknown>[]> {
  return selectAll('script[type="application/ld+json"]', await loadPage(path)).map((script) => JSON.parse(toText(script)));
}

describe('structured data and head metadata', () => {
  test('every article page describes itself as a NewsArticle', async () => {
    for (const article of articles) {
      const [data, ...rest] = await jsonLd(paths.article(article.id));
      assert.equal(rest.length, 0);
      assert.equal(data!['@type'], 'NewsArticle', article.id);
      assert.equal(data!.headline, article.title ?? article.title_en?.text ?? 'Untitled');
      assert.equal(data!.inLanguage, article.language);
      assert.equal(data!.datePublished, article.published.value);
      assert.equal(typeof (data!.publisher as { name?: unknown }).name, 'string');
      const basedOn = data!.isBasedOn as { url: string; identifier: { value: string } };
      assert.equal(basedOn.url, absolute(paths.capture(article.capture.path)));
      assert.equal(basedOn.identifier.value, article.capture.sha256);
      assert.equal(data!.url, absolute(paths.article(article.id)));
    }
  });

  test('every event page describes the event', async () => {
    for (const event of events) {
      const [data] = await jsonLd(paths.event('ar', event.id));
      assert.equal(data!['@type'], 'Event', event.id);
      assert.ok(typeof data!.name === 'string' && data!.name.length > 0);
      assert.equal(data!.startDate, event.date.value);
      assert.equal(data!.url, absolute(paths.event('ar', event.id)));
    }
  });

  test('localized pages name an x-default alternate; Open Graph describes every page', async () => {
    const page = await loadPage(paths.event('hi', events[0]!.id));
    assert.equal(attr(select('link[hreflang="x-default"]', page), 'href'), absolute(paths.event('en', events[0]!.id)));
    const og = (name: string) => attr(select(`meta[property="${name}"]`, page), 'content');
    assert.equal(og('og:type'), 'website');
    assert.equal(og('og:locale'), 'hi');
    assert.equal(og('og:url'), absolute(paths.event('hi', events[0]!.id)));
    const article = articles[0]!;
    const articlePage = await loadPage(paths.article(article.id));
    assert.equal(attr(select('meta[property="og:type"]', articlePage), 'content'), 'article');
    assert.equal(attr(select('meta[property="article:published_time"]', articlePage), 'content'), article.published.value);
  });
});
