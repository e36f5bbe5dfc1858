import { DuckDBInstance } from '@duckdb/node-api';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Table } from './tables.ts';
import { partitionPasses, rowSpan, withLeadingField, writeCsv, writeJsonLines, writeParquet } from './writers.ts';

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

test('withLeadingField puts one field first in every JSON Lines row, copying the rest as it is', () => {
  const rows = Buffer.from('{"a":1,"b":"x\\ny"}\n{"a":2,"b":"ب"}\n');
  const out = withLeadingField(rows, 'events_partition', 'e-"1"');
  assert.equal(out.toString(), '{"events_partition":"e-\\"1\\"","a":1,"b":"x\\ny"}\n{"events_partition":"e-\\"1\\"","a":2,"b":"ب"}\n');
  assert.deepEqual(out.toString().trimEnd().split('\n').map((line) => JSON.parse(line)), [{ events_partition: 'e-"1"', a: 1, b: 'x\ny' }, { events_partition: 'e-"1"', a: 2, b: 'ب' }]);
  assert.equal(withLeadingField(new Uint8Array(), 'p', 'v').length, 0);
  assert.throws(() => withLeadingField(Buffer.from('{"a":1}'), 'p', 'v'), /without a newline/);
  assert.throws(() => withLeadingField(Buffer.from('{}\n'), 'p', 'v'), /not an object with fields/);
});

test('Parquet: a table file, and one file per value of a list column, each in table order', async () => {
  // 6,000 rows: the large partition runs across several of DuckDB's 2,048-row vectors, and between other partitions' rows.
  const tagged: Table = {
    ...table,
    name: 'tagged',
    rows: Array.from({ length: 6000 }, (_, i) => ({ id: `r${String(i).padStart(5, '0')}`, text: i % 7 === 0 ? 'بوتين' : `row ${i}`, tags: i % 3 === 0 ? ['big'] : i % 5 === 0 ? ['big', `small-${i % 4}`] : [`small-${i % 4}`] })),
  };
  const jsonl = join(dir, 'tagged.jsonl');
  const written = await writeJsonLines(tagged, jsonl);
  const bytes = await readFile(jsonl);
  const rowsWith = (tag: string) => tagged.rows.flatMap((row, i) => ((row.tags as string[]).includes(tag) ? [i] : []));
  const partitions = ['big', 'small-0', 'small-1', 'small-2', 'small-3'].map((tag) => [tag, rowsWith(tag).length] as const);
  const folder = join(dir, 'by-tag');
  await writeParquet([
    { table: tagged, jsonl, parquet: join(dir, 'tagged.parquet') },
    {
      table: tagged,
      column: 'tags',
      folder,
      partitions: Promise.resolve(partitions),
      rowsOf: async (tag) => Buffer.concat(rowsWith(tag).map((i) => { const { position, length } = rowSpan(written, i); return bytes.subarray(position, position + length); })),
    },
  ], join(dir, 'duckdb-scratch'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const idsIn = async (file: string) => (await connection.runAndReadAll(`SELECT id FROM read_parquet('${file}', file_row_number = true, hive_partitioning = false) ORDER BY file_row_number`)).getRows().map(([id]) => id);
  try {
    assert.deepEqual(await idsIn(join(dir, 'tagged.parquet')), tagged.rows.map((row) => row.id));
    for (const [tag, count] of partitions) {
      const file = join(folder, `tags_partition=${tag}`, 'data_0.parquet');
      const ids = await idsIn(file);
      assert.equal(ids.length, count, tag);
      assert.deepEqual(ids, rowsWith(tag).map((i) => tagged.rows[i]!.id), `${tag}: in table order`);
      const columns = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}', hive_partitioning = false)`)).getRows().map(([name]) => name);
      assert.deepEqual(columns, ['id', 'text', 'tags'], 'the partition column is not in the file');
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});
