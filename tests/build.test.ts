/**
 * The built site against the content: every page exists, texts carry their
 * language and direction, event pages list exactly their articles, captures
 * are served byte for byte. Expected values come from the content files.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { loadCollection } from '../src/lib/content-files.ts';
import { loadDataset } from '../src/lib/dataset-file.ts';
import { buildArchiveIndex, MOST_MENTIONED } from '../src/lib/archive-index.ts';
import { languageList, languageName, textDirection } from '../src/lib/languages.ts';
import { localeKeys, locales, localeForLanguage, type LocaleKey } from '../src/i18n/locales.ts';
import { createTranslator, type UIKey } from '../src/i18n/ui/index.ts';
import { entityName, topicName } from '../src/lib/names.ts';
import { paths } from '../src/lib/routing.ts';
import type { Article, Entity, Event, Source, Topic } from '../src/schema/index.ts';
import type { RootContent } from 'hast';
import { attr, DIST, listHtmlFiles, loadPage, ROOT, select, selectAll, toText, type Root } from './helpers/dist.ts';

let articles: Article[];
let events: Event[];
let sources: Source[];
let entities: Entity[];
let topics: Topic[];

before(async () => {
  const load = async <C extends 'articles' | 'events' | 'sources' | 'entities' | 'topics'>(c: C) => {
    const { records, problems } = await loadCollection(ROOT, c);
    assert.deepEqual(problems, []);
    return records.map((r) => r.data);
  };
  [articles, events, sources, entities, topics] = await Promise.all([load('articles'), load('events'), load('sources'), load('entities'), load('topics')]);
});

describe('article pages', () => {
  test('one page per article, text in its own lang and dir, interface in its language', async () => {
    assert.ok(articles.length >= 6);
    for (const article of articles) {
      const page = await loadPage(paths.article(article.id));
      const body = select('.article-body', page);
      assert.ok(body, `${article.id}: no article body`);
      assert.equal(attr(body, 'lang'), article.language);
      assert.equal(attr(body, 'dir'), textDirection(article.language));
      assert.ok(toText(body).trim().length > 200, `${article.id}: body is nearly empty`);
      const html = select('html', page);
      const locale = locales[localeForLanguage(article.language)];
      assert.equal(attr(html, 'lang'), locale.lang);
      assert.equal(attr(html, 'dir'), locale.dir);
      if (article.title) {
        const h1 = select('h1', page);
        assert.equal(toText(h1!), article.title);
        assert.equal(attr(h1, 'lang'), article.language);
      }
      assert.ok(toText(page).includes(article.capture.sha256), `${article.id}: capture hash not shown`);
      for (const format of ['@article{', 'TY  - NEWS', '"article-newspaper"']) {
        assert.ok(selectAll('.cite pre', page).some((pre) => toText(pre).includes(format)), `${article.id}: no ${format} citation`);
      }
      // A name inside an interface sentence keeps its own language: the English title's translator, each event's title.
      if (article.title_en) assert.equal(attr(select('header .muted.small span[lang]', page), 'lang'), 'en', `${article.id}: who wrote the English title`);
      for (const link of selectAll('section[aria-labelledby="other-coverage"] .plain-list a', page)) {
        assert.ok(select('span[lang][dir]', link), `${article.id}: the event's title in "${toText(link)}" has no language of its own`);
      }
      // The citations are written in English whatever the article's language; its title keeps its own.
      for (const pre of selectAll('.cite pre', page)) assert.equal(attr(pre, 'lang'), 'en', `${article.id}: a citation's language`);
      if (article.title && article.language !== 'en' && article.language !== 'ms') {
        assert.ok(selectAll(`.cite pre span[lang="${article.language}"]`, page).some((span) => article.title!.includes(toText(span))), `${article.id}: the title in the citation keeps its language`);
      }
    }
  });

  test('an article\'s topics are named in its page\'s language, each marked with the language it is in, and link to their pages', async () => {
    let named = 0;
    for (const article of articles) {
      const page = await loadPage(paths.article(article.id));
      const locale = localeForLanguage(article.language);
      const t = createTranslator(locale);
      const terms = selectAll('aside dt', page);
      const list = selectAll('aside dd', page)[terms.findIndex((dt) => toText(dt) === t('article.topics'))];
      assert.ok(list, `${article.id}: no topics`);
      const shown = selectAll('li > a', list).map((a) => {
        const span = select('span', a)!;
        return { href: attr(a, 'href'), text: toText(span), lang: attr(span, 'lang'), dir: attr(span, 'dir') };
      });
      const expected = article.topics.map((id) => ({ href: paths.topic(locale, id), ...topicName(topics.find((topic) => topic.id === id)!, locales[locale].lang) }));
      assert.deepEqual(shown, expected, article.id);
      named += expected.filter((name) => name.lang !== 'en').length;
    }
    assert.ok(named > 0, 'some topics are named in Arabic or Hindi');
  });

  test('the English caption inside a Hindi article keeps its own language', async () => {
    const withCaption = articles.filter((a) => a.language === 'hi' && a.editorial_notes.some((n) => n.action === 'annotated'));
    assert.ok(withCaption.length > 0);
    for (const article of withCaption) {
      const figure = select('.article-body figure', await loadPage(paths.article(article.id)));
      assert.equal(attr(figure, 'lang'), 'en');
      assert.equal(attr(figure, 'dir'), 'ltr');
    }
  });

  test('every editorial note is shown', async () => {
    for (const article of articles) {
      const notes = selectAll('.notes > li', await loadPage(paths.article(article.id)));
      assert.equal(notes.length, article.editorial_notes.length, article.id);
    }
  });
});

describe('event pages', () => {
  test('each event page, in every locale, lists exactly its articles', async () => {
    for (const event of events) {
      const expected = articles.filter((a) => a.events.includes(event.id)).map((a) => paths.article(a.id)).sort();
      assert.ok(expected.length > 0, `${event.id} has no coverage`);
      for (const locale of localeKeys) {
        const page = await loadPage(paths.event(locale, event.id));
        const coverage = select('section[aria-labelledby="coverage"]', page)!;
        const listed = selectAll('a.item-title', coverage).map((a) => attr(a, 'href')).sort();
        assert.deepEqual(listed, expected, `${locale} ${event.id}`);
        assert.equal(attr(select('html', page), 'dir'), locales[locale].dir);
        assert.equal(attr(select('time', page), 'dateTime'), event.date.value);
        // The table of who covered it says what its empty cells say.
        const none = selectAll('td.grid-cell--empty', page).map((cell) => toText(cell));
        if (none.length > 0) assert.ok(toText(select('table caption', page)!).includes(none[0]!), `${locale} ${event.id}: the caption explains "${none[0]}"`);
      }
    }
  });
});

/** The id of the record a list item links to: the last segment of its title link's path. */
const linkedId = (item: Parameters<typeof select>[1]) => attr(select('a.item-title', item), 'href').split('/').at(-2)!;

