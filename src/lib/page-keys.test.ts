import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ArticleSchema, EntitySchema, EventSchema, SourceSchema, TopicSchema } from '../schema/index.ts';
import { buildArchiveIndex, otherCoverage } from './archive-index.ts';
import { eventFeedArticles, languageFeedArticles, topicFeedArticles } from './feeds.ts';
import { articleListPageKey, articlePageKey, eventFeedKey, eventPageKey, eventsListKey, languageFeedKey, recordWithEvents, countsShown, topicFeedKey } from './page-keys.ts';
import { pageOf, type YearRun } from './pagination.ts';

const article = (id: string, language: string) => ArticleSchema.parse({
  id, title: id, language, source: 's', events: ['2024-01-29-e'], entities: ['putin'], topics: ['trade'], editorial_notes: [], added: '2026-11-25',
  capture: { path: 'captures/x.txt', sha256: 'a'.repeat(64), origin: { url: null, retrieved: null, description: 'x' } },
  published: { value: id.slice(0, 10), precision: 'day', basis: 'stated', evidence: 'x' },
});
const index = buildArchiveIndex({
  articles: [article('2024-01-29-a', 'hi'), article('2024-01-30-b', 'ar')],
  events: [EventSchema.parse({ id: '2024-01-29-e', title: 'E', titles: {}, place: 'putin', participants: ['putin'], related: [], added: '2026-11-25', date: { value: '2024-01-29', precision: 'day', basis: 'stated', evidence: 'x' } })],
  sources: [SourceSchema.parse({ id: 's', name: 'S', name_lang: 'en', name_latin: 'S', names: {}, home: null, country: null, languages: ['hi'], kind: 'news-website', description: 'x' })],
  topics: [TopicSchema.parse({ id: 'trade', names: { en: 'Trade', ar: 'التجارة', hi: 'व्यापार', ms: 'Perdagangan' }, description: 'x' })],
  entities: [EntitySchema.parse({ id: 'putin', kind: 'person', names: { en: ['Vladimir Putin'] }, description: 'x' })],
});
/**
 * Every record's digest is "1:1" (front matter, body), but those listed in `changed`; a change to a body alone
 * is listed as "<collection>/<id>#body".
 */
const digests = (changed: Record<string, string> = {}) => (collection: string, id: string, part?: 'front matter') => {
  const frontMatter = changed[`${collection}/${id}`] ?? '1';
  return part === 'front matter' ? frontMatter : `${frontMatter}:${changed[`${collection}/${id}#body`] ?? '1'}`;
};
const a = index.articles.get('2024-01-29-a')!;
const keys = (digest: ReturnType<typeof digests>) => {
  const archive = { ...index, digest };
  const event = index.events.get('2024-01-29-e')!;
  return {
    articleA: articlePageKey(a, otherCoverage(a, index, 12), index, digest),
    articleB: articlePageKey(index.articles.get('2024-01-30-b')!, otherCoverage(index.articles.get('2024-01-30-b')!, index, 12), index, digest),
    event: eventPageKey(event, pageOf(index.coverageByEvent.get(event.id)!, 1, 50), [undefined, undefined], index, digest),
    language: articleListPageKey(pageOf(index.articlesByLanguage.get('hi')!, 1, 50), index.articleYears(index.articlesByLanguage.get('hi')!), ['hi'], digest),
    events: eventsListKey(archive, 1),
    eventFeed: eventFeedKey(event, eventFeedArticles(index, event.id), digest),
    languageFeed: languageFeedKey('hi', languageFeedArticles(index, 'hi'), digest),
    topicFeed: topicFeedKey(index.topics.get('trade')!, topicFeedArticles(index, 'trade'), digest),
  };
};

test('keys are stable: the same archive gives the same keys', () => {
  assert.deepEqual(keys(digests()), keys(digests()));
});

test('a change to an article changes its page and every page that lists it, and no other', () => {
  const before = keys(digests());
  const after = keys(digests({ 'articles/2024-01-29-a': '2' }));
  assert.notEqual(after.articleA, before.articleA);
  assert.notEqual(after.articleB, before.articleB, 'B lists A as other coverage');
  assert.notEqual(after.event, before.event);
  assert.notEqual(after.language, before.language);
  assert.notEqual(after.eventFeed, before.eventFeed);
  assert.notEqual(after.languageFeed, before.languageFeed);
  assert.notEqual(after.topicFeed, before.topicFeed);
  assert.equal(after.events, before.events, 'the list of events does not show articles');
});

