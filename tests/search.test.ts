/**
 * Search, for real: the built site served on loopback, the search page driven
 * in headless Chromium, queries in Devanagari, Arabic and Latin script. The
 * expected articles are computed from the content files, never written down.
 */
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { locales } from '../src/i18n/locales.ts';
import { dictionaries } from '../src/i18n/ui/index.ts';
import { buildArchiveIndex, type ArchiveIndex } from '../src/lib/archive-index.ts';
import { loadCollection } from '../src/lib/content-files.ts';
import { entityName, eventTitle, sourceName, topicName } from '../src/lib/names.ts';
import { paths } from '../src/lib/routing.ts';
import { articleSearchFields } from '../src/lib/search-fields.ts';
import { finderMatches } from '../src/lib/search-state.ts';
import { splitFrontMatter } from '../src/schema/parse.ts';
import { launchBrowser } from './helpers/browser.ts';
import { DIST, ROOT } from './helpers/dist.ts';
import { serveDist, type StaticServer } from './helpers/server.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

let server: StaticServer;
let browser: Browser;
let archive: ArchiveIndex;
/** Each article's searchable words (lower case), from its content file. */
const wordsByArticle = new Map<string, string[]>();

const tokenize = (text: string) => text.toLowerCase().normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
/** Arabic proclitics (and, so, with, for, like, the) that Pagefind's Arabic stemmer strips before matching. */
const ARABIC_PROCLITICS = /^(?:وال|بال|فال|كال|لل|ال|و|ف|ب|ل|ك)(?=\p{L}{3})/u;

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  const load = async <C extends 'articles' | 'events' | 'sources' | 'entities' | 'topics'>(c: C) => (await loadCollection(ROOT, c)).records;
  const [articles, events, sources, entities, topics] = await Promise.all([load('articles'), load('events'), load('sources'), load('entities'), load('topics')]);
  archive = buildArchiveIndex({ articles: articles.map((r) => r.data), events: events.map((r) => r.data), sources: sources.map((r) => r.data), entities: entities.map((r) => r.data), topics: topics.map((r) => r.data) });
  for (const { data, file } of articles) {
    const body = splitFrontMatter(await readFile(join(ROOT, file), 'utf8'))!.body;
    const fields = articleSearchFields(data, archive);
    const text = [data.title ?? '', data.title_en?.text ?? '', data.byline ?? '', body, ...fields.aliases, ...Object.values(fields.foreignNames).flat(), ...data.topics].join(' ');
    wordsByArticle.set(data.id, tokenize(text));
  }
  server = await serveDist();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The article pages a one-word query should find: those with a word starting with it. */
function expectedArticles(query: string, language?: string): string[] {
  const [term] = tokenize(query);
  const folded = term!.replace(ARABIC_PROCLITICS, '');
  return [...wordsByArticle]
    .filter(([id]) => !language || archive.articles.get(id)!.language === language)
    .filter(([, words]) => words.some((w) => w.startsWith(term!) || w.replace(ARABIC_PROCLITICS, '').startsWith(folded)))
    .map(([id]) => paths.article(id))
    .sort();
}

/** Waits until the search page has answered, then reads every result (following "More results"). */
async function readResults(page: Page): Promise<{ status: string; urls: string[] }> {
  await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
  while (await page.isVisible('#search-more')) {
    const count = await page.locator('#search-results > li').count();
    await page.click('#search-more');
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, count);
  }
  return {
    status: (await page.textContent('#search-status')) ?? '',
    urls: await page.$$eval('#search-results a.item-title', (links) => links.map((a) => a.getAttribute('href')!)),
  };
}

const articleUrls = (urls: string[]) => urls.filter((u) => u.startsWith('/articles/')).sort();

async function search(path: string): Promise<{ page: Page; status: string; urls: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.origin + path);
  return { page, ...(await readResults(page)) };
}

