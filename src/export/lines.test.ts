import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { linesOf } from './lines.ts';

const dir = await mkdtemp(join(tmpdir(), 'lines-'));
after(() => rm(dir, { recursive: true, force: true }));

test('every line comes back whole, whatever the pieces it is read in cut through', async () => {
  // Multi-byte characters (Devanagari, Arabic, an emoji) and lines longer than a piece.
  const lines = ['{"a":"लुकाशेंको"}', '', '{"b":"بوتين"}', 'x'.repeat(40), '🇧🇾'.repeat(9), '{"c":1}'];
  const file = join(dir, 'rows.jsonl');
  await writeFile(file, lines.map((line) => `${line}\n`).join(''));
  for (const pieceBytes of [1, 2, 3, 5, 7, 16, 64, 1 << 20]) assert.deepEqual(Array.from(linesOf(file, pieceBytes), (line) => line.toString()), lines, `pieces of ${pieceBytes} bytes`);
});

test('an empty file has no lines; a last line without its newline is refused', async () => {
  const empty = join(dir, 'empty.jsonl');
  await writeFile(empty, '');
  assert.deepEqual(Array.from(linesOf(empty)), []);
  const cut = join(dir, 'cut.jsonl');
  await writeFile(cut, '{"a":1}\n{"b":');
  assert.throws(() => Array.from(linesOf(cut, 4)), /cut\.jsonl does not end with a newline/);
});
