import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTranslator } from '../i18n/ui/index.ts';
import { describeDateCertainty, formatPreciseDate } from './dates.ts';

describe('formatPreciseDate', () => {
  const cases: [string, 'day' | 'month' | 'year', string, string][] = [
    ['2024-12-06', 'day', 'en', 'December 6, 2024'],
    ['2024-01', 'month', 'en', 'January 2024'],
    ['2025', 'year', 'en', '2025'],
    ['2024-12-06', 'day', 'ar', '6 ديسمبر 2024'],
    ['2024-01', 'month', 'hi', 'जनवरी 2024'],
    ['2021-12-29', 'day', 'ms', '29 Disember 2021'],
  ];
  for (const [value, precision, lang, expected] of cases) {
    test(`${value} (${precision}) in ${lang} reads "${expected}"`, () => {
      assert.equal(formatPreciseDate({ value, precision }, lang).replace(/\u200f/g, ''), expected);
    });
  }
  test('never shows a day that is not known', () => {
    assert.doesNotMatch(formatPreciseDate({ value: '2024-01', precision: 'month' }, 'en'), /\b1\b/);
  });
});

describe('describeDateCertainty', () => {
  const t = createTranslator('en');
  test('is empty for a stated day', () => {
    assert.equal(describeDateCertainty({ precision: 'day', basis: 'stated' }, t), '');
  });
  test('names an unknown day and an inference', () => {
    assert.equal(describeDateCertainty({ precision: 'month', basis: 'inferred' }, t), 'day unknown; inferred');
    assert.equal(describeDateCertainty({ precision: 'year', basis: 'stated' }, t), 'month and day unknown');
    assert.equal(describeDateCertainty({ precision: 'day', basis: 'inferred' }, t), 'inferred');
  });
  test('joins the two as the language punctuates', () => {
    assert.equal(describeDateCertainty({ precision: 'year', basis: 'inferred' }, createTranslator('ar')), 'الشهر واليوم غير معروفين؛ مُستنتَج');
  });
});