describe('queries in every script', () => {
  test('a Latin-script entity name finds its articles in Hindi, Malay and Arabic', async () => {
    const expected = expectedArticles('Lukashenko');
    const languages = new Set(expected.map((url) => archive.articles.get(url.split('/')[2]!)!.language));
    assert.deepEqual([...languages].sort(), ['ar', 'hi', 'ms'], 'the corpus should mention him in all three languages');
    for (const locale of ['en', 'ar'] as const) {
      const { page, urls } = await search(`${paths.search(locale)}?q=Lukashenko`);
      assert.deepEqual(articleUrls(urls), expected, locale);
      assert.ok(urls.includes(paths.entity(locale, 'alexander-lukashenko')), 'the entity page is found in the reader’s locale');
      // An Arabic article found by its Latin names shows those names, as English, left to right.
      const excerpt = await page.$eval('#search-results li:has(a.item-title[href^="/articles/"] span[lang="ar"]) .excerpt', (p) => [p.getAttribute('lang'), p.getAttribute('dir')]);
      assert.deepEqual(excerpt, ['en', 'ltr']);
      await page.close();
    }
  });

  test('results name entities and sources as the reader’s interface language does, each in a span saying its language', async () => {
    const belarus = archive.entities.get('belarus')!;
    const newsit = archive.sources.get('newsit')!;
    const hindiName = entityName(belarus, 'hi');
    assert.equal(hindiName.lang, 'hi', 'the corpus records a Hindi name for Belarus');
    for (const locale of ['hi', 'en'] as const) {
      const { page, urls } = await search(`${paths.search(locale)}?q=${encodeURIComponent(hindiName.text)}`);
      assert.ok(urls.includes(paths.entity(locale, belarus.id)));
      const expected = entityName(belarus, locale);
      const title = await page.$eval(`#search-results a.item-title[href="${paths.entity(locale, belarus.id)}"] span`, (span) => [span.textContent, span.getAttribute('lang'), span.getAttribute('dir')]);
      assert.deepEqual(title, [expected.text, expected.lang, expected.dir], `the entity as the ${locale} page titles it`);
      const kind = await page.$eval(`#search-results li:has(a.item-title[href="${paths.entity(locale, belarus.id)}"]) .meta`, (meta) => meta.textContent);
      assert.equal(kind, dictionaries[locale][`entity.kind.${belarus.kind}`], 'the entity says what it is, as its page does');
      // An article from NewsIT names its source as the source's page does in this interface language.
      const source = sourceName(newsit, locale);
      const shown = await page.$$eval('#search-results .meta span', (spans) => spans.map((span) => [span.textContent, span.getAttribute('lang')]));
      assert.ok(shown.some(([text, lang]) => text === source.text && lang === source.lang), `${source.text} (${source.lang}) in ${JSON.stringify(shown)}`);
      await page.close();
    }
  });

  test('a topic\'s page is found by its name in any script, and opens in the reader\'s interface', async () => {
    const sanctions = archive.topics.get('sanctions')!;
    for (const [locale, query] of [['ar', sanctions.names.ar!], ['ms', sanctions.names.en!], ['en', sanctions.names.hi!]] as const) {
      const { page, urls } = await search(`${paths.search(locale)}?q=${encodeURIComponent(query)}`);
      assert.ok(urls.includes(paths.topic(locale, sanctions.id)), `${locale} "${query}": ${urls.join(' ')}`);
      const title = await page.$eval(`#search-results a.item-title[href="${paths.topic(locale, sanctions.id)}"] span`, (span) => [span.textContent, span.getAttribute('lang')]);
      const expected = topicName(sanctions, locales[locale].lang);
      assert.deepEqual(title, [expected.text, expected.lang], `${locale}: the topic as its page titles it`);
      await page.close();
    }
  });

  test('every excerpt says its language and direction, an English page\'s too on an Arabic page', async () => {
    const { page, urls } = await search(`${paths.search('ar')}?q=Lukashenko`);
    assert.ok(urls.includes(paths.entity('ar', 'alexander-lukashenko')), 'an entity page is among the results');
    const excerpts = await page.$$eval('#search-results .excerpt', (ps) => ps.map((p) => [p.getAttribute('lang'), p.getAttribute('dir'), getComputedStyle(p).direction]));
    assert.ok(excerpts.length > 0);
    for (const [lang, dir, direction] of excerpts) {
      assert.ok(lang, 'an excerpt without lang');
      assert.equal(direction, dir, `an excerpt in ${lang} laid out ${direction}`);
    }
    const entity = await page.$eval(`#search-results li:has(a.item-title[href="${paths.entity('ar', 'alexander-lukashenko')}"]) .excerpt`, (p) => [p.getAttribute('lang'), getComputedStyle(p).direction]);
    assert.deepEqual(entity, ['en', 'ltr'], 'the entity page is indexed in English');
    await page.close();
  });

  test('no excerpt starts or ends on the separator between names', async () => {
    const { page } = await search(`${paths.search('ar')}?q=${encodeURIComponent('بوتين')}`);
    const excerpts = await page.$$eval('#search-results .excerpt', (ps) => ps.map((p) => p.textContent!.trim()));
    assert.ok(excerpts.filter((text) => text.includes('·')).length > 2, 'names records among the results');
    assert.deepEqual(excerpts.filter((text) => /^·|·$/u.test(text)), []);
    await page.close();
  });

  test('an entity\'s excerpt is its description, not its name again after it', async () => {
    const { page } = await search(`${paths.search('en')}?q=putin`);
    const excerpt = await page.$eval(`#search-results li:has(a.item-title[href="${paths.entity('en', 'vladimir-putin')}"]) .excerpt`, (p) => p.textContent!.trim());
    assert.equal(excerpt, 'Vladimir Putin is the President of Russia.');
    await page.close();
  });

  test('a Devanagari query finds exactly the articles with that word', async () => {
    const query = 'प्रतिबंध';
    const expected = expectedArticles(query);
    assert.ok(expected.length > 0);
    const { page, urls } = await search(`${paths.search('hi')}?q=${encodeURIComponent(query)}`);
    assert.deepEqual(articleUrls(urls), expected);
    await page.close();
  });

  test('an Arabic query finds exactly the articles with that word, with or without vowel marks', async () => {
    const query = 'معاهدة';
    const expected = expectedArticles(query);
    assert.ok(expected.length >= 2);
    const plain = await search(`${paths.search('ar')}?q=${encodeURIComponent(query)}`);
    assert.deepEqual(articleUrls(plain.urls), expected);
    // The same word fully vowelled: Pagefind folds Arabic diacritics, so it finds the same pages.
    const vowelled = await search(`${paths.search('ar')}?q=${encodeURIComponent('مُعَاهَدَة')}`);
    assert.deepEqual(articleUrls(vowelled.urls), expected);
    await plain.page.close();
    await vowelled.page.close();
  });

  test('Hindi vowel signs are letters: a word never matches another that differs only in them', async () => {
    // Find in the corpus two Devanagari words that are the same once vowel signs, virama and
    // nukta are stripped (as दल and दिल are), neither a prefix of the other, where some article
    // has only the second. With Pagefind's default diacritic folding, the first would find it.
    const fold = (word: string) => word.replace(/\p{M}/gu, '');
    const devanagari = [...new Set([...wordsByArticle.values()].flat().filter((w) => /^\p{Script=Devanagari}+$/u.test(w)))].sort();
    const pairs = devanagari.flatMap((a) => devanagari.filter((b) => a !== b && fold(a) === fold(b) && !a.startsWith(b) && !b.startsWith(a)).map((b) => [a, b] as const));
    const onlyB = (a: string, b: string) => expectedArticles(b).filter((url) => !expectedArticles(a).includes(url));
    const pair = pairs.find(([a, b]) => expectedArticles(a).length > 0 && onlyB(a, b).length > 0);
    assert.ok(pair, 'the corpus has such a pair');
    const [word, other] = pair;
    const { page, urls } = await search(`${paths.search('hi')}?q=${encodeURIComponent(word)}`);
    assert.deepEqual(articleUrls(urls), expectedArticles(word), `${word} vs ${other}`);
    for (const url of onlyB(word, other)) assert.ok(!urls.includes(url), `${word} found ${url}, which has only ${other}`);
    await page.close();
  });

  test('the documentation is found by its words: the guides by their text, the data dictionary by its fields', async () => {
    for (const [query, url] of [['BibTeX', paths.citing()], ['maintainers', paths.contributing()], ['byline', paths.dataDictionary()]] as const) {
      const { page, urls } = await search(`${paths.search('en')}?q=${query}`);
      assert.ok(urls.includes(url), `${query}: ${url} not in ${urls.join(', ')}`);
      await page.close();
    }
  });

  test('a result in another language than the interface\'s says so: a guide "(in English)", every link its hreflang', async () => {
    const { page } = await search(`${paths.search('hi')}?q=BibTeX`);
    const guide = await page.$eval(`#search-results a.item-title[href="${paths.citing()}"]`, (a) => [a.getAttribute('hreflang'), a.querySelector('.link-lang')?.textContent]);
    assert.deepEqual(guide, ['en', ' (अंग्रेज़ी में)']);
    await page.close();
    const lukashenko = await search(`${paths.search('ar')}?q=Lukashenko`);
    const articles = await lukashenko.page.$$eval('#search-results a.item-title[href^="/articles/"]', (links) => links.map((a) => [a.getAttribute('href'), a.getAttribute('hreflang')]));
    assert.ok(articles.length > 2);
    for (const [href, hreflang] of articles) {
      const language = archive.articles.get(href!.split('/')[2]!)!.language;
      assert.equal(hreflang, language === 'ar' ? null : language, href!);
    }
    await lukashenko.page.close();
  });

  test('a query with no results says so clearly', async () => {
    const { page, status, urls } = await search(`${paths.search('en')}?q=qqxqzv`);
    assert.deepEqual(urls, []);
    assert.equal(status, 'No results for “\u2068qqxqzv\u2069”. Try another spelling, a name in another script, or fewer filters.');
    await page.close();
  });
});

