import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localeKeys } from '../locales.ts';
import { en } from './en.ts';
import { articleCount, createTranslator, dictionaries, findMissingKeys, translateAround } from './index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const locale of localeKeys) {
  test(`${locale}: every key is translated, with the same placeholders`, () => {
    const dictionary: Record<string, string> = dictionaries[locale];
    assert.deepEqual(findMissingKeys(dictionary), []);
    assert.deepEqual(Object.keys(dictionary).sort(), Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) assert.deepEqual(placeholders(dictionary[key]!), placeholders(text), key);
  });
}

test('the translator fills placeholders and refuses unknown keys', () => {
  const t = createTranslator('en');
  assert.equal(t('article.captureLines', { from: 1, to: 9 }), 'lines 1–9');
  assert.throws(() => t('article.captureLines'), /needs a value for \{from\}/);
  assert.throws(() => t('no.such.key' as never), /missing for locale "en"/);
});

test('findMissingKeys finds blank and absent strings', () => {
  assert.deepEqual(findMissingKeys({ ...en, 'nav.home': ' ' }), ['nav.home']);
});

test('translateAround cuts a string at its placeholder, in the language\'s own order', () => {
  assert.deepEqual(translateAround(createTranslator('en'), 'article.allCoverage', 'event', { count: 2 }), ['All 2 articles on “', '”']);
  assert.deepEqual(translateAround(createTranslator('hi'), 'article.allCoverage', 'event', { count: 2 }), ['“', '” पर सभी 2 लेख']);
  assert.deepEqual(translateAround(createTranslator('en'), 'article.titleBy.editor', 'agent'), ['translated by ', '']);
});

test('an article count is said in the interface\'s words and digits', () => {
  assert.equal(articleCount(createTranslator('en'), 1234, 'en'), 'Articles: 1,234');
  assert.equal(articleCount(createTranslator('ar'), 3, 'ar'), `${createTranslator('ar')('list.count')}: ${(3).toLocaleString('ar')}`);
});
