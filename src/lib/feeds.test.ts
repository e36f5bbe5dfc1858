import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { ArticleSchema, EventSchema, SourceSchema, TopicSchema } from '../schema/index.ts';
import { buildArchiveIndex } from './archive-index.ts';
import { ARCHIVE_FEED_SIZE, archiveFeed, atomFeed, entryTitle, eventFeed, feedPaths, languageFeed, publishedInstant, topicFeed } from './feeds.ts';

const SITE = 'https://atlas.example';
const capture = { path: 'captures/x.txt', sha256: 'a'.repeat(64), origin: { url: null, retrieved: null, description: 'x' } };
const article = ({ id, ...rest }: Record<string, unknown> & { id: string }) =>
  ArticleSchema.parse({
    id, title: `Headline ${id}`, language: 'hi', source: 's1', events: ['2024-12-06-e'], entities: [], topics: ['union-state'],
    capture, editorial_notes: [], added: '2026-11-25',
    published: { value: id.slice(0, 10), precision: 'day', basis: 'stated', evidence: 'x' },
    ...rest,
  });
const source = (id: string, home: string | null) =>
  SourceSchema.parse({ id, name: `${id} name`, name_lang: 'en', name_latin: `${id} Latin`, names: {}, home, country: null, languages: ['en'], kind: 'news-website', description: 'x' });
const event = EventSchema.parse({
  id: '2024-12-06-e', title: 'Treaty & <signing>', titles: {}, place: 'minsk', participants: ['putin'], related: [], added: '2026-11-25',
  date: { value: '2024-12-06', precision: 'day', basis: 'stated', evidence: 'x' },
});

const articles = [
  article({ id: '2024-12-06-a', byline: 'A & B <staff>', modified: '2026-12-01' }),
  article({
    id: '2024-01-b', language: 'ms', source: 's2', title: null, title_missing: 'none printed', topics: ['union-state', 'trade'],
    title_en: { text: 'Leaders meet', by: 'machine', agent: 'x' },
    published: { value: '2024-01', precision: 'month', basis: 'inferred', evidence: 'x' },
  }),
  article({ id: '2025-c', language: 'ar', title: 'بوتين </title>', events: [], published: { value: '2025', precision: 'year', basis: 'inferred', evidence: 'x' }, added: '2026-11-20' }),
];
const unionState = TopicSchema.parse({ id: 'union-state', names: { en: 'Union State', ar: 'دولة الاتحاد', hi: 'संघ राज्य', ms: 'Negara Kesatuan' }, description: 'x' });
const trade = TopicSchema.parse({ id: 'trade', names: { en: 'Trade', ar: 'التجارة', hi: 'व्यापार', ms: 'Perdagangan' }, description: 'Trade & <tariffs>.' });
const index = buildArchiveIndex({ articles, events: [event], sources: [source('s1', null), source('s2', 'https://wire.example/?a=1&b=2')], entities: [], topics: [unionState, trade] });

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'category', 'link'].includes(name) });
type Node = Record<string, unknown> & { '#text'?: string };
const parse = (xml: string) => {
  assert.equal(SyntaxValidator.validate(xml, { invalidCharSequence: { tagValue: true, attrLt: true } }), true);
  return parser.parse(xml).feed as Node & { entry?: (Node & { category: Node[]; link: Node[] })[]; link: Node[] };
};
const text = (node: unknown) => (typeof node === 'object' && node !== null ? (node as Node)['#text'] : node);

describe('dates', () => {
  test('publication dates known to the month or year are padded to the first day', () => {
    assert.equal(publishedInstant({ value: '2024-12-06' }), '2024-12-06T00:00:00Z');
    assert.equal(publishedInstant({ value: '2024-01' }), '2024-01-01T00:00:00Z');
    assert.equal(publishedInstant({ value: '2025' }), '2025-01-01T00:00:00Z');
  });
});

