import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containsWords, countWords } from './words.ts';

test('words are counted by Unicode segmentation in every script, punctuation aside', () => {
  assert.equal(countWords('रूस और बेलारूस ने समझौते पर हस्ताक्षर किए।', 'hi'), 8);
  assert.equal(countWords('وقّع الرئيسان اتفاقية أمنية.', 'ar'), 4);
  assert.equal(countWords('Rusia dan Belarus menandatangani perjanjian.', 'ms'), 5);
});

test('the count does not depend on the language asked for (the body cache counts without one)', () => {
  for (const [text, lang] of [['रूस और बेलारूस ने समझौते पर हस्ताक्षर किए।', 'hi'], ['وقّع الرئيسان اتفاقية أمنية.', 'ar']] as const) {
    assert.equal(countWords(text, 'und'), countWords(text, lang));
  }
});

test('containsWords finds a phrase only as whole words, in every script', () => {
  assert.equal(containsWords('Vladimir Putin is the President of Russia.', 'Vladimir Putin'), true);
  assert.equal(containsWords('Putinism, then Putin.', 'Putin'), true, 'a later occurrence counts');
  assert.equal(containsWords('Putinism', 'Putin'), false);
  assert.equal(containsWords('पुतिन ने कहा', 'पुतिन'), true);
  assert.equal(containsWords('पुतिना', 'पुतिन'), false, 'a vowel sign continues the word');
  assert.equal(containsWords('التقى بوتين ولوكاشينكو', 'لوكاشينكو'), false, 'a prefixed conjunction makes one word');
  assert.equal(containsWords('text', ''), false);
});
