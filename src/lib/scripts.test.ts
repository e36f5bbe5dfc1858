import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageForScript, letterCounts, scriptOf, scriptRuns, scriptsOf } from './scripts.ts';

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

test('letters, and letters of a script, are counted in one pass', () => {
  // Vowel signs (न, म, स, त are letters; ्, े are marks) and digits are not letters.
  assert.deepEqual(letterCounts('नमस्ते Putin 2024', 'Deva'), { letters: 9, inScript: 4 });
  assert.deepEqual(letterCounts('汉字 abc', 'Hans'), { letters: 5, inScript: 2 });
  // Beyond the Basic Multilingual Plane: a Han letter of Extension B, a mathematical letter (script Common), an emoji.
  assert.deepEqual(letterCounts('𠀀𝐀😀', 'Hani'), { letters: 2, inScript: 1 });
  // An unknown script counts every letter as its own; a lone surrogate is no letter.
  assert.deepEqual(letterCounts('abc\uD800', 'Zzzz'), { letters: 3, inScript: 3 });
  assert.deepEqual(letterCounts('\uD800a\uDC00b', 'Latn'), { letters: 2, inScript: 2 });
});

test('letter counts agree with the regex engine on mixed text', () => {
  // Characters from every script the archive holds, marks, digits, punctuation and astral characters, in a fixed pseudo-random order.
  const alphabet = [...'aZéßДжαΩאبةـًनक्ाি০ক漢字かカ한ไ0٣।,. \n\u200c\u200d𠀀𝐀😀', '\uD800', '\uDC00'];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 200; round++) {
    const text = Array.from({ length: 1 + Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (const [script, name] of [['Latn', 'Latin'], ['Arab', 'Arabic'], ['Deva', 'Devanagari'], ['Hani', 'Han'], ['Cyrl', 'Cyrillic']]) {
      assert.deepEqual(letterCounts(text, script!), {
        letters: text.match(/\p{L}/gu)?.length ?? 0,
        inScript: text.match(new RegExp(`[\\p{L}&&\\p{Script=${name}}]`, 'gv'))?.length ?? 0,
      }, `${script} in ${JSON.stringify(text)}`);
    }
  }
});

test('a text is cut into runs, each stretch of another script from its first letter to its last', () => {
  assert.deepEqual(scriptRuns('The word "المناطق." repeats', 'Latn'), [{ text: 'The word "' }, { text: 'المناطق', script: 'Arab' }, { text: '." repeats' }]);
  assert.deepEqual(scriptRuns('It opens "وفقا لتقرير" ("according to")', 'Latn').map((r) => r.text), ['It opens "', 'وفقا لتقرير', '" ("according to")']);
  assert.deepEqual(scriptRuns('"आज (06.12.2024)" and "لقاء"', 'Latn'), [{ text: '"' }, { text: 'आज', script: 'Deva' }, { text: ' (06.12.2024)" and "' }, { text: 'لقاء', script: 'Arab' }, { text: '"' }]);
  assert.deepEqual(scriptRuns('كَتَبَ', 'Latn'), [{ text: 'كَتَبَ', script: 'Arab' }], 'a vowel mark stays with its letter, the last one too');
  assert.deepEqual(scriptRuns('हिन्दी and Hindi', 'Latn'), [{ text: 'हिन्दी', script: 'Deva' }, { text: ' and Hindi' }]);
  assert.deepEqual(scriptRuns('Only English, 2024.', 'Latn'), [{ text: 'Only English, 2024.' }]);
  assert.deepEqual(scriptRuns('', 'Latn'), []);
});
