import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EntitySchema, TopicSchema } from '../schema/index.ts';
import { createTranslator } from '../i18n/ui/index.ts';
import { entitiesInListOrder, entityName, sourceNames, sourceSummary, topicName } from './names.ts';

const entity = (id: string, kind: string, names: Record<string, string[]>) => EntitySchema.parse({ id, kind, names, description: 'x' });
const minsk = entity('minsk', 'place', { en: ['Minsk'], hi: ['मिन्स्क'], ar: ['مينسك'] });
const putin = entity('vladimir-putin', 'person', { en: ['Vladimir Putin'], hi: ['व्लादिमीर पुतिन'], ar: ['فلاديمير بوتين'] });
const lukashenko = entity('alexander-lukashenko', 'person', { en: ['Alexander Lukashenko'], ar: ['ألكسندر لوكاشينكو'] });
const nato = entity('nato', 'organisation', { en: ['NATO'] });

test('an entity is named in the interface language where recorded, in English otherwise', () => {
  assert.deepEqual(entityName(putin, 'hi'), { text: 'व्लादिमीर पुतिन', lang: 'hi', dir: 'ltr' });
  assert.deepEqual(entityName(lukashenko, 'hi'), { text: 'Alexander Lukashenko', lang: 'en', dir: 'ltr' });
});

test('a topic is named in the language asked for where recorded, in English otherwise', () => {
  const trade = TopicSchema.parse({ id: 'trade', names: { en: 'Trade', ar: 'التجارة', hi: 'व्यापार', ms: 'Perdagangan' }, description: 'x' });
  assert.deepEqual(topicName(trade, 'ar'), { text: 'التجارة', lang: 'ar', dir: 'rtl' });
  assert.deepEqual(topicName(trade, 'fa'), { text: 'Trade', lang: 'en', dir: 'ltr' }, 'a language the interface does not speak');
});

test('the list of entities: people, places, organisations, each by name in the interface language', () => {
  const ids = (lang: string) => entitiesInListOrder([nato, minsk, putin, lukashenko], lang).map((e) => e.id);
  assert.deepEqual(ids('en'), ['alexander-lukashenko', 'vladimir-putin', 'minsk', 'nato']);
  // Arabic sorts أ (alef with hamza) before ف.
  assert.deepEqual(ids('ar'), ['alexander-lukashenko', 'vladimir-putin', 'minsk', 'nato']);
  // In Hindi, Putin has a Devanagari name and Lukashenko only an English one: CLDR puts the language's own script first.
  assert.deepEqual(ids('hi'), ['vladimir-putin', 'alexander-lukashenko', 'minsk', 'nato']);
});

test('a source\'s names are each shown once, in their own language and direction', () => {
  const euronews = { name: 'Euronews', name_lang: 'en', name_latin: 'Euronews', names: { ar: 'يورونيوز', ms: 'Euronews' } };
  assert.deepEqual(sourceNames(euronews), [{ text: 'Euronews', lang: 'en', dir: 'ltr' }, { text: 'يورونيوز', lang: 'ar', dir: 'rtl' }]);
  const fars = { name: 'خبرگزاری فارس', name_lang: 'fa', name_latin: 'Fars News Agency', names: { ar: 'وكالة أنباء فارس' } };
  assert.deepEqual(sourceNames(fars).map((n) => `${n.lang}:${n.dir}`), ['fa:rtl', 'en:ltr', 'ar:rtl']);
});

test('a source is summed up by its kind, its country when known, and its articles', () => {
  const t = createTranslator('en');
  assert.equal(sourceSummary({ kind: 'broadcaster', country: 'RU' }, 1, t, 'en'), 'Broadcaster · Russia · Articles: 1');
  assert.equal(sourceSummary({ kind: 'broadcaster', country: null }, 2, t, 'en'), 'Broadcaster · Articles: 2');
});
