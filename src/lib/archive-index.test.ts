import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ArticleSchema, EntitySchema, EventSchema, SourceSchema, TopicSchema } from '../schema/index.ts';
import { MOST_MENTIONED, buildArchiveIndex, buildCoverageGrid, findBrokenReferences, consecutiveRuns, otherCoverage, timelineNeighbours } from './archive-index.ts';

const capture = { path: 'captures/x.txt', sha256: 'a'.repeat(64), origin: { url: null, retrieved: null, description: 'x' } };
const article = (id: string, language: string, source: string, events: string[], entities: string[] = [], topics: string[] = []) =>
  ArticleSchema.parse({
    id, title: id, language, source, events, entities, topics, capture, editorial_notes: [], added: '2026-11-25',
    published: { value: id.slice(0, 10), precision: 'day', basis: 'stated', evidence: 'x' },
  });
const event = (id: string, participants = ['putin']) =>
  EventSchema.parse({
    id, title: id, titles: {}, place: 'minsk', participants, related: [], added: '2026-11-25',
    date: { value: id.slice(0, 10), precision: 'day', basis: 'stated', evidence: 'x' },
  });
const source = (id: string) =>
  SourceSchema.parse({ id, name: id, name_lang: 'en', name_latin: id, names: {}, home: null, country: null, languages: ['en'], kind: 'news-website', description: 'x' });
const entity = (id: string) => EntitySchema.parse({ id, kind: 'person', names: { en: [id] }, description: 'x' });

const input = {
  articles: [
    article('2024-12-06-a', 'hi', 's1', ['2024-12-06-e'], ['putin']),
    article('2024-12-07-b', 'ar', 's2', ['2024-12-06-e'], ['putin']),
    article('2024-01-29-c', 'ar', 's2', ['2024-01-29-f']),
  ],
  events: [event('2024-12-06-e'), event('2024-01-29-f')],
  sources: [source('s1'), source('s2')],
  entities: [entity('putin'), entity('minsk')],
  topics: [],
};

test('indexes articles by event, entity, source and language, newest first', () => {
  const index = buildArchiveIndex(input);
  assert.deepEqual(index.articlesByEvent.get('2024-12-06-e')!.map((a) => a.id), ['2024-12-07-b', '2024-12-06-a']);
  assert.deepEqual(index.articlesByEntity.get('putin')!.map((a) => a.id), ['2024-12-07-b', '2024-12-06-a']);
  assert.equal(index.articlesBySource.get('s2')!.length, 2);
  assert.deepEqual(index.languages, ['ar', 'hi']);
  assert.deepEqual(index.eventsByEntity.get('minsk')!.map((e) => e.id), ['2024-01-29-f', '2024-12-06-e']);
});

test("an event's coverage is ordered by language, most-covered first, and counted", () => {
  const index = buildArchiveIndex({
    ...input,
    articles: [...input.articles, article('2024-12-08-d', 'hi', 's1', ['2024-12-06-e']), article('2024-12-09-e', 'hi', 's1', ['2024-12-06-e'])],
  });
  assert.deepEqual(index.coverageByEvent.get('2024-12-06-e')!.map((a) => a.id), ['2024-12-09-e', '2024-12-08-d', '2024-12-06-a', '2024-12-07-b']);
  assert.deepEqual(index.languagesByEvent.get('2024-12-06-e'), [['hi', 3], ['ar', 1]]);
  const runs = consecutiveRuns(index.coverageByEvent.get('2024-12-06-e')!.slice(1, 4), (a) => a.language);
  assert.deepEqual(runs.map(([language, group]) => [language, group.length]), [['hi', 2], ['ar', 1]]);
});

