import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leadOf } from './lead.ts';

test('a short text is the lead, whole, on one line: a dateline alone on its line does not make the lead', () => {
  assert.equal(leadOf('  MINSK, 6 December\n\nPutin arrived in Minsk.\n\nHe met Lukashenko.\n', 'en'), 'MINSK, 6 December Putin arrived in Minsk. He met Lukashenko.');
});

test('a long paragraph gives its whole sentences that fit, in every script', () => {
  assert.equal(leadOf('Putin arrived. He met Lukashenko in Minsk.', 'en', 20), 'Putin arrived.');
  assert.equal(leadOf('रूस और बेलारूस ने समझौता किया। दोनों देशों के नेताओं ने मिन्स्क में हस्ताक्षर किए।', 'hi', 40), 'रूस और बेलारूस ने समझौता किया।');
  assert.equal(leadOf('هل تتغير العلاقات؟ وقّع الرئيسان اتفاقية أمنية في مينسك اليوم.', 'ar', 30), 'هل تتغير العلاقات؟');
});

test('a first sentence longer than the lead is cut after a whole word, with an ellipsis', () => {
  const lead = leadOf('Vladimir Putin and Alexander Lukashenko signed a treaty on security guarantees.', 'en', 40);
  assert.equal(lead, 'Vladimir Putin and Alexander Lukashenko…');
  assert.ok(lead.length <= 40);
  assert.equal(leadOf('बेलारूस के राष्ट्रपति अलेक्जेंडर लुकाशेंको ने कहा', 'hi', 25), 'बेलारूस के राष्ट्रपति…');
});

test('an empty text has an empty lead', () => {
  assert.equal(leadOf('', 'en'), '');
});