describe('filters, sorting and the URL', () => {
  test('a language filter narrows the results and goes into the URL; back undoes it', async () => {
    const { page, urls } = await search(`${paths.search('ms')}?q=Lukashenko`);
    assert.deepEqual(articleUrls(urls), expectedArticles('Lukashenko'));
    await page.click('#search-show-filters');
    await page.check('#search-filters input[name="language"][value="ar"]');
    await page.waitForURL(/language=ar/);
    const filtered = await readResults(page);
    assert.deepEqual(articleUrls(filtered.urls), expectedArticles('Lukashenko', 'ar'));
    assert.deepEqual(filtered.urls, articleUrls(filtered.urls), 'only articles have a language');
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('language'));
    assert.deepEqual(articleUrls((await readResults(page)).urls), expectedArticles('Lukashenko'));
    await page.close();
  });

  test('a topic filter finds the events whose coverage is about it, as their pages say', async () => {
    const trade = archive.topics.get('trade')!;
    const withPutin = [...archive.events.values()].filter((event) => event.participants.includes('vladimir-putin'));
    const expected = withPutin.filter((event) => archive.articlesByEvent.get(event.id)!.some((article) => article.topics.includes(trade.id))).map((event) => paths.event('ar', event.id)).sort();
    assert.ok(expected.length > 0 && expected.length < withPutin.length, 'some, not all, of his events were covered as trade');
    const { page, urls } = await search(`${paths.search('ar')}?q=Putin&type=event&topic=${encodeURIComponent(trade.names.en!)}`);
    assert.deepEqual([...urls].sort(), expected);
    await page.close();
  });

  test('an event is found by its coverage\'s topics, named in any script', async () => {
    const trade = archive.topics.get('trade')!;
    const covered = [...archive.events.values()].filter((event) => archive.articlesByEvent.get(event.id)!.some((article) => article.topics.includes(trade.id)));
    assert.ok(covered.length > 0 && covered.length < archive.events.size);
    for (const [locale, name] of [['hi', trade.names.hi!], ['ms', trade.names.ms!]] as const) {
      assert.ok(covered.every((event) => !Object.values(event.titles).some((title) => title.includes(name))), `no event's title says "${name}"`);
      const { page, urls } = await search(`${paths.search(locale)}?q=${encodeURIComponent(name)}&type=event`);
      assert.deepEqual([...urls].sort(), covered.map((event) => paths.event(locale, event.id)).sort(), `${locale} "${name}"`);
      await page.close();
    }
  });

  test('filter indexes load only when the reader opens the filters, which then show counts', async () => {
    const page = await browser.newPage();
    const filterIndexes: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.pf_filter')) filterIndexes.push(request.url());
    });
    await page.goto(`${server.origin}${paths.search('en')}?q=Lukashenko`);
    await readResults(page);
    assert.deepEqual(filterIndexes, [], 'a plain search downloads no filter index');
    assert.equal(await page.getAttribute('#search-show-filters', 'aria-expanded'), 'false');
    assert.ok(await page.isHidden('#search-filter-groups'));
    await page.click('#search-show-filters');
    await page.waitForSelector('#search-filters input[name="language"][value="hi"]');
    assert.ok(filterIndexes.length > 0);
    assert.equal(await page.getAttribute('#search-show-filters', 'aria-expanded'), 'true');
    const hindi = await page.textContent('label:has(input[name="language"][value="hi"]) .count');
    assert.equal(hindi, ` (${expectedArticles('Lukashenko', 'hi').length})`);
    // Topics are named as the vocabulary names them in English, not by their ids.
    const topics = await page.$$eval('#search-filters input[name="topic"] + span', (spans) => spans.map((span) => span.textContent));
    assert.ok(topics.length > 0);
    const englishNames = new Set([...archive.topics.values()].map((t) => t.names.en));
    for (const topic of topics) assert.ok(englishNames.has(topic!), `${topic} is a topic's English name`);
    await page.close();
  });

  test('filters name events, people, places, sources and topics in the interface language where they have a name in it, else in English', async () => {
    const requests: string[] = [];
    const { page } = await search(`${paths.search('ar')}?q=Lukashenko`);
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.click('#search-show-filters');
    await page.waitForSelector('#search-filters input[name="event"]');
    const shown = async (key: string) =>
      new Map(await page.$$eval(`#search-filters input[name="${key}"]`, (boxes) => boxes.map((box) => {
        const span = box.nextElementSibling!;
        return [(box as HTMLInputElement).value, { text: span.textContent, lang: span.getAttribute('lang'), dir: span.getAttribute('dir') }] as const;
      })));
    const [events, entities, sources, topics] = [await shown('event'), await shown('entity'), await shown('source'), await shown('topic')];
    const expectations = [
      ...[...archive.events.values()].map((e) => [events, e.title, eventTitle(e, 'ar')] as const),
      ...[...archive.entities.values()].map((e) => [entities, e.names.en![0]!, entityName(e, 'ar')] as const),
      ...[...archive.sources.values()].map((s) => [sources, s.name_latin, sourceName(s, 'ar')] as const),
      ...[...archive.topics.values()].map((t) => [topics, t.names.en!, topicName(t, 'ar')] as const),
    ].filter(([values, value]) => values.has(value));
    assert.ok(expectations.some(([, , name]) => name.lang === 'ar') && expectations.some(([, , name]) => name.lang === 'en'), 'some values have Arabic names and some not');
    assert.ok(expectations.some(([values, , name]) => values === topics && name.lang === 'ar'), 'topics among the values named in Arabic');
    for (const [values, value, name] of expectations) assert.deepEqual(values.get(value), { text: name.text, lang: name.lang, dir: name.dir }, value);
    assert.ok(requests.some((path) => /^\/pagefind\/labels\/ar\/\d+\.json$/.test(path)), 'the Arabic labels are loaded with the filters');
    await page.close();
    // The English interface names them as the values are, and loads no labels.
    const english = await search(`${paths.search('en')}?q=Lukashenko`);
    const englishRequests: string[] = [];
    english.page.on('request', (request) => englishRequests.push(new URL(request.url()).pathname));
    await english.page.click('#search-show-filters');
    await english.page.waitForSelector('#search-filters input[name="event"]');
    const englishEvents = await english.page.$$eval('#search-filters input[name="event"]', (boxes) => boxes.map((box) => [(box as HTMLInputElement).value, box.nextElementSibling!.textContent]));
    for (const [value, text] of englishEvents) assert.equal(text, value);
    assert.deepEqual(englishRequests.filter((path) => path.includes('/labels/')), []);
    await english.page.close();
  });

  test('the years are listed newest first, not by their counts', async () => {
    const { page } = await search(`${paths.search('en')}?q=Putin`);
    await page.click('#search-show-filters');
    await page.waitForSelector('#search-filters input[name="year"]');
    const years = await page.$$eval('#search-filters input[name="year"]', (boxes) => boxes.map((box) => (box as HTMLInputElement).value));
    assert.ok(years.length >= 3, years.join());
    assert.deepEqual(years, [...years].sort().reverse());
    await page.close();
  });

  test('a long filter list folds its rarer values away, with a finder that narrows them by name or English value', async () => {
    const { page } = await search(`${paths.search('ar')}?q=Lukashenko`);
    await page.click('#search-show-filters');
    const details = page.locator('fieldset:has(input[name="entity"]) details');
    await details.locator('summary').click();
    const folded = () => details.locator('label:has(input[name="entity"])');
    const values = await folded().evaluateAll((labels) => labels.map((label) => [label.querySelector('input')!.value, label.querySelector('span')!.textContent!] as const));
    assert.ok(values.length >= 2, `${values.length} folded values`);
    // The English value of one whose label is Arabic: the finder knows a value by both.
    const [wanted, label] = values.find(([value, text]) => value !== text)!;
    await details.locator('.value-finder input').fill(wanted);
    const visible = await folded().evaluateAll((labels) => labels.filter((l) => l.checkVisibility()).map((l) => l.querySelector('input')!.value));
    assert.ok(visible.includes(wanted), `${wanted} (${label}) is found`);
    assert.ok(visible.length < values.length, 'the others are hidden');
    assert.equal(await details.locator('.value-finder [aria-live]').textContent(), `${visible.length} من ${values.length}`, 'how many are shown, said');
    for (const value of visible) assert.ok(finderMatches(wanted, [value, values.find(([v]) => v === value)![1]]), value);
    // Searching again (here, in another order) draws the filters again: the list stays narrowed.
    await page.selectOption('#search-sort', 'newest');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'newest');
    await readResults(page);
    assert.equal(await details.locator('.value-finder input').inputValue(), wanted);
    assert.equal(await details.evaluate((d) => (d as HTMLDetailsElement).open), true);
    assert.deepEqual(await folded().evaluateAll((labels) => labels.filter((l) => l.checkVisibility()).map((l) => l.querySelector('input')!.value)), visible);
    // A value found is chosen like any other.
    await details.locator(`input[name="entity"][value="${wanted}"]`).click();
    await page.waitForURL((url) => url.searchParams.get('entity') === wanted);
    await readResults(page);
    const chosen = page.locator(`#search-filters input[name="entity"][value="${wanted}"]`);
    assert.ok((await chosen.isChecked()) && (await chosen.isVisible()));
    await page.close();
  });

  test('sorted by date, pages without one leave the results, and the status says so', async () => {
    const byRelevance = await search(`${paths.search('en')}?q=Lukashenko`);
    const byDate = await search(`${paths.search('en')}?q=Lukashenko&sort=newest`);
    const undated = byRelevance.urls.filter((url) => url.startsWith('/entities/') || url.startsWith('/sources/'));
    assert.ok(undated.length > 0, 'the query finds an entity page');
    assert.deepEqual([...byDate.urls].sort(), byRelevance.urls.filter((url) => !undated.includes(url)).sort());
    const note = dictionaries.en['search.undatedLeftOut'];
    assert.ok(byDate.status.endsWith(note) && !byRelevance.status.includes(note), byDate.status);
    await byRelevance.page.close();
    await byDate.page.close();
  });

  test('a shared URL with query, filter and sort gives the same results in order', async () => {
    const path = `${paths.search('hi')}?q=Lukashenko&language=ar&language=hi&sort=newest`;
    const { page, urls } = await search(path);
    const expected = [...expectedArticles('Lukashenko', 'ar'), ...expectedArticles('Lukashenko', 'hi')];
    assert.deepEqual([...urls].sort(), expected.sort());
    const dates = urls.map((url) => archive.articles.get(url.split('/')[2]!)!.published.value);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
    assert.equal(await page.inputValue('#search-q'), 'Lukashenko');
    assert.ok(await page.isChecked('#search-filters input[name="language"][value="hi"]'));
    assert.equal(await page.inputValue('#search-sort'), 'newest');
    await page.close();
  });
});

