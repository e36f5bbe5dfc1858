import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageForScript, letterPattern, scriptOf, scriptsOf } from './scripts.ts';

test('scripts are read from the letters', () => {
  assert.deepEqual(scriptsOf('Putin और لوكاشينكو, 2024'), ['Latn', 'Deva', 'Arab']);
  assert.equal(scriptOf('प्रतिबंध'), 'Deva');
  assert.equal(scriptOf('مُعَاهَدَة'), 'Arab');
  assert.equal(scriptOf('2024 — !'), 'Zyyy');
  // The main script is the first one used, after any digits and punctuation.
  assert.equal(scriptOf('2024: पुतिन (Putin)'), 'Deva');
  assert.equal(scriptOf('Reuters: بوتين'), 'Latn');
});

test('each script maps to the language whose stemmer suits it', () => {
  assert.equal(languageForScript('Deva'), 'hi');
  assert.equal(languageForScript('Arab'), 'ar');
  assert.equal(languageForScript('Cyrl'), 'ru');
  // Asked again (memoized), the same answer.
  assert.equal(languageForScript('Deva'), 'hi');
});

test('letters of a script are counted in one pass', () => {
  assert.equal('नमस्ते Putin'.match(letterPattern('Deva'))?.length, 4);
  assert.equal('汉字 abc'.match(letterPattern('Hans'))?.length, 2);
});