test("an event's, entity's or source's topics are its articles', counted, most first; a topic's events are on the timeline", () => {
  const index = buildArchiveIndex({
    ...input,
    articles: [
      article('2024-12-06-a', 'hi', 's1', ['2024-12-06-e'], ['putin'], ['union-state', 'sanctions']),
      article('2024-12-07-b', 'ar', 's2', ['2024-12-06-e'], ['putin'], ['sanctions']),
      article('2024-12-08-d', 'ar', 's2', ['2024-12-06-e']),
      article('2024-01-29-c', 'ar', 's2', ['2024-01-29-f'], [], ['trade', 'sanctions']),
    ],
  });
  assert.deepEqual(index.topicsByEvent.get('2024-12-06-e'), [['sanctions', 2], ['union-state', 1]]);
  assert.deepEqual(index.topicsByEvent.get('2024-01-29-f'), [['sanctions', 1], ['trade', 1]], 'as many: by id');
  assert.deepEqual(index.eventsByTopic.get('sanctions')!.map((e) => e.id), ['2024-01-29-f', '2024-12-06-e'], 'oldest first');
  assert.deepEqual(index.eventsByTopic.get('trade')!.map((e) => e.id), ['2024-01-29-f']);
  assert.deepEqual(index.topicsBySource.get('s2'), [['sanctions', 2], ['trade', 1]]);
  assert.deepEqual(index.topicsBySource.get('s1'), [['sanctions', 1], ['union-state', 1]]);
  assert.deepEqual(index.topicsByEntity.get('putin'), [['sanctions', 2], ['union-state', 1]]);
});

test("the entities most mentioned beside an entity, by a topic's, a source's or the whole archive's articles: counted, most first, then by id, up to a limit", () => {
  const index = buildArchiveIndex({
    ...input,
    articles: [
      article('2024-12-06-a', 'hi', 's1', ['2024-12-06-e'], ['putin', 'minsk', 'lukashenko'], ['sanctions']),
      article('2024-12-07-b', 'ar', 's2', ['2024-12-06-e'], ['putin', 'lukashenko'], ['sanctions']),
      article('2024-12-08-d', 'ar', 's2', ['2024-12-06-e'], ['lukashenko', 'belarus']),
      article('2024-01-29-c', 'ar', 's2', ['2024-01-29-f'], [], ['trade']),
    ],
  });
  const of = (entity: string) => index.articlesByEntity.get(entity)!;
  assert.deepEqual(index.mostMentioned(of('putin'), 'putin'), [['lukashenko', 2], ['minsk', 1]], 'not itself');
  assert.deepEqual(index.mostMentioned(of('lukashenko'), 'lukashenko'), [['putin', 2], ['belarus', 1], ['minsk', 1]], 'as many: by id');
  assert.deepEqual(index.mostMentioned(index.articlesByTopic.get('sanctions')!), [['lukashenko', 2], ['putin', 2], ['minsk', 1]]);
  assert.deepEqual(index.mostMentioned(index.articlesByTopic.get('trade')!), [], 'its articles mention no one');
  assert.deepEqual(index.mostMentioned(index.articlesBySource.get('s2')!), [['lukashenko', 2], ['belarus', 1], ['putin', 1]]);
  assert.deepEqual(index.mostMentioned(index.articlesByDate), [['lukashenko', 3], ['putin', 2], ['belarus', 1], ['minsk', 1]], 'the whole archive\'s');
  assert.deepEqual(index.mostMentioned([]), []);
  const many = Array.from({ length: MOST_MENTIONED + 5 }, (_, i) => `e${String(i).padStart(2, '0')}`);
  const crowded = buildArchiveIndex({ ...input, articles: [article('2024-12-06-a', 'hi', 's1', ['2024-12-06-e'], ['a-first', ...many])] });
  const list = crowded.articlesByEntity.get('a-first')!;
  assert.deepEqual(crowded.mostMentioned(list).map(([id]) => id), ['a-first', ...many.slice(0, MOST_MENTIONED - 1)]);
  assert.deepEqual(crowded.mostMentioned(list, 'a-first').map(([id]) => id), many.slice(0, MOST_MENTIONED), 'as many as are shown, without itself');
  assert.deepEqual(crowded.mostMentioned(list, many.at(-1)).map(([id]) => id), ['a-first', ...many.slice(0, MOST_MENTIONED - 1)], 'leaving out one not among the first');
});

