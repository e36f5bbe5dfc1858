import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localeKeys, locales } from '../i18n/locales.ts';
import { formatNumber } from './numbers.ts';

test('a number is written as each interface language writes it, as toLocaleString would', () => {
  for (const locale of localeKeys) {
    const lang = locales[locale].lang;
    for (const value of [0, 7, 1234, 1234567]) assert.equal(formatNumber(value, lang), value.toLocaleString(lang), `${lang} ${value}`);
  }
  assert.equal(formatNumber(1234, 'en'), '1,234');
});