describe('list and record pages', () => {
  test('every language, source and entity has a page in every locale', async () => {
    const languages = [...new Set(articles.map((a) => a.language))];
    for (const locale of localeKeys) {
      for (const path of [paths.home(locale), paths.events(locale), paths.languages(locale), paths.sources(locale), paths.entities(locale), paths.topics(locale)]) {
        await loadPage(path);
      }
      for (const lang of languages) {
        const page = await loadPage(paths.language(locale, lang));
        const listed = selectAll('a.item-title', page).length;
        assert.equal(listed, articles.filter((a) => a.language === lang).length);
      }
      for (const source of sources) await loadPage(paths.source(locale, source.id));
      for (const entity of entities) await loadPage(paths.entity(locale, entity.id));
    }
  });

  /** Records counted in the articles of a page, most first and then by id, as the page's `label` row lists them. */
  async function assertCountsRow(
    pages: readonly { id: string; path: (locale: LocaleKey) => string; counts: readonly (readonly [string, number])[] }[],
    label: UIKey,
    link: (locale: LocaleKey, id: string) => { href: string; name: { text: string; lang: string } },
  ): Promise<number> {
    let withRow = 0;
    for (const { id, path, counts } of pages) {
      const expected = [...counts].filter(([, count]) => count > 0).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
      if (expected.length > 0) withRow++;
      for (const locale of localeKeys) {
        const t = createTranslator(locale);
        const page = await loadPage(path(locale));
        const position = selectAll('dl.facts dt', page).findIndex((dt) => toText(dt) === t(label));
        if (expected.length === 0) {
          assert.equal(position, -1, `${locale} ${id}: nothing to count, no row`);
          continue;
        }
        const list = selectAll('dl.facts dd', page)[position]!;
        const shown = selectAll('li', list).map((li) => {
          const span = select('a > span', li)!;
          return { href: attr(select('a', li), 'href'), text: toText(span), lang: attr(span, 'lang'), count: toText(li).slice(toText(span).length).trim() };
        });
        const lang = locales[locale].lang;
        assert.deepEqual(shown, expected.map(([recordId, count]) => {
          const { href, name } = link(locale, recordId);
          return { href, text: name.text, lang: name.lang, count: `(${count.toLocaleString(lang)})` };
        }), `${locale} ${id}: ${label}`);
      }
    }
    return withRow;
  }

  /** How many of some articles list each of some records' ids. */
  const countIn = (ids: readonly string[], about: readonly Article[], listed: (article: Article) => readonly string[]) =>
    ids.map((id) => [id, about.filter((a) => listed(a).includes(id)).length] as const);

  test('event, entity and source pages name the topics of their articles in the page\'s language, with how many are about each', async () => {
    const topicIds = topics.map((topic) => topic.id);
    const pages = [
      ...events.map((event) => ({ id: event.id, path: (locale: LocaleKey) => paths.event(locale, event.id), about: articles.filter((a) => a.events.includes(event.id)) })),
      ...entities.map((entity) => ({ id: entity.id, path: (locale: LocaleKey) => paths.entity(locale, entity.id), about: articles.filter((a) => a.entities.includes(entity.id)) })),
      ...sources.map((source) => ({ id: source.id, path: (locale: LocaleKey) => paths.source(locale, source.id), about: articles.filter((a) => a.source === source.id) })),
    ].map(({ about, ...page }) => ({ ...page, counts: countIn(topicIds, about, (a) => a.topics) }));
    const withTopics = await assertCountsRow(pages, 'coverage.topics', (locale, id) => ({ href: paths.topic(locale, id), name: topicName(topics.find((topic) => topic.id === id)!, locales[locale].lang) }));
    assert.ok(withTopics > events.length + sources.length, 'events, sources and entities with topics');
  });

  test('entity, topic and source pages name the entities their articles mention most, in the page\'s language, with how many mention each', async () => {
    const entityIds = entities.map((entity) => entity.id);
    const mostMentioned = (about: readonly Article[], except?: string) =>
      countIn(entityIds.filter((id) => id !== except), about, (a) => a.entities)
        .filter(([, count]) => count > 0)
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        .slice(0, MOST_MENTIONED);
    const link = (locale: LocaleKey, id: string) => ({ href: paths.entity(locale, id), name: entityName(entities.find((entity) => entity.id === id)!, locales[locale].lang) });
    const beside = entities.map((entity) => ({
      id: entity.id, path: (locale: LocaleKey) => paths.entity(locale, entity.id), counts: mostMentioned(articles.filter((a) => a.entities.includes(entity.id)), entity.id),
    }));
    const withOthers = await assertCountsRow(beside, 'entity.mentionedWith', link);
    assert.ok(beside.some(({ counts }) => counts.length === MOST_MENTIONED), 'an entity mentioned beside more entities than are shown');
    assert.ok(withOthers > entities.length / 2, 'entities mentioned beside others');
    const covered = topics.filter((topic) => articles.some((a) => a.topics.includes(topic.id)));
    const byTopicOrSource = [
      ...covered.map((topic) => ({ id: topic.id, path: (locale: LocaleKey) => paths.topic(locale, topic.id), counts: mostMentioned(articles.filter((a) => a.topics.includes(topic.id))) })),
      ...sources.map((source) => ({ id: source.id, path: (locale: LocaleKey) => paths.source(locale, source.id), counts: mostMentioned(articles.filter((a) => a.source === source.id)) })),
    ];
    assert.ok(await assertCountsRow(byTopicOrSource, 'coverage.entities', link) > covered.length, 'topics and sources whose articles mention someone');
  });

  test('each topic an article is about has a page in every locale, titled in its language, listing exactly its articles and, newest first, the events they cover', async () => {
    const covered = topics.filter((topic) => articles.some((a) => a.topics.includes(topic.id)));
    assert.ok(covered.length > 0 && covered.length < topics.length, 'the vocabulary holds topics no article is about yet');
    for (const locale of localeKeys) {
      const lang = locales[locale].lang;
      const index = await loadPage(paths.topics(locale));
      assert.deepEqual(selectAll('a.item-title', index).map((a) => attr(a, 'href')).sort(), covered.map((topic) => paths.topic(locale, topic.id)).sort(), `${locale}: the topics listed`);
      for (const topic of covered) {
        const page = await loadPage(paths.topic(locale, topic.id));
        const h1 = select('h1 span', page)!;
        assert.deepEqual({ text: toText(h1), lang: attr(h1, 'lang') }, { text: topic.names[lang], lang }, `${locale} ${topic.id}: the title`);
        const links = selectAll('a.item-title', page).map((a) => attr(a, 'href'));
        const about = articles.filter((a) => a.topics.includes(topic.id));
        assert.deepEqual(links.filter((href) => href.startsWith('/articles/')).sort(), about.map((a) => paths.article(a.id)).sort(), `${locale} ${topic.id}`);
        const itsEvents = events.filter((event) => about.some((a) => a.events.includes(event.id))).sort((a, b) => b.date.value.localeCompare(a.date.value));
        assert.deepEqual(links.filter((href) => !href.startsWith('/articles/')), itsEvents.map((event) => paths.event(locale, event.id)), `${locale} ${topic.id}: its events`);
      }
    }
    for (const topic of topics.filter((t) => !covered.includes(t))) {
      await assert.rejects(loadPage(paths.topic('en', topic.id)), { code: 'ENOENT' }, `${topic.id} has no articles and no page`);
    }
  });

  test('the languages pages name each language in the page\'s language, and by its own name when that differs', async () => {
    const languages = [...new Set(articles.map((a) => a.language))];
    for (const locale of localeKeys) {
      const lang = locales[locale].lang;
      const items = selectAll('.card-list > li', await loadPage(paths.languages(locale)));
      assert.equal(items.length, languages.length);
      for (const item of items) {
        const code = linkedId(item);
        const ownName = select(`span[lang="${code}"]`, item);
        const heading = select(`h1 span[lang="${code}"]`, await loadPage(paths.language(locale, code)));
        if (languageName(code, code) === languageName(code, lang)) {
          assert.equal(ownName, undefined, `${paths.languages(locale)}: ${code} named twice`);
          assert.equal(heading, undefined, `${paths.language(locale, code)}: named twice`);
        } else {
          for (const name of [ownName, heading]) {
            assert.equal(toText(name!), languageName(code, code));
            assert.equal(attr(name, 'dir'), textDirection(code));
          }
        }
      }
    }
  });

  test('event, source, entity and language pages describe themselves, in the page\'s language, for search engines and link previews', async () => {
    for (const locale of localeKeys) {
      const t = createTranslator(locale);
      const count = (n: number) => `${t('list.count')}: ${n.toLocaleString(locales[locale].lang)}`;
      const pages: [string, number][] = [
        ...events.map((e): [string, number] => [paths.event(locale, e.id), articles.filter((a) => a.events.includes(e.id)).length]),
        ...sources.map((s): [string, number] => [paths.source(locale, s.id), articles.filter((a) => a.source === s.id).length]),
        ...entities.map((e): [string, number] => [paths.entity(locale, e.id), articles.filter((a) => a.entities.includes(e.id)).length]),
        ...[...new Set(articles.map((a) => a.language))].map((lang): [string, number] => [paths.language(locale, lang), articles.filter((a) => a.language === lang).length]),
      ];
      for (const [path, n] of pages) {
        const page = await loadPage(path);
        const description = attr(select('meta[name="description"]', page), 'content');
        assert.ok(description.includes(count(n)), `${path}: "${description}" should give its ${n} articles`);
        assert.equal(attr(select('meta[property="og:description"]', page), 'content'), description);
      }
    }
  });

  test('only a home page describes itself with the site\'s tagline, and its link preview is titled with the site\'s name', async () => {
    const taglines = new Set(localeKeys.map((locale) => createTranslator(locale)('site.tagline')));
    const siteNames = new Set(localeKeys.map((locale) => createTranslator(locale)('site.name')));
    const homes = new Set(localeKeys.map((locale) => paths.home(locale) + 'index.html'));
    const described: string[] = [];
    for (const file of await listHtmlFiles()) {
      if (file === '/404.html') continue;
      const page = await loadPage(file);
      const description = attr(select('meta[name="description"]', page), 'content');
      const ogTitle = attr(select('meta[property="og:title"]', page), 'content');
      if (homes.has(file)) {
        assert.ok(taglines.has(description), file);
        assert.ok(siteNames.has(ogTitle), `${file}: its preview's title is "${ogTitle}"`);
      } else {
        described.push(file);
        assert.ok(!taglines.has(description), `${file} is described only by the site's tagline`);
        assert.ok(!taglines.has(ogTitle), `${file}: its preview's title is the site's tagline`);
      }
    }
    assert.ok(described.length > 100);
  });

  test('an article is described by its own opening words, in its language', async () => {
    for (const article of articles) {
      const page = await loadPage(paths.article(article.id));
      const description = attr(select('meta[name="description"]', page), 'content');
      const text = toText(select('.article-body', page)!).replace(/\s+/gu, ' ').trim();
      assert.ok(description.length > 20 && description.length <= 160, `${article.id}: "${description}"`);
      assert.ok(text.startsWith(description.replace(/…$/u, '')), `${article.id}: "${description}" is not how its text begins`);
    }
  });

  test('event lists name each event\'s languages as the page\'s language writes a list', async () => {
    const archive = buildArchiveIndex({ articles, events, sources, entities, topics });
    for (const locale of localeKeys) {
      const lang = locales[locale].lang;
      const items = selectAll('li:has(> a.item-title)', await loadPage(paths.events(locale)));
      assert.equal(items.length, events.length);
      for (const item of items) {
        const id = linkedId(item);
        const languages = archive.languagesByEvent.get(id)!.map(([language]) => language);
        assert.ok(toText(select('.meta', item)!).endsWith(`${createTranslator(locale)('event.languages')}: ${languageList(languages, lang)}`), `${paths.events(locale)}: ${id}`);
        if (lang === 'ar' && languages.length > 1) assert.doesNotMatch(toText(select('.meta', item)!), /\p{Script=Arabic}, /u, 'no Latin comma in an Arabic list');
      }
    }
  });

  test('the data page\'s changelog gives each release\'s counts in the page\'s language', async () => {
    const dataset = await loadDataset(ROOT);
    for (const locale of localeKeys) {
      const lang = locales[locale].lang;
      const changelog = select('section[aria-labelledby="changelog"]', await loadPage(paths.data(locale)))!;
      const counts = selectAll('article', changelog).map((release) => toText(selectAll('p', release).at(-1)!));
      const n = (count: number) => count.toLocaleString(lang);
      assert.deepEqual(counts, dataset.releases.map((r) => createTranslator(locale)('data.releaseCounts', { added: n(r.added.length), corrected: n(r.corrected.length), withdrawn: n(r.withdrawn.length) })));
      if (locale !== 'en') assert.doesNotMatch(toText(changelog), /Added:|corrected:|withdrawn:/, `${locale}: the changelog's interface text is not left in English`);
      // It says that a release never changes and where any can be made again: its tag, as code, left to right.
      const kept = select('p:has(> code)', changelog)!;
      const tag = select('code', kept)!;
      assert.equal(toText(tag), `v${dataset.releases[0]!.version}`, locale);
      assert.equal(tag.properties.dir, 'ltr');
      assert.equal(toText(kept), createTranslator(locale)('data.releasesKept', { tag: toText(tag) }), locale);
    }
  });

  test('a link to a page in English only says so, from a page in another language', async () => {
    let links = 0;
    for (const file of await listHtmlFiles()) {
      const page = await loadPage(file);
      const lang = attr(select('html', page), 'lang');
      const locale = localeKeys.find((key) => locales[key].lang === lang) ?? 'en';
      const marker = createTranslator(locale)('link.inEnglish');
      for (const link of selectAll('a[href^="/about/"], a[href^="/docs/"]', page)) {
        links++;
        if (locale === 'en') {
          assert.equal(attr(link, 'hrefLang'), '', `${file}: ${attr(link, 'href')}`);
        } else {
          assert.equal(attr(link, 'hrefLang'), 'en', `${file}: ${attr(link, 'href')} without hreflang`);
          assert.ok(toText(link).endsWith(` ${marker}`), `${file}: "${toText(link)}" does not say it is in English`);
        }
      }
    }
    assert.ok(links > 500);
  });

  test('a listed article in another language than the page\'s has its hreflang', async () => {
    const languageOf = new Map(articles.map((a) => [paths.article(a.id), a.language]));
    let links = 0;
    for (const file of await listHtmlFiles()) {
      const page = await loadPage(file);
      const lang = attr(select('html', page), 'lang');
      for (const link of selectAll('a.item-title[href^="/articles/"]', page)) {
        links++;
        const language = languageOf.get(attr(link, 'href'))!;
        assert.equal(attr(link, 'hrefLang'), language === lang ? '' : language, `${file}: ${attr(link, 'href')}`);
      }
    }
    assert.ok(links > 100);
  });

  test('the data page sets its file names and commands as code, left to right, in every language', async () => {
    for (const locale of localeKeys) {
      const verify = select('section[aria-labelledby="verify"]', await loadPage(paths.data(locale)))!;
      const code = selectAll('code', verify).map((c) => [toText(c), attr(c, 'dir') || attr(select('pre', verify)!, 'dir')]);
      assert.deepEqual(code, [['SHA256SUMS', 'ltr'], ['sha256sum -c SHA256SUMS', 'ltr'], ['sha256sum -c manifest-sha256.txt', 'ltr']], locale);
    }
  });

  test('home pages name the most covered topics in their language, most articles first, each linking to its page', async () => {
    const counted = topics
      .map((topic) => ({ topic, count: articles.filter((a) => a.topics.includes(topic.id)).length }))
      .filter(({ count }) => count > 0);
    for (const locale of localeKeys) {
      const lang = locales[locale].lang;
      const items = selectAll('section[aria-labelledby="topics"] li', await loadPage(paths.home(locale)));
      const shown = items.map((li) => ({ href: attr(select('a', li), 'href'), name: toText(select('a > span', li)!), count: Number(toText(li).match(/\((\d+)\)$/)![1]) }));
      const expected = counted
        .map(({ topic, count }) => ({ href: paths.topic(locale, topic.id), name: topicName(topic, lang).text, count }))
        .sort((a, b) => b.count - a.count || new Intl.Collator(lang).compare(a.name, b.name))
        .slice(0, 12);
      assert.deepEqual(shown, expected, locale);
    }
  });

  test('home pages name the entities the archive mentions most, in their language, with how many articles mention each, and link to all', async () => {
    const expected = entities
      .map((entity) => [entity.id, articles.filter((a) => a.entities.includes(entity.id)).length] as const)
      .filter(([, count]) => count > 0)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, MOST_MENTIONED);
    assert.equal(expected.length, MOST_MENTIONED, 'more entities are mentioned than are shown');
    for (const locale of localeKeys) {
      const lang = locales[locale].lang;
      const section = select('section[aria-labelledby="mentioned"]', await loadPage(paths.home(locale)))!;
      const shown = selectAll('li', section).map((li) => ({ href: attr(select('a', li), 'href'), name: toText(select('a > span', li)!), lang: attr(select('a > span', li), 'lang'), count: toText(li).slice(toText(select('a > span', li)!).length).trim() }));
      assert.deepEqual(shown, expected.map(([id, count]) => {
        const name = entityName(entities.find((entity) => entity.id === id)!, lang);
        return { href: paths.entity(locale, id), name: name.text, lang: name.lang, count: `(${count.toLocaleString(lang)})` };
      }), locale);
      assert.ok(selectAll('a', section).some((a) => attr(a, 'href') === paths.entities(locale)), `${locale}: a link to all of them`);
    }
  });

  test('home pages count the archive', async () => {
    for (const locale of localeKeys) {
      const counts = selectAll('.stats dd', await loadPage(paths.home(locale))).map((dd) => toText(dd));
      assert.deepEqual(counts, [articles.length, events.length, new Set(articles.map((a) => a.language)).size, sources.length].map((n) => n.toLocaleString(locales[locale].lang)));
    }
  });

  test('documentation, about and 404 pages exist; the data dictionary documents every field', async () => {
    for (const path of [paths.about(), paths.contributing(), paths.citing()]) await loadPage(path);
    await loadPage('/404.html');
    const dictionary = toText(await loadPage(paths.dataDictionary()));
    for (const field of ['published.precision', 'capture.sha256', 'editorial_notes[].reason', 'title_en.agent', 'names', 'wikidata']) {
      assert.ok(dictionary.includes(field), `data dictionary lacks ${field}`);
    }
    // Every column of every dataset table, with its description.
    const datapackage = JSON.parse(await readFile(join(DIST, 'data', 'datapackage.json'), 'utf8')) as { resources: { format: string; name: string; schema?: { fields: { name: string; description: string }[] } }[] };
    const page = await loadPage(paths.dataDictionary());
    for (const resource of datapackage.resources.filter((r) => r.format === 'csv')) {
      const section = select(`section[aria-labelledby="table-${resource.name}"]`, page);
      assert.ok(section, `data dictionary lacks the ${resource.name} table`);
      const columns = selectAll('tbody th code', section!).map((code) => toText(code));
      assert.deepEqual(columns, resource.schema!.fields.map((f) => f.name), resource.name);
    }
  });
});

