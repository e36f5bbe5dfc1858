import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { trimExcerptEdges } from './search-excerpt.ts';

const text = (t: string) => ({ text: t, marked: false });
const mark = (t: string) => ({ text: t, marked: true });

describe('trimExcerptEdges', () => {
  test('takes a separator off the start and the end', () => {
    assert.deepEqual(trimExcerptEdges([text('· Vladimir '), mark('Putin'), text(' · Moskow ·')]), [text('Vladimir '), mark('Putin'), text(' · Moskow')]);
  });

  test('leaves separators inside the excerpt, and marked text, alone', () => {
    assert.deepEqual(trimExcerptEdges([mark('Putin'), text(' · '), mark('Putin')]), [mark('Putin'), text(' · '), mark('Putin')]);
  });

  test('drops an edge that was only a separator', () => {
    assert.deepEqual(trimExcerptEdges([text(' · '), mark('पुतिन'), text(' ·')]), [mark('पुतिन')]);
  });

  test('keeps a text with no separator as it is', () => {
    assert.deepEqual(trimExcerptEdges([text('Lukashenko praised the '), mark('union'), text(' state.')]), [text('Lukashenko praised the '), mark('union'), text(' state.')]);
    assert.deepEqual(trimExcerptEdges([]), []);
  });
});
