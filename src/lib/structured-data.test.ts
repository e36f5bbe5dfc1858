import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { ArticleSchema, EntitySchema, EventSchema, SourceSchema, TopicSchema } from '../schema/index.ts';
import { buildArchiveIndex } from './archive-index.ts';
import { bylineAuthor, eventThing, firstSentences, newsArticle, serializeJsonLd, type JsonLd } from './structured-data.ts';

const SITE = 'https://atlas.example';
const SHA = 'b'.repeat(64);
const HOSTILE = '</script><script>alert(1)</script>';
const article = (fields: Record<string, unknown>) =>
  ArticleSchema.parse({
    id: '2024-01-x', title: 'रूस और बेलारूस', language: 'hi', source: 'statecraft', events: ['2024-01-29-e'], entities: ['putin', 'minsk'],
    topics: ['union-state'], editorial_notes: [], added: '2026-11-25',
    capture: { path: 'captures/001.txt', sha256: SHA, origin: { url: null, retrieved: null, description: 'x' } },
    published: { value: '2024-01', precision: 'month', basis: 'inferred', evidence: 'x' },
    ...fields,
  });
const source = SourceSchema.parse({
  id: 'statecraft', name: 'स्टेटक्राफ्ट', name_lang: 'hi', name_latin: 'Statecraft', names: {}, home: 'https://statecraft.example/',
  country: null, languages: ['hi'], kind: 'news-website', description: 'x',
});
const event = EventSchema.parse({
  id: '2024-01-29-e', title: 'Leaders meet', titles: { ar: 'لقاء' }, place: 'minsk', participants: ['putin'], related: [], added: '2026-11-25',
  date: { value: '2024-01-29', precision: 'day', basis: 'stated', evidence: 'x' },
});
const entities = [
  EntitySchema.parse({ id: 'putin', kind: 'person', names: { en: ['Vladimir Putin'] }, wikidata: 'Q7747', description: 'x' }),
  EntitySchema.parse({ id: 'minsk', kind: 'place', names: { en: ['Minsk'] }, description: 'x' }),
];
const indexFor = (...articles: ReturnType<typeof article>[]) => buildArchiveIndex({ articles, events: [event], sources: [source], entities, topics: [TopicSchema.parse({ id: 'union-state', names: { en: 'Union State', ar: 'دولة الاتحاد', hi: 'संघ राज्य', ms: 'Negara Kesatuan' }, description: 'x' })] });

/** Embeds JSON as a page would, then reads the page the way a browser or crawler does. */
function embed(json: string) {
  const page = fromHtml(`<!doctype html><head><script type="application/ld+json">${json}</script></head><body><p>after</p></body>`);
  return { scripts: selectAll('script', page), body: toText(select('body', page)!) };
}

/** Embeds JSON-LD and reads it back, asserting that the script element held all of it. */
function roundTrip(data: JsonLd): unknown {
  const { scripts, body } = embed(serializeJsonLd(data));
  assert.equal(scripts.length, 1);
  assert.equal(body, 'after', 'the script element must not end early');
  return JSON.parse(toText(scripts[0]!));
}

describe('serializeJsonLd', () => {
  test('a hostile title can never close the script element', () => {
    const json = serializeJsonLd({ headline: HOSTILE, other: '<!-- & -->', sep: '\u2028\u2029' });
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.match(json, /\\u003c\/script\\u003e\\u003cscript\\u003ealert\(1\)\\u003c\/script\\u003e/);
    assert.deepEqual(JSON.parse(json), { headline: HOSTILE, other: '<!-- & -->', sep: '\u2028\u2029' });
  });

  test('a hostile article headline survives embedding in HTML unchanged, as data', () => {
    const data = newsArticle(article({ title: HOSTILE }), indexFor(), SITE);
    assert.equal(embed(JSON.stringify(data)).scripts.length, 2, 'plain JSON.stringify would let the title inject a script');
    assert.deepEqual(roundTrip(data), JSON.parse(JSON.stringify(data)));
    assert.equal((roundTrip(data) as { headline: string }).headline, HOSTILE);
  });
});

