import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from './language.ts';

// Opening sentences of the seed captures.
const samples: [string, string][] = [
  ['hi', 'यूक्रेन में बढ़ते तनाव और युद्ध की पृष्ठभूमि के खिलाफ रूस और यह बेलोरूस एक रक्षा समझौते पर हस्ताक्षर करके अपने द्विपक्षीय सैन्य संबंधों को और मजबूत करने का निर्णय लिया।'],
  ['ar', 'وقع رئيسا روسيا وبيلاروس، فلاديمير بوتين وألكسندر لوكاشينكو، يوم الجمعة في مينسك معاهدة أمنية جديدة تهدف إلى تعزيز الضمانات الدفاعية بين البلدين.'],
  ['ms', 'Presiden Belarus Alexander Lukashenko bergantung kepada sokongan kewangan dan politik untuk memerintah bekas negara Soviet dengan tangan besi selama hampir tiga dekad.'],
  ['en', 'Russian President Vladimir Putin and Belarusian President Alexander Lukashenko met in Saint Petersburg to discuss expanding the close alliance between the two countries.'],
];
for (const [expected, text] of samples) {
  test(`detects ${expected}`, () => {
    assert.equal(detectLanguage(text, ['hi', 'ar', 'ms']), expected);
  });
}

test('a close call between Malay and Indonesian goes to the language the archive holds', () => {
  const text = 'Presiden Rusia Vladimir Putin dan Presiden Belarus Alexander Lukashenko menandatangani perjanjian jaminan keselamatan bersama di Minsk pada hari Jumaat.';
  assert.equal(detectLanguage(text, ['ms']), 'ms');
});

test('a close call goes to the first preferred language among the close ones', () => {
  // franc scores this short English text as Scots first, English a hair behind.
  const text = 'Hello world\n\nThis is a short English report about nothing in particular.';
  assert.equal(detectLanguage(text), 'sco');
  assert.equal(detectLanguage(text, ['hi', 'ar', 'ms', 'en']), 'en');
});

test('too little text gives no answer', () => {
  assert.equal(detectLanguage('Putin'), undefined);
});