test('the most mentioned entities of a list are the first of all its counts in order, whatever order they are met in', () => {
  // A small generator, so that the case is the same on every run.
  let seed = 7;
  const next = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
  const ids = Array.from({ length: 40 }, (_, i) => `e-${String.fromCharCode(97 + (i % 26))}${i}`);
  const articles = Array.from({ length: 300 }, (_, i) => {
    const mentioned = [...new Set(Array.from({ length: 1 + next(8) }, () => ids[next(next(2) ? 10 : ids.length)]!))];
    return article(`2024-01-${String(1 + (i % 28)).padStart(2, '0')}-x${i}`, 'hi', 's1', ['2024-12-06-e'], mentioned);
  });
  const index = buildArchiveIndex({ ...input, articles });
  const all = ids.map((id) => [id, articles.filter((a) => a.entities.includes(id)).length] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  assert.ok(new Set(all.map(([, count]) => count)).size < all.length, 'counts tie');
  assert.deepEqual(index.mostMentioned(index.articlesByDate), all.slice(0, MOST_MENTIONED));
  assert.deepEqual(index.mostMentioned(index.articlesByDate, all[3]![0]), [...all.slice(0, 3), ...all.slice(4, MOST_MENTIONED + 1)]);
});

test("an article's other coverage takes other languages first, in turn, up to a limit", () => {
  const extra = ['2024-12-08-d', '2024-12-09-e', '2024-12-10-f'].map((id) => article(id, 'hi', 's1', ['2024-12-06-e']));
  const index = buildArchiveIndex({ ...input, articles: [...input.articles, ...extra] });
  const self = index.articles.get('2024-12-06-a')!;
  assert.deepEqual(otherCoverage(self, index, 2).map((a) => a.id), ['2024-12-07-b', '2024-12-10-f']);
  assert.deepEqual(otherCoverage(self, index, 10).map((a) => a.id), ['2024-12-07-b', '2024-12-10-f', '2024-12-09-e', '2024-12-08-d']);
  assert.deepEqual(otherCoverage(index.articles.get('2024-01-29-c')!, index, 10), []);
});

test('the timeline runs oldest first, with neighbours', () => {
  const index = buildArchiveIndex(input);
  assert.deepEqual(index.timeline.map((e) => e.id), ['2024-01-29-f', '2024-12-06-e']);
  const { previous, next } = timelineNeighbours(index, '2024-12-06-e');
  assert.equal(previous?.id, '2024-01-29-f');
  assert.equal(next, undefined);
});

test('the coverage grid shows who covered an event in which language', () => {
  const grid = buildCoverageGrid(input.articles.slice(0, 2));
  assert.deepEqual(grid.languages, ['ar', 'hi']);
  assert.equal(grid.cell('hi', 's1').length, 1);
  assert.equal(grid.cell('hi', 's2').length, 0);
  assert.equal(grid.otherSources, 0);
});

test('the coverage grid shows the most active sources and counts the rest together', () => {
  const grid = buildCoverageGrid(input.articles, 1);
  assert.deepEqual(grid.sources, ['s2']);
  assert.equal(grid.otherSources, 1);
  assert.equal(grid.otherCell('hi'), 1);
  assert.equal(grid.otherCell('ar'), 0);
});

test('broken references are reported with the field and a fix', () => {
  assert.deepEqual(findBrokenReferences(input), []);
  const broken = findBrokenReferences({ ...input, sources: [source('s1')] });
  assert.equal(broken.length, 2);
  assert.equal(broken[0]!.field, 'source');
  assert.match(broken[0]!.fix, /content\/sources\/s2\.yaml/);
  assert.match(broken[0]!.fix, /^did you mean "s1"\?/, 'a slip in the id names the id meant');
  const unlike = findBrokenReferences({ ...input, sources: [source('a-publisher-unlike-it')] });
  assert.ok(unlike.length > 0 && unlike.every((p) => p.fix.startsWith('correct the id, or add content/sources/')), 'nothing near enough to suggest');
  assert.deepEqual(findBrokenReferences({ ...input, sources: [source('s1')], unreadable: { sources: new Set(['s2']) } }), [], 'a record whose file could not be read is not missing');
});

test('an article\'s topics must be in the vocabulary of topics', () => {
  const trade = TopicSchema.parse({ id: 'trade', names: { en: 'Trade', ar: 'التجارة', hi: 'व्यापार', ms: 'Perdagangan' }, description: 'x' });
  const tagged = { ...input, articles: [{ ...input.articles[0]!, topics: ['trade', 'trades'] }], topics: [trade] };
  assert.deepEqual(
    findBrokenReferences(tagged).map(({ field, message, fix }) => ({ field, message, fix })),
    [{ field: 'topics.1', message: 'refers to "trades", which is not in content/topics/', fix: 'did you mean "trade"? If not, add content/topics/trades.yaml' }],
  );
});