/**
 * The letters each language of the site does not write. Latin is left out: a brand, a file name or a format
 * in Latin letters is at home on an Arabic or Hindi page.
 */
const FOREIGN_TO: Record<string, RegExp> = { en: /[\p{Script=Arabic}\p{Script=Devanagari}]/u, ms: /[\p{Script=Arabic}\p{Script=Devanagari}]/u, hi: /\p{Script=Arabic}/u, ar: /\p{Script=Devanagari}/u };
/** Texts with Arabic or Devanagari letters that their language (the nearest lang attribute's) does not write. */
function textsInAnotherScript(page: Root): string[] {
  const found: string[] = [];
  const visit = (node: Root | RootContent, lang: string) => {
    if (node.type === 'element') {
      if (node.tagName === 'script' || node.tagName === 'style') return;
      lang = typeof node.properties.lang === 'string' ? node.properties.lang : lang;
    }
    if (node.type === 'text' && FOREIGN_TO[lang]?.test(node.value)) found.push(`${lang}: ${node.value.trim().slice(0, 60)}`);
    if ('children' in node) for (const child of node.children) visit(child, lang);
  };
  visit(page, '');
  return found;
}

/**
 * Elements set in the other direction from their parent's whose text begins or ends with a space: the space is
 * drawn at the element's own start or end, on the wrong side (" (العربية)" after "Arabic" read "Arabic(العربية)").
 */
