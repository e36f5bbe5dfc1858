import { DuckDBInstance } from '@duckdb/node-api';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Table } from './tables.ts';
import { DatabaseSync } from 'node:sqlite';
import { partitionPasses, rowSpan, withLeadingField, writeCsv, writeJsonLines, writeParquet, writeSqlite } from './writers.ts';

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

test('rows an earlier export wrote are copied in place of made ones, and the file is the same', async () => {
  for (const [format, write] of [['csv', writeCsv], ['jsonl', writeJsonLines]] as const) {
    const made = await write(table, join(dir, `made.${format}`));
    const madeBytes = await readFile(join(dir, `made.${format}`));
    const rowBytes = (i: number) => { const { position, length } = rowSpan(made, i); return madeBytes.subarray(position, position + length); };
    // Every row but the second copied (the fourth is longer than the writer's chunk); the rows given are what
    // is written, so a table whose rows are gone shows that they were not read.
    const copied = await write({ ...table, rows: table.rows.map((row, i) => (i === 1 ? row : {})) }, join(dir, `copied.${format}`), (i) => (i === 1 ? undefined : rowBytes(i)));
    assert.ok((await readFile(join(dir, `copied.${format}`))).equals(madeBytes), format);
    assert.equal(copied.sha256, made.sha256);
    assert.deepEqual(copied.rowEnds, made.rowEnds);
  }
});

test('SQLite: every table filled from its JSON Lines file, in order, values typed, and the full-text index', async () => {
  const articles: Table = {
    name: 'articles',
    description: '',
    columns: [
      { name: 'id', type: 'string', description: '', required: true },
      { name: 'title', type: 'string', description: '' },
      { name: 'title_en', type: 'string', description: '' },
      { name: 'body_text', type: 'string', description: '' },
      { name: 'events', type: 'array', description: '' },
      { name: 'withdrawn', type: 'boolean', description: '' },
      { name: 'word_count', type: 'integer', description: '' },
    ],
    primaryKey: ['id'],
    foreignKeys: [],
    // More rows than one INSERT statement takes, so that a full statement and a last short one are both used.
    rows: Array.from({ length: 150 }, (_, i) => ({ id: `a${String(i).padStart(3, '0')}`, title: i === 7 ? 'लुकाशेंको और पुतिन' : `t${i}`, title_en: null, body_text: i === 7 ? 'बेलारूस\nمينسك' : 'x', events: i % 2 ? ['e1', 'e"2'] : [], withdrawn: i === 3, word_count: i })),
  };
  const notes: Table = { ...table, name: 'editorial_notes', foreignKeys: [{ fields: ['id'], reference: { resource: 'articles', fields: ['id'] } }], rows: [{ id: 'a007', text: 'n', tags: ['x'] }] };
  const jsonlOf = (t: Table) => join(dir, `sqlite-${t.name}.jsonl`);
  for (const t of [articles, notes]) await writeJsonLines(t, jsonlOf(t));
  const file = join(dir, 'atlas.sqlite');
  await writeSqlite([notes, articles], jsonlOf, file);
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const rows = db.prepare('SELECT rowid, * FROM articles ORDER BY rowid').all();
    assert.equal(rows.length, 150);
    assert.deepEqual({ ...rows[7] }, { rowid: 8, id: 'a007', title: 'लुकाशेंको और पुतिन', title_en: null, body_text: 'बेलारूस\nمينسك', events: '["e1","e\\"2"]', withdrawn: 0, word_count: 7 });
    assert.equal(db.prepare('SELECT withdrawn FROM articles WHERE id = ?').get('a003')!.withdrawn, 1);
    assert.deepEqual(db.prepare("SELECT id FROM articles WHERE rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'बेलारूस')").all().map((r) => r.id), ['a007']);
    assert.deepEqual({ ...db.prepare('SELECT * FROM editorial_notes').get() }, { id: 'a007', text: 'n', tags: '["x"]' });
  } finally {
    db.close();
  }
});

test("SQLite: a table's rows copied from an earlier database give the same file as rows read from JSON Lines", async () => {
  const columns: Table['columns'] = ['id', 'title', 'title_en', 'body_text'].map((name) => ({ name, type: 'string', description: '' }));
  const rowsOf = (texts: readonly string[]): Table => ({ ...table, name: 'articles', columns, rows: texts.map((text, i) => ({ id: `a${String(i).padStart(3, '0')}`, title: `t${i}`, title_en: null, body_text: text })) });
  const jsonlOf = (t: Table) => join(dir, `copy-${t.name}.jsonl`);
  const before = rowsOf(Array.from({ length: 200 }, (_, i) => `text ${i} بوتين`));
  await writeJsonLines(before, jsonlOf(before));
  await writeSqlite([before], jsonlOf, join(dir, 'before.sqlite'));
  const beforeBytes = await readFile(join(dir, 'before.sqlite'));
  // Row 70 changed, a row added after row 150: the others are where they were, or one further.
  const texts = before.rows.map((row) => String(row.body_text));
  texts[70] = 'changed लुकाशेंको';
  texts.splice(151, 0, 'new');
  const after = rowsOf(texts);
  await writeJsonLines(after, jsonlOf(after));
  const rowids = Int32Array.from(texts, (_, i) => (i === 70 || i >= 151 ? 0 : i + 1));
  await writeSqlite([after], jsonlOf, join(dir, 'copied.sqlite'), { table: 'articles', database: join(dir, 'before.sqlite'), rowids });
  await writeSqlite([after], jsonlOf, join(dir, 'fresh.sqlite'));
  assert.ok((await readFile(join(dir, 'copied.sqlite'))).equals(await readFile(join(dir, 'fresh.sqlite'))));
  // The copied rows are the earlier database's, not parsed again: told to copy row 70 too, it keeps its earlier text.
  await writeSqlite([after], jsonlOf, join(dir, 'stale.sqlite'), { table: 'articles', database: join(dir, 'before.sqlite'), rowids: rowids.map((rowid, i) => (i === 70 ? 71 : rowid)) });
  const stale = new DatabaseSync(join(dir, 'stale.sqlite'), { readOnly: true });
  try {
    assert.equal(stale.prepare('SELECT body_text FROM articles WHERE rowid = 71').get()!.body_text, 'text 70 بوتين');
  } finally {
    stale.close();
  }
  assert.ok((await readFile(join(dir, 'before.sqlite'))).equals(beforeBytes), 'the earlier database, which the last export published, is left as it was');
  const db = new DatabaseSync(join(dir, 'copied.sqlite'), { readOnly: true });
  try {
    assert.deepEqual(db.prepare('SELECT body_text FROM articles ORDER BY rowid').all().map((row) => row.body_text), texts);
  } finally {
    db.close();
  }
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
