import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LABEL_FILE_BYTES, labelFileOf, labelFiles, type FilterLabel } from './filter-labels.ts';

test('the labels of a language are split into files of about LABEL_FILE_BYTES, each value in the file labelFileOf names', () => {
  const labels = Array.from({ length: 3000 }, (_, i): FilterLabel => ['entity', `Place ${i}`, `مكان ${i}`]);
  const files = labelFiles(labels);
  assert.ok(files.length > 1, `${files.length} files`);
  for (const [i, file] of files.entries()) {
    assert.ok(new TextEncoder().encode(JSON.stringify(file)).length < LABEL_FILE_BYTES * 2, `file ${i}`);
    for (const value of Object.keys(file.entity ?? {})) assert.equal(labelFileOf('entity', value, files.length), i);
  }
  assert.equal(files.reduce((sum, file) => sum + Object.keys(file.entity ?? {}).length, 0), 3000);
  assert.deepEqual(labelFiles([]), [], 'no labels, no file');
  assert.deepEqual(labelFiles([['event', 'Leaders meet', 'لقاء']]), [{ event: { 'Leaders meet': 'لقاء' } }]);
});
