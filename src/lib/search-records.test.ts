import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ArticleSchema, EntitySchema, EventSchema, SourceSchema, TopicSchema } from '../schema/index.ts';
import { buildArchiveIndex } from './archive-index.ts';
import { documentationRecords, latinWords, searchRecords } from './search-records.ts';

const article = ArticleSchema.parse({
  id: '2024-01-29-x', title: 'पुतिन और लुकाशेंको', language: 'hi', source: 'statecraft', events: ['2024-01-29-e'], entities: ['putin'],
  topics: ['union-state'], editorial_notes: [], added: '2026-11-25',
  capture: { path: 'captures/001.txt', sha256: 'b'.repeat(64), origin: { url: null, retrieved: null, description: 'x' } },
  published: { value: '2024-01-29', precision: 'day', basis: 'stated', evidence: 'x' },
});
const archive = buildArchiveIndex({
  articles: [article],
  events: [EventSchema.parse({
    id: '2024-01-29-e', title: 'Leaders meet', titles: { ar: 'لقاء' }, place: 'putin', participants: ['putin'], related: [], added: '2026-11-25',
    date: { value: '2024-01-29', precision: 'day', basis: 'stated', evidence: 'x' },
  })],
  sources: [SourceSchema.parse({ id: 'statecraft', name: 'Statecraft', name_lang: 'en', name_latin: 'Statecraft', names: {}, home: null, country: null, languages: ['hi'], kind: 'news-website', description: 'A site.' })],
  entities: [EntitySchema.parse({ id: 'putin', kind: 'person', names: { en: ['Vladimir Putin'], hi: ['पुतिन'], ar: ['بوتين'] }, description: 'President of Russia.' })],
  topics: [TopicSchema.parse({ id: 'union-state', names: { en: 'Union State', ar: 'دولة الاتحاد', hi: 'संघ राज्य', ms: 'Negara Kesatuan' }, description: 'x' })],
});
const text = (collection: string, id: string) => `${collection}/${id} text`;

test('an article is indexed in its language with its title, text and names in its own script', () => {
  const [record] = [...searchRecords(archive, text, (bundle) => bundle === 'hi')];
  assert.equal(record!.url, '/articles/2024-01-29-x/');
  assert.equal(record!.content, 'पुतिन और लुकाशेंको\narticles/2024-01-29-x text', 'its same-script name पुतिन is in its title already');
  assert.doesNotMatch(record!.content, /Vladimir Putin/, 'Latin names go to the English bundle');
  assert.doesNotMatch(record!.content, /بوتين/, 'Arabic names go to the Arabic bundle');
  assert.deepEqual(record!.meta, { type: 'article', language: 'hi', source: 'Statecraft', published: '2024-01-29', precision: 'day', title: 'पुतिन और लुकाशेंको' });
  assert.deepEqual(record!.filters.entity, ['Vladimir Putin']);
  assert.deepEqual(record!.filters.topic, ['Union State'], 'a topic by its English name, as entities are: the same in every bundle');
  assert.deepEqual(record!.sort, { date: '2024-01-29' });
});

test('names in another script go to that script\'s bundle, pointing at the same page', () => {
  const names = [...searchRecords(archive, text, (bundle) => bundle === 'ar')];
  const forArticle = names.find((r) => r.url === '/articles/2024-01-29-x/')!;
  assert.equal(forArticle.content, 'بوتين · لقاء');
  assert.equal(forArticle.meta.title, 'पुतिन और लुकाशेंको');
  assert.equal(forArticle.meta.excerpt_language, 'ar');
});

test('a page in another script has its English title, Latin names and Latin words in the English bundle', () => {
  const withCaption = { ...article, title_en: { text: 'Putin and Lukashenko', by: 'editor' as const, agent: 'An editor' }, id: '2024-01-29-y' };
  const index = buildArchiveIndex({ articles: [withCaption], events: [...archive.events.values()], sources: [...archive.sources.values()], entities: [...archive.entities.values()], topics: [...archive.topics.values()] });
  const body = (collection: string, id: string) => (collection === 'articles' ? 'पुतिन ने कहा। IMAGE SOURCE: KREMLIN, Statecraft' : `${collection}/${id}`);
  const latin = [...searchRecords(index, body, (bundle) => bundle === 'en')].find((r) => r.url === '/articles/2024-01-29-y/')!;
  assert.equal(latin.content, 'Putin and Lukashenko · Vladimir Putin · Leaders meet\nIMAGE SOURCE KREMLIN Statecraft', 'the source\'s name is in its Latin words');
  assert.equal(latin.meta.title, 'पुतिन और लुकाशेंको');
  assert.equal(latin.meta.language, 'hi');
  assert.equal(latin.meta.excerpt_language, 'en', 'its excerpt is English, not Hindi');
  const [own] = [...searchRecords(index, body, (bundle) => bundle === 'hi')];
  assert.doesNotMatch(own!.content, /Putin and Lukashenko/);
});

