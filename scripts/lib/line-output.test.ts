import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineOutput } from './line-output.ts';

test('output is passed on in whole lines, and what is left when it ends', () => {
  const written: string[] = [];
  const output = lineOutput((bytes) => written.push(bytes.toString()));
  output.write(Buffer.from('  ├─ /articles/a/index.html'));
  assert.deepEqual(written, [], 'half a line waits');
  output.write(Buffer.from(' (cached)\n  ├─ /b/index.html (+2ms)\n  ├─ /c/'));
  assert.deepEqual(written, ['  ├─ /articles/a/index.html (cached)\n  ├─ /b/index.html (+2ms)\n']);
  output.write(Buffer.from('index.html'));
  output.end();
  assert.deepEqual(written.slice(1), ['  ├─ /c/index.html']);
  output.end();
  assert.equal(written.length, 2, 'nothing more to pass on');
});