describe('the search page itself', () => {
  test('works by keyboard from the header form of any page, and announces the count', async () => {
    const page = await browser.newPage();
    await page.goto(server.origin + paths.home('ar'));
    await page.focus('#header-search');
    await page.keyboard.type('Putin');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ar\/search\/\?q=Putin/);
    const { status, urls } = await readResults(page);
    assert.ok(urls.length > 0);
    assert.equal(await page.getAttribute('#search-status', 'aria-live'), 'polite');
    assert.match(status, /Putin/);
    // Read right to left, the Arabic sentence gives the Latin query, then the count: so the count is drawn to its left.
    const [query, count] = await page.evaluate(() => {
      const text = document.getElementById('search-status')!.firstChild!;
      const rect = (pattern: RegExp) => {
        const match = pattern.exec(text.textContent!)!;
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        return range.getBoundingClientRect().toJSON() as DOMRect;
      };
      return [rect(/Putin/), rect(/[\d,٬]+$/)];
    });
    assert.ok(count.right <= query.left, `the count (${count.left}–${count.right}) is left of the query (${query.left}–${query.right})`);
    await page.close();
  });

  for (const locale of ['ar', 'hi'] as const) {
    test(`the ${locale} search page with results and its filters open, a long list narrowed, has no axe violations`, async () => {
      const { page, urls } = await search(`${paths.search(locale)}?q=Lukashenko`);
      assert.ok(urls.length > 0);
      await page.click('#search-show-filters');
      await page.waitForSelector('#search-filters fieldset');
      const folded = page.locator('#search-filters details').first();
      await folded.locator('summary').click();
      await folded.locator('.value-finder input').fill('a');
      await page.addScriptTag({ path: AXE_PATH });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, []);
      await page.screenshot({ path: join(SCREENSHOTS, `search-${locale}.png`), fullPage: true });
      await page.close();
    });
  }

  test('without JavaScript it says so and links to the lists', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}${paths.search('ms')}?q=Putin`);
    assert.ok(await page.isVisible('#search-nojs'));
    assert.ok(await page.isHidden('#search-app'));
    const links = await page.$$eval('#search-nojs a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, [paths.languages('ms'), paths.events('ms'), paths.sources('ms')]);
    await context.close();
  });

  test('the index has one bundle per language, each holding one script', async () => {
    const manifest = JSON.parse(await readFile(join(DIST, 'pagefind', 'bundles.json'), 'utf8')) as { bundles: { bundle: string; scripts: string[]; pages: number }[] };
    const languages = new Set([...archive.articles.values()].map((a) => a.language));
    const bundles = manifest.bundles.map((b) => b.bundle);
    assert.deepEqual(bundles, [...new Set([...languages, 'en'])].sort());
    const scripts = Object.fromEntries(manifest.bundles.map((b) => [b.bundle, b.scripts]));
    assert.deepEqual(scripts, { ar: ['Arab'], en: ['Latn'], hi: ['Deva'], ms: ['Latn'] });
    // Beside its own pages, the Arabic and Hindi bundles hold a names record for each page named in their
    // script; Latin names go to the English bundle, so the Malay bundle holds exactly the Malay articles.
    const pages = (bundle: string) => manifest.bundles.find((b) => b.bundle === bundle)!.pages;
    const articlesIn = (language: string) => [...archive.articles.values()].filter((a) => a.language === language).length;
    for (const language of ['ar', 'hi']) assert.ok(pages(language) > articlesIn(language), language);
    assert.equal(pages('ms'), articlesIn('ms'));
  });

  test('a bundle publishes what the search page loads, not Pagefind\'s own interfaces', async () => {
    for (const bundle of ['ar', 'en', 'hi', 'ms']) {
      const files = (await readdir(join(DIST, 'pagefind', bundle))).filter((name) => !name.endsWith('.pf_meta')).sort();
      const wasm = bundle === 'ms' ? 'wasm.unknown.pagefind' : `wasm.${bundle}.pagefind`;
      assert.deepEqual(files, ['bundle.json', 'filter', 'fragment', 'index', 'pagefind-entry.json', 'pagefind-worker.js', 'pagefind.js', wasm].sort(), bundle);
    }
  });
});