test('a page\'s names are indexed after its text, less those its text holds as whole words', () => {
  const body = (collection: string) => (collection === 'articles' ? 'लुकाशेंको ने कहा कि पुतिनजी आए।' : '');
  const untitled = { ...article, id: '2024-01-29-z', title: 'बैठक' };
  const index = buildArchiveIndex({ articles: [untitled], events: [...archive.events.values()], sources: [...archive.sources.values()], entities: [...archive.entities.values()], topics: [...archive.topics.values()] });
  const [record] = [...searchRecords(index, body, (bundle) => bundle === 'hi')];
  assert.equal(record!.content, 'बैठक\nलुकाशेंको ने कहा कि पुतिनजी आए।\nपुतिन', 'पुतिनजी is another word');
  const described = EntitySchema.parse({ id: 'putin', kind: 'person', names: { en: ['Vladimir Putin', 'Putin V. V.'] }, description: 'Vladimir Putin is the President of Russia.' });
  const entityRecord = [...searchRecords(buildArchiveIndex({ articles: [], events: [], sources: [], entities: [described], topics: [] }), body)][0]!;
  assert.equal(entityRecord.content, 'Vladimir Putin is the President of Russia.\nPutin V. V.');
});

test('latinWords keeps the Latin-script words of a text and nothing else', () => {
  assert.equal(latinWords('पुतिन (Reuters) ने NATO और St. Petersburg में'), 'Reuters NATO St. Petersburg');
  assert.equal(latinWords('روسيا وبيلاروس'), '');
});

test('events, entities, sources and topics are indexed in English with their text; a body is read only for a wanted bundle', () => {
  const asked: string[] = [];
  const records = [...searchRecords(archive, (collection, id) => (asked.push(`${collection}/${id}`), 'summary'), (bundle) => bundle === 'en')];
  assert.deepEqual(records.map((r) => [r.url, r.meta.type]), [
    ['/articles/2024-01-29-x/', 'article'], ['/events/2024-01-29-e/', 'event'], ['/entities/putin/', 'entity'], ['/sources/statecraft/', 'source'], ['/topics/union-state/', 'topic'],
  ]);
  assert.deepEqual(asked, ['articles/2024-01-29-x', 'events/2024-01-29-e']);
  assert.match(records[2]!.content, /^President of Russia\.\nVladimir Putin/);
});

test('pages refused by URL make no records and read no text', () => {
  const read: string[] = [];
  const reading = (collection: string, id: string) => (read.push(`${collection}/${id}`), 'text');
  const records = [...searchRecords(archive, reading, () => true, (url) => url !== '/articles/2024-01-29-x/')];
  assert.ok(records.length > 0);
  assert.ok(records.every((r) => r.url !== '/articles/2024-01-29-x/'));
  assert.ok(!read.includes('articles/2024-01-29-x'));
});

test('a documentation page is indexed in the English bundle with its title and text', () => {
  const page = { url: '/docs/citing/', title: 'Citing', text: 'How to cite an article.' };
  assert.deepEqual([...documentationRecords([page], (bundle) => bundle === 'hi')], []);
  const [record] = [...documentationRecords([page])];
  assert.deepEqual(record, {
    bundle: 'en', url: '/docs/citing/', content: 'Citing\nHow to cite an article.', meta: { type: 'documentation', title: 'Citing' }, filters: { type: ['documentation'] }, sort: {},
  });
});

test('a topic is found by its name in every script, each bundle pointing at its one page; a topic without articles is not indexed', () => {
  const records = [...searchRecords(archive, () => 'text')].filter((r) => r.meta.type === 'topic' || r.url.startsWith('/topics/'));
  assert.deepEqual(records.map((r) => r.bundle).sort(), ['ar', 'en', 'hi']);
  assert.ok(records.every((r) => r.url === '/topics/union-state/'));
  assert.match(records.find((r) => r.bundle === 'ar')!.content, /دولة الاتحاد/);
  assert.deepEqual(records.find((r) => r.bundle === 'en')!.meta, { type: 'topic', title: 'Union State', title_in_ar: 'دولة الاتحاد', title_in_hi: 'संघ राज्य', title_in_ms: 'Negara Kesatuan' });
  const unused = buildArchiveIndex({ ...archive, articles: [], events: [...archive.events.values()], sources: [...archive.sources.values()], entities: [...archive.entities.values()], topics: [...archive.topics.values()] });
  assert.deepEqual([...searchRecords(unused, () => 'text')].filter((r) => r.url.startsWith('/topics/')), []);
});