test('a topic\'s new name changes the pages and feeds that name it: its articles\' own and their event\'s, not the lists', () => {
  const before = keys(digests());
  const after = keys(digests({ 'topics/trade': '2' }));
  assert.notEqual(after.articleA, before.articleA);
  assert.notEqual(after.event, before.event, 'the event page names the topics of its coverage');
  assert.notEqual(after.eventFeed, before.eventFeed);
  assert.notEqual(after.languageFeed, before.languageFeed);
  assert.notEqual(after.topicFeed, before.topicFeed);
  assert.deepEqual([after.language, after.events], [before.language, before.events]);
});

test('a correction to an article\'s body changes its own page alone', () => {
  const before = keys(digests());
  const after = keys(digests({ 'articles/2024-01-29-a#body': '2' }));
  assert.notEqual(after.articleA, before.articleA);
  for (const page of ['articleB', 'event', 'language', 'events', 'eventFeed', 'languageFeed', 'topicFeed'] as const) assert.equal(after[page], before[page], `${page} lists A without its body`);
});

test('an event\'s summary (its body) is shown on its own page alone', () => {
  const before = keys(digests());
  const after = keys(digests({ 'events/2024-01-29-e#body': '2' }));
  assert.notEqual(after.event, before.event);
  for (const page of ['articleA', 'events', 'eventFeed'] as const) assert.equal(after[page], before[page], `${page} names the event without its summary`);
});

test('renaming the source or an entity changes the pages that name them', () => {
  const before = keys(digests());
  assert.notEqual(keys(digests({ 'sources/s': '2' })).language, before.language);
  assert.notEqual(keys(digests({ 'entities/putin': '2' })).articleA, before.articleA);
  assert.notEqual(keys(digests({ 'events/2024-01-29-e': '2' })).events, before.events);
  assert.notEqual(keys(digests({ 'events/2024-01-29-e': '2' })).eventFeed, before.eventFeed, 'the feed is titled by its event');
  assert.notEqual(keys(digests({ 'sources/s': '2' })).eventFeed, before.eventFeed, 'its entries name their source');
  assert.equal(keys(digests({ 'entities/putin': '2' })).eventFeed, before.eventFeed, 'a feed names no entity');
});

test('topics or entities shown with their counts key a page by each one\'s names and its count', () => {
  for (const collection of ['topics', 'entities'] as const) {
    const before = countsShown(collection, [['x', 2]], digests());
    assert.notDeepEqual(countsShown(collection, [['x', 2]], digests({ [`${collection}/x`]: '2' })), before, `${collection}: renamed`);
    assert.notDeepEqual(countsShown(collection, [['x', 3]], digests()), before, `${collection}: one more article`);
    assert.deepEqual(countsShown(collection, [['x', 2]], digests()), before);
  }
  assert.deepEqual(countsShown('topics', [['x', 2]], digests({ 'entities/x': '2' })), countsShown('topics', [['x', 2]], digests()), 'a topic\'s key ignores an entity of the same id');
});

test('an entity\'s or topic\'s first page is keyed by the events it lists, its later pages by the record alone', () => {
  const events = index.eventsByTopic.get('trade')!;
  const key = (digest: ReturnType<typeof digests>, page: number) => recordWithEvents({ collection: 'topics', id: 'trade' }, events, page, index, digest);
  assert.notDeepEqual(key(digests({ 'events/2024-01-29-e': '2' }), 1), key(digests(), 1), 'the first page lists the retitled event');
  assert.deepEqual(key(digests({ 'events/2024-01-29-e': '2' }), 2), key(digests(), 2), 'a later page lists no event');
  assert.notDeepEqual(key(digests({ 'topics/trade': '2' }), 2), key(digests(), 2), 'every page names the topic');
});

test('a page of a list is keyed by the index of the list\'s years: each year\'s count and the page it starts on', () => {
  const page = { number: 2, count: 3, total: 120, items: [] };
  const key = (years: YearRun[]) => articleListPageKey(page, years, [], digests());
  const before = key([{ year: '2024', items: 60, start: 0 }, { year: '2023', items: 60, start: 60 }]);
  assert.notEqual(key([{ year: '2024', items: 61, start: 0 }, { year: '2023', items: 59, start: 61 }]), before, 'a year counts one more');
  assert.notEqual(key([{ year: '2024', items: 40, start: 0 }, { year: '2023', items: 80, start: 40 }]), before, '2023 starts a page earlier');
  assert.equal(key([{ year: '2024', items: 60, start: 0 }, { year: '2023', items: 60, start: 60 }]), before);
  const archive = { ...index, digest: digests() };
  assert.notEqual(eventsListKey({ ...archive, eventYears: [{ year: '2024', items: 101, start: 0 }] }, 1), eventsListKey(archive, 1), 'the list of events too');
});
