import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageList, languageName, likelyScript, textDirection } from './languages.ts';

test('direction comes from the language', () => {
  assert.equal(textDirection('ar'), 'rtl');
  assert.equal(textDirection('fa'), 'rtl');
  assert.equal(textDirection('hi'), 'ltr');
  assert.equal(textDirection('ms'), 'ltr');
});

test('language names in each interface language', () => {
  assert.equal(languageName('hi', 'en'), 'Hindi');
  assert.equal(languageName('ar', 'ar'), 'العربية');
  assert.equal(languageName('hi', 'hi'), 'हिन्दी');
});

test('lists of languages are written as each interface language writes a list', () => {
  assert.equal(languageList(['hi', 'ar'], 'en'), 'Hindi and Arabic');
  assert.equal(languageList(['hi', 'ar', 'en'], 'ar'), 'الهندية والعربية والإنجليزية', 'Arabic joins with و, never a Latin comma');
  assert.equal(languageList(['ar', 'hi', 'en'], 'ms'), 'Arab, Hindi dan Inggeris');
  assert.equal(languageList(['ms'], 'hi'), 'मलय');
  assert.equal(languageList([], 'en'), '');
});

test('likely scripts', () => {
  assert.equal(likelyScript('hi'), 'Deva');
  assert.equal(likelyScript('ar'), 'Arab');
  assert.equal(likelyScript('ms'), 'Latn');
});
