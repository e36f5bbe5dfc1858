import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asciiDigits, findDates, findWeekdays } from './dates.ts';

// Text from the seed captures, and forms the press uses.
const cases: [string, string, string, string][] = [
  ['hi', 'दिसम्बर 30, 2021', '2021-12-30', 'day'],
  ['hi', 'क्रेमलिन के प्रवक्ता दिमित्री पेसकोव ने आज (06.12.2024) घोषणा की', '2024-12-06', 'day'],
  ['hi', 'अगस्त 2020 में विवादित राष्ट्रपति चुनावों के बाद', '2020-08', 'month'],
  ['hi', '६ दिसंबर २०२४ को', '2024-12-06', 'day'],
  ['ar', 'تاريخ النشر: 6th, December 2024 GMT', '2024-12-06', 'day'],
  ['ar', 'بعد توقيعها في يناير 2025', '2025-01', 'month'],
  ['ar', 'في ٦ ديسمبر ٢٠٢٤', '2024-12-06', 'day'],
  ['ar', 'في 6 كانون الأول 2024', '2024-12-06', 'day'],
  ['ms', 'pada Februari 2022', '2022-02', 'month'],
  ['ms', 'Isnin, 29 Januari 2024', '2024-01-29', 'day'],
  ['en', 'Published December 6, 2024', '2024-12-06', 'day'],
];
for (const [lang, text, value, precision] of cases) {
  test(`${lang}: "${text}" → ${value} (${precision})`, () => {
    const [first] = findDates(text, lang);
    assert.equal(first?.value, value);
    assert.equal(first?.precision, precision);
    assert.ok(text.includes(first!.evidence));
  });
}

test('impossible dates and bare numbers are not dates', () => {
  assert.deepEqual(findDates('36 प्रतिशत की वृद्धि, 200,000 सैनिकों', 'hi'), []);
  assert.deepEqual(findDates('31.02.2024', 'en'), []);
});

test('weekday names in the language of the text', () => {
  assert.deepEqual(findWeekdays('Pemimpin Rusia dan Belarus bertemu Isnin untuk', 'ms'), ['Isnin']);
  assert.deepEqual(findWeekdays('التقى زعيما روسيا وبيلاروسيا يوم الاثنين', 'ar'), ['الاثنين']);
  assert.deepEqual(findWeekdays('बुधवार को, रूसी राष्ट्रपति', 'hi'), ['बुधवार']);
});

test('Devanagari and Arabic-Indic digits become ASCII', () => {
  assert.equal(asciiDigits('२०२४ / ٢٠٢٤ / ۲۰۲۴'), '2024 / 2024 / 2024');
});