describe('the whole-archive feed', () => {
  const feed = parse(archiveFeed(index, SITE));

  test('is a well-formed Atom feed that names itself and its page', () => {
    assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
    assert.equal(text(feed.id), `${SITE}/feed.xml`);
    assert.deepEqual(feed.link.map((l) => [l['@rel'], l['@href']]), [['self', `${SITE}/feed.xml`], ['alternate', `${SITE}/`]]);
  });

  test('lists the newest articles first, and is as recent as its most recent entry', () => {
    assert.deepEqual(feed.entry!.map((e) => text(e.id)), ['2025-c', '2024-12-06-a', '2024-01-b'].map((id) => `${SITE}/articles/${id}/`));
    assert.equal(feed.updated, '2026-12-01T00:00:00Z');
  });

  test('keeps at most the newest ARCHIVE_FEED_SIZE articles', () => {
    const many = Array.from({ length: ARCHIVE_FEED_SIZE + 5 }, (_, i) => article({ id: `2024-12-${String((i % 28) + 1).padStart(2, '0')}-x${i}` }));
    const big = parse(archiveFeed(buildArchiveIndex({ articles: many, events: [event], sources: [source('s1', null)], entities: [], topics: [unionState] }), SITE));
    assert.equal(big.entry!.length, ARCHIVE_FEED_SIZE);
    assert.equal(text(big.entry![0]!.id), `${SITE}/articles/2024-12-28-x27/`);
  });

  test('entries carry their language, dates, author, summary, precision and topics', () => {
    const [arabic, hindi, malay] = feed.entry!;
    assert.equal(arabic!['@xml:lang'], 'ar');
    assert.deepEqual(arabic!.title, { '#text': 'بوتين </title>', '@xml:lang': 'ar' });
    assert.equal(arabic!.published, '2025-01-01T00:00:00Z');
    assert.equal(arabic!.updated, '2026-11-20T00:00:00Z');
    assert.deepEqual(arabic!.category.map((c) => c['@term']), ['year', 'union-state']);
    assert.match(String(arabic!.category[0]!['@label']), /2025, known to the year/);
    // A topic is named in the entry's language.
    assert.deepEqual([arabic!.category[1]!['@label'], arabic!.category[1]!['@xml:lang']], ['دولة الاتحاد', 'ar']);
    assert.deepEqual([hindi!.category[1]!['@label'], hindi!.category[1]!['@xml:lang']], ['संघ राज्य', 'hi']);

    assert.equal(text((hindi!.author as Node).name), 'A & B <staff>');
    assert.equal(hindi!.updated, '2026-12-01T00:00:00Z');
    assert.equal(hindi!.summary, undefined);
    assert.deepEqual(hindi!.link.map((l) => [l['@rel'], l['@hreflang'], l['@href']]), [['alternate', 'hi', `${SITE}/articles/2024-12-06-a/`]]);

    assert.deepEqual(malay!.title, { '#text': 'Untitled: Leaders meet', '@xml:lang': 'en' });
    assert.deepEqual(malay!.summary, { '#text': 'Leaders meet', '@xml:lang': 'en' });
    assert.equal(malay!.published, '2024-01-01T00:00:00Z');
    assert.equal(malay!.category[0]!['@term'], 'month');
    assert.deepEqual(malay!.author, { name: 's2 Latin', uri: 'https://wire.example/?a=1&b=2', '@xml:lang': 'en' });
  });

  test('is the same for the same content: no date from the clock', () => {
    assert.equal(archiveFeed(index, SITE), archiveFeed(index, SITE));
  });
});

describe('language, event and topic feeds', () => {
  test('a language feed lists exactly that language', () => {
    const feed = parse(languageFeed(index, 'ms', SITE));
    assert.equal(text(feed.id), `${SITE}${feedPaths.language('ms')}`);
    assert.equal(feed.title, 'Coverage Atlas: articles in Malay');
    assert.deepEqual(feed.entry!.map((e) => text(e.id)), [`${SITE}/articles/2024-01-b/`]);
  });

  test('an event feed lists exactly its articles and escapes its title', () => {
    const xml = eventFeed(index, '2024-12-06-e', SITE);
    assert.match(xml, /Treaty &amp; &lt;signing&gt;/);
    const feed = parse(xml);
    assert.equal(feed.title, 'Coverage Atlas: Treaty & <signing>');
    assert.deepEqual(feed.entry!.map((e) => text(e.id)).sort(), [`${SITE}/articles/2024-01-b/`, `${SITE}/articles/2024-12-06-a/`]);
    assert.equal(feed.link[1]!['@href'], `${SITE}/events/2024-12-06-e/`);
  });

  test('a topic feed lists exactly the articles about it, newest first, titled by its English name and described by its description', () => {
    const feed = parse(topicFeed(index, 'trade', SITE));
    assert.equal(feed.title, 'Coverage Atlas: Trade');
    assert.equal(feed.subtitle, 'Trade & <tariffs>.');
    assert.deepEqual(feed.entry!.map((e) => text(e.id)), [`${SITE}/articles/2024-01-b/`]);
    assert.equal(feed.link[1]!['@href'], `${SITE}/topics/trade/`);
    assert.deepEqual(parse(topicFeed(index, 'union-state', SITE)).entry!.map((e) => text(e.id)), ['2025-c', '2024-12-06-a', '2024-01-b'].map((id) => `${SITE}/articles/${id}/`));
    assert.throws(() => topicFeed(index, 'elections', SITE), /No topic "elections"/);
  });

  test('an empty feed is still valid, with a fixed updated', () => {
    const feed = parse(atomFeed({ title: 'Empty', path: '/x.xml', pagePath: '/' }, [], index, SITE));
    assert.equal(feed.updated, '1970-01-01T00:00:00Z');
    assert.equal(feed.entry, undefined);
  });
});

test('an untitled article without an English rendering is "Untitled" in English', () => {
  assert.deepEqual(entryTitle({ title: null, title_en: undefined, language: 'ms' }), { text: 'Untitled', lang: 'en' });
});
