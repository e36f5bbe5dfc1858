import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EntitySchema, EventSchema, SourceSchema, TopicSchema } from '../schema/index.ts';
import { distinctNames, entitySearchFields, eventSearchFields, filterLabels, namesLanguageFirst, sourceSearchFields } from './search-fields.ts';

const putin = EntitySchema.parse({ id: 'putin', kind: 'person', names: { en: ['Vladimir Putin', 'Putin'], hi: ['व्लादिमीर पुतिन', 'पुतिन'], ar: ['فلاديمير بوتين'] }, description: 'President of Russia.' });

test('an entity result carries its name in each interface language that has one, as the localized page shows it', () => {
  const fields = entitySearchFields(putin);
  assert.equal(fields.title, 'Vladimir Putin');
  assert.deepEqual(fields.meta, { type: 'entity', kind: 'person', title_in_hi: 'व्लादिमीर पुतिन', title_in_ar: 'فلاديمير بوتين' }, 'no Malay name is recorded, so none is claimed');
});

test('an event result carries its localized titles; a source its names', () => {
  const event = EventSchema.parse({
    id: '2024-01-29-e', title: 'Leaders meet', titles: { ar: 'لقاء', ms: 'Pemimpin bertemu' }, place: 'putin', participants: ['putin'], related: [], added: '2026-11-25',
    date: { value: '2024-01-29', precision: 'day', basis: 'stated', evidence: 'x' },
  });
  const trade = TopicSchema.parse({ id: 'trade', names: { en: 'Trade', ar: 'التجارة', hi: 'व्यापार', ms: 'Perdagangan' }, description: 'x' });
  const archive = { entities: new Map([[putin.id, putin]]), topics: new Map([[trade.id, trade]]), topicsByEvent: new Map([[event.id, [['trade', 2] as const]]]) };
  assert.deepEqual(eventSearchFields(event, archive).meta, { type: 'event', published: '2024-01-29', precision: 'day', title_in_ar: 'لقاء', title_in_ms: 'Pemimpin bertemu' });
  assert.deepEqual(eventSearchFields(event, archive).filters.topic, ['Trade'], 'an event is found by the topics of its coverage');
  // Its English names first, then the Malay ones, so that an excerpt around one keeps to one language.
  assert.deepEqual(eventSearchFields(event, archive).aliases, ['Leaders meet', 'Vladimir Putin', 'Trade', 'Pemimpin bertemu', 'Perdagangan']);
  const source = SourceSchema.parse({ id: 'fars', name: 'وكالة أنباء فارس', name_lang: 'ar', name_latin: 'Fars News Agency', names: { ar: 'وكالة أنباء فارس' }, home: null, country: null, languages: ['ar'], kind: 'news-agency', description: 'An agency.' });
  assert.deepEqual(sourceSearchFields(source).meta, { type: 'source', title_in_ar: 'وكالة أنباء فارس' });
});

test('a source named in English otherwise than in Latin letters is titled as its English page titles it', () => {
  const source = SourceSchema.parse({ id: 'rt', name: 'RT', name_lang: 'en', name_latin: 'Russia Today', names: { en: 'RT' }, home: null, country: null, languages: ['en'], kind: 'news-website', description: 'A channel.' });
  assert.equal(sourceSearchFields(source).title, 'RT');
  assert.deepEqual(sourceSearchFields(source).filters.source, ['Russia Today'], 'filters keep the Latin name, their stable key');
});

test('distinctNames drops a name whose words are a run of a longer name\'s, and repeats', () => {
  assert.deepEqual(distinctNames(['Vladimir Putin', 'Putin', 'Lukashenka', 'Putin']), ['Vladimir Putin', 'Lukashenka']);
  assert.deepEqual(distinctNames(['व्लादिमीर पुतिन', 'पुतिन', 'فلاديمير بوتين', 'بوتين']), ['व्लादिमीर पुतिन', 'فلاديمير بوتين']);
  // Only whole words: "Minsk" is no run of "Minskaya Oblast", nor "Union State" of "the Union of States".
  assert.deepEqual(distinctNames(['Minskaya Oblast', 'Minsk', 'the Union of States', 'Union State']), ['Minskaya Oblast', 'Minsk', 'the Union of States', 'Union State']);
  assert.deepEqual(distinctNames(['Union State of Russia and Belarus', 'Union State']), ['Union State of Russia and Belarus']);
});

test('a filter value is labelled in an interface language where its record has a name in it that differs', () => {
  const event = EventSchema.parse({
    id: '2024-01-29-e', title: 'Leaders meet', titles: { ar: 'لقاء' }, place: 'putin', participants: ['putin'], related: [], added: '2026-11-25',
    date: { value: '2024-01-29', precision: 'day', basis: 'stated', evidence: 'x' },
  });
  const fars = SourceSchema.parse({ id: 'fars', name: 'وكالة أنباء فارس', name_lang: 'ar', name_latin: 'Fars News Agency', names: { ar: 'وكالة أنباء فارس' }, home: null, country: null, languages: ['ar'], kind: 'news-agency', description: 'x' });
  const samePutin = EntitySchema.parse({ id: 'a-putin', kind: 'person', names: { en: ['Vladimir Putin'], ar: ['بوتين'], ms: ['Vladimir Putin'] }, description: 'x' });
  // Named in Hindi and Malay as in English: no label there.
  const trade = TopicSchema.parse({ id: 'trade', names: { en: 'Trade', ar: 'التجارة', hi: 'Trade', ms: 'Trade' }, description: 'x' });
  const archive = (entities: (typeof putin)[]) => ({
    events: new Map([[event.id, event]]), sources: new Map([[fars.id, fars]]), entities: new Map(entities.map((e) => [e.id, e])), topics: new Map([[trade.id, trade]]),
  });
  assert.deepEqual(filterLabels(archive([putin]), 'ar'), [
    ['entity', 'Vladimir Putin', 'فلاديمير بوتين'], ['event', 'Leaders meet', 'لقاء'], ['source', 'Fars News Agency', 'وكالة أنباء فارس'], ['topic', 'Trade', 'التجارة'],
  ]);
  assert.deepEqual(filterLabels(archive([putin]), 'hi'), [['entity', 'Vladimir Putin', 'व्लादिमीर पुतिन']], 'no Hindi title of the event, nor name of the source or topic');
  assert.deepEqual(filterLabels(archive([samePutin]), 'ms'), [], 'a Malay name that is the value itself is no label');
  // Two records with one English name share its filter value: the first by id labels it, whatever order they come in.
  assert.deepEqual(filterLabels(archive([putin, samePutin]), 'ar')[0], ['entity', 'Vladimir Putin', 'بوتين']);
  assert.deepEqual(filterLabels(archive([samePutin, putin]), 'ar')[0], ['entity', 'Vladimir Putin', 'بوتين']);
});

test('namesLanguageFirst puts every record\'s names in one language before the others, each group in the records\' order', () => {
  const records = [{ ms: 'Perdagangan', en: 'Trade' }, { en: ['Vladimir Putin', 'Putin'], ar: ['بوتين'], ms: ['Putin'] }, { ar: 'العقوبات' }];
  assert.deepEqual(namesLanguageFirst('en', records), ['Trade', 'Vladimir Putin', 'Putin', 'Perdagangan', 'بوتين', 'Putin', 'العقوبات']);
  assert.deepEqual(namesLanguageFirst('ms', records), ['Perdagangan', 'Putin', 'Trade', 'Vladimir Putin', 'Putin', 'بوتين', 'العقوبات']);
  assert.deepEqual(namesLanguageFirst('hi', []), []);
});