describe('newsArticle', () => {
  test('describes the article, its publisher, events, entities and capture', () => {
    const data = newsArticle(article({ byline: 'Statecraft Staff', title_en: { text: 'Russia and Belarus', by: 'machine', agent: 'x' } }), indexFor(), SITE);
    assert.deepEqual(data, {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      '@id': `${SITE}/articles/2024-01-x/#article`,
      url: `${SITE}/articles/2024-01-x/`,
      mainEntityOfPage: `${SITE}/articles/2024-01-x/`,
      headline: 'रूस और बेलारूस',
      alternativeHeadline: 'Russia and Belarus',
      inLanguage: 'hi',
      datePublished: '2024-01',
      publisher: { '@type': 'Organization', name: 'Statecraft', alternateName: 'स्टेटक्राफ्ट', url: 'https://statecraft.example/' },
      author: { '@type': 'Organization', name: 'Statecraft Staff' },
      about: [{ '@type': 'Event', '@id': `${SITE}/events/2024-01-29-e/#event`, name: 'Leaders meet', startDate: '2024-01-29', url: `${SITE}/events/2024-01-29-e/` }],
      mentions: [
        { '@type': 'Person', '@id': `${SITE}/entities/putin/#entity`, name: 'Vladimir Putin', url: `${SITE}/entities/putin/`, sameAs: 'https://www.wikidata.org/wiki/Q7747' },
        { '@type': 'Place', '@id': `${SITE}/entities/minsk/#entity`, name: 'Minsk', url: `${SITE}/entities/minsk/` },
      ],
      keywords: ['Union State'],
      isBasedOn: {
        '@type': 'MediaObject',
        url: `${SITE}/captures/001.txt`,
        encodingFormat: 'text/plain',
        identifier: { '@type': 'PropertyValue', propertyID: 'sha256', value: SHA },
      },
      isAccessibleForFree: true,
    });
  });

  test('an untitled article is headlined by its English rendering, else "Untitled"; no byline, no author', () => {
    const untitled = { title: null, title_missing: 'none printed' };
    const rendered = newsArticle(article({ ...untitled, title_en: { text: 'Leaders meet', by: 'editor', agent: 'x' } }), indexFor(), SITE);
    assert.equal(rendered.headline, 'Leaders meet');
    assert.equal(rendered.alternativeHeadline, undefined);
    assert.equal(rendered.author, undefined);
    assert.equal(newsArticle(article(untitled), indexFor(), SITE).headline, 'Untitled');
  });

  test('a byline that does not name the publisher is a Person', () => {
    assert.deepEqual(bylineAuthor('Ravi Kumar', source), { '@type': 'Person', name: 'Ravi Kumar' });
    assert.equal(bylineAuthor('स्टेटक्राफ्ट डेस्क', source)['@type'], 'Organization');
  });
});

describe('eventThing', () => {
  test('describes the event, where and who, with the articles about it', () => {
    const a = article({});
    const data = eventThing(event, { path: '/ar/events/2024-01-29-e/', name: 'لقاء', summaryHtml: `<p>First sentence. Second &amp; <em>last</em>.</p>\n<p>${'Long. '.repeat(80)}</p>`, articles: [a] }, indexFor(a), SITE);
    assert.equal(data['@type'], 'Event');
    assert.equal(data['@id'], `${SITE}/events/2024-01-29-e/#event`);
    assert.equal(data.url, `${SITE}/ar/events/2024-01-29-e/`);
    assert.equal(data.name, 'لقاء');
    assert.equal(data.alternateName, 'Leaders meet');
    assert.equal(data.startDate, '2024-01-29');
    assert.ok(String(data.description).startsWith('First sentence. Second & last. Long.'));
    assert.ok(String(data.description).length <= 300);
    assert.deepEqual(data.location, { '@type': 'Place', '@id': `${SITE}/entities/minsk/#entity`, name: 'Minsk', url: `${SITE}/entities/minsk/` });
    assert.deepEqual((data.attendee as JsonLd[]).map((p) => p.sameAs), ['https://www.wikidata.org/wiki/Q7747']);
    assert.deepEqual(data.subjectOf, [{ '@type': 'NewsArticle', url: `${SITE}/articles/2024-01-x/`, inLanguage: 'hi' }]);
    assert.deepEqual(data.keywords, ['Union State'], 'the topics of its coverage, by their English names');
  });

  test('without a summary, the English title describes it', () => {
    const data = eventThing(event, { path: '/events/2024-01-29-e/', name: 'Leaders meet', summaryHtml: '', articles: [] }, indexFor(), SITE);
    assert.equal(data.description, 'Leaders meet');
    assert.equal(data.alternateName, undefined);
    assert.equal(data.keywords, undefined, 'no coverage, no topics');
  });
});

test('firstSentences keeps whole sentences within the limit, and always at least one', () => {
  assert.equal(firstSentences('One. Two. Three.', 10), 'One. Two.');
  assert.equal(firstSentences('  A very long first sentence.  Next. ', 5), 'A very long first sentence.');
  assert.equal(firstSentences('Line\nbreaks   collapse.'), 'Line breaks collapse.');
});
