import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Table } from './tables.ts';
import { partitionPasses, rowSpan, writeCsv, writeJsonLines } from './writers.ts';

const dir = await mkdtemp(join(tmpdir(), 'writers-'));
after(() => rm(dir, { recursive: true, force: true }));

test('partitions are cut, in order, into passes of at most the limit of rows', () => {
  assert.deepEqual(partitionPasses([['a', 6n], ['b', 5n], ['c', 4n]], 10), [['a'], ['b', 'c']]);
  assert.deepEqual(partitionPasses([['a', 1], ['b', 2], ['c', 3]], 10), [['a', 'b', 'c']]);
  assert.deepEqual(partitionPasses([['a', 3], ['big', 50], ['c', 3]], 10), [['a'], ['big'], ['c']], 'a partition larger than the limit has a pass of its own');
  assert.deepEqual(partitionPasses([], 10), []);
});

const table: Table = {
  name: 'notes',
  description: '',
  columns: [{ name: 'id', type: 'string', description: '' }, { name: 'text', type: 'string', description: '' }, { name: 'tags', type: 'array', description: '' }],
  primaryKey: ['id'],
  foreignKeys: [],
  rows: [
    { id: 'a', text: 'بوتين ولوكاشينكو\nفي موسكو', tags: ['x'] },
    { id: 'b', text: '', tags: [] },
    { id: 'c', text: null, tags: ['प्रतिबंध', 'y'] },
    // Longer than the writer's chunk: written on its own.
    { id: 'd', text: 'लुकाशेंको '.repeat(200_000), tags: [] },
  ],
};

test('CSV: one record a row after the header, a missing value empty and an empty string quoted; each row where rowSpan says', async () => {
  const file = join(dir, 'notes.csv');
  const written = await writeCsv(table, file);
  const bytes = await readFile(file);
  assert.equal(written.bytes, bytes.length);
  assert.equal(written.header.toString(), 'id,text,tags\r\n');
  assert.ok(bytes.subarray(0, written.header.length).equals(written.header));
  const rows = table.rows.map((_, i) => { const { position, length } = rowSpan(written, i); return bytes.subarray(position, position + length).toString(); });
  assert.deepEqual(rows.slice(0, 3), ['a,"بوتين ولوكاشينكو\nفي موسكو","[""x""]"\r\n', 'b,"",[]\r\n', 'c,,"[""प्रतिबंध"",""y""]"\r\n']);
  assert.equal(rows[3], `d,${'लुकाशेंको '.repeat(200_000)},[]\r\n`);
  assert.equal(written.rowEnds.at(-1), bytes.length);
});

test('JSON Lines: one object a row, keys in column order, null kept; each row where rowSpan says', async () => {
  const file = join(dir, 'notes.jsonl');
  const written = await writeJsonLines(table, file);
  const bytes = await readFile(file);
  assert.equal(written.header.length, 0);
  table.rows.forEach((row, i) => {
    const { position, length } = rowSpan(written, i);
    const line = bytes.subarray(position, position + length).toString();
    assert.ok(line.endsWith('\n'));
    assert.deepEqual(JSON.parse(line), { id: row.id, text: row.text ?? null, tags: row.tags });
    assert.deepEqual(Object.keys(JSON.parse(line)), ['id', 'text', 'tags']);
  });
  assert.equal(written.sha256, createHash('sha256').update(bytes).digest('hex'));
});