function spacesAtADirectionChange(page: Root): string[] {
  const found: string[] = [];
  const visit = (node: Root | RootContent, dir: string) => {
    if (node.type === 'element') {
      const own = typeof node.properties.dir === 'string' ? node.properties.dir : dir;
      if (dir && own !== dir && /^\s|\s$/.test(toText(node))) found.push(`${own}: "${toText(node).slice(0, 60)}"`);
      dir = own;
    }
    if ('children' in node) for (const child of node.children) visit(child, dir);
  };
  visit(page, '');
  return found;
}

describe('the whole build', () => {
  test('captures are served byte for byte and match their recorded SHA-256', async () => {
    for (const article of articles) {
      const original = await readFile(join(ROOT, 'content', article.capture.path));
      const served = await readFile(join(DIST, article.capture.path));
      assert.ok(served.equals(original), article.capture.path);
      assert.equal(createHash('sha256').update(served).digest('hex'), article.capture.sha256);
    }
  });

  test('only the search pages ship JavaScript, and every page declares its language and direction', async () => {
    const files = await listHtmlFiles();
    assert.ok(files.length > 100);
    const searchPages = new Set(localeKeys.map((locale) => `${paths.search(locale)}index.html`));
    for (const file of files) {
      const page = await loadPage(file);
      const scripts = selectAll('script', page).filter((script) => !['application/json', 'application/ld+json'].includes(attr(script, 'type')));
      if (searchPages.has(file)) assert.equal(scripts.length, 1, `${file} should load the search script`);
      else assert.equal(scripts.length, 0, `${file} has a script`);
      const html = select('html', page);
      assert.ok(attr(html, 'lang'), `${file}: no lang`);
      assert.match(attr(html, 'dir'), /^(ltr|rtl)$/, `${file}: no dir`);
      // An inline list's separators (CSS ::after) are in its items: an item in another direction would put
      // its separator on the wrong side. A name in another language goes in a span of its own.
      assert.deepEqual(selectAll('.inline-list > li[dir]', page).map((li) => toText(li)), [], `${file}: a list item sets its own direction`);
      assert.deepEqual(textsInAnotherScript(page), [], `${file}: text in a script its language does not write, with no lang of its own`);
      assert.deepEqual(spacesAtADirectionChange(page), [], `${file}: a space at the edge of a text in the other direction`);
      // Astro drops the line break before a text that starts a line, which once glued "Broadcaster· Articles: 1".
      assert.deepEqual(selectAll('.meta', page).map((meta) => toText(meta)).filter((text) => /\S·|·\S/u.test(text)), [], `${file}: a separator without its spaces`);
    }
  });
});
