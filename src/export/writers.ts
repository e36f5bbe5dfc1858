/**
 * Writes tables as CSV (RFC 4180), JSON Lines, Parquet (through DuckDB) and
 * one SQLite database with a full-text index. Every writer is deterministic:
 * the same tables give the same bytes.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { createHash } from 'node:crypto';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SqliteTable, SqliteWork } from './sqlite-worker.ts';
import type { Column, Table } from './tables.ts';
import { writeAll } from './zip.ts';

/** A row's values in column order, as an object (for JSON) in which a missing value is null. */
function orderedRow(table: Table, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(table.columns.map((c) => [c.name, row[c.name] ?? null]));
}

/** A cell as CSV text: lists as JSON arrays (Frictionless "array"), null as nothing. */
function csvCell(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

/**
 * RFC 4180 CSV: UTF-8 without BOM, CRLF between records, a header row. Any
 * field holding a line break is quoted (the default quotes only fields holding
 * the record delimiter, and bodies hold bare LFs); an empty string is written
 * "" so that it differs from a missing value, which is written as nothing
 * (csv-stringify's quoted_empty would quote both: quoting is asked for the empty string alone).
 */
const csvOptions = (table: Table, header: boolean) => ({
  header,
  columns: table.columns.map((c) => c.name),
  record_delimiter: '\r\n',
  quoted_match: [/[\r\n]/, /^$/],
});

/** A table file as written: its size and SHA-256, and where each row's bytes are in it. */
export interface WrittenTableFile {
  bytes: number;
  sha256: string;
  /** The header's bytes, which come first (a CSV file's first line; none in JSON Lines). */
  header: Buffer;
  /** Where each row's bytes end: row i runs from the end of row i - 1 (or of the header) to rowEnds[i]. */
  rowEnds: Float64Array;
}

/** Where a table file's row `index` is, in bytes. */
export function rowSpan(file: WrittenTableFile, index: number): { position: number; length: number } {
  const position = index === 0 ? file.header.length : file.rowEnds[index - 1]!;
  return { position, length: file.rowEnds[index]! - position };
}

/** Bytes a table file is written in, hashed as they go; one chunk fills while the other is written. */
const CHUNK_BYTES = 4 << 20;

/** Writes a header and each row's text (or bytes) to `file`, keeping where each row ends. */
async function writeRows(file: string, header: string, rows: Iterable<string | Uint8Array>, count: number): Promise<WrittenTableFile> {
  await mkdir(dirname(file), { recursive: true });
  const handle = await open(file, 'w');
  const hash = createHash('sha256');
  let bytes = 0;
  // Two chunks, used in turn: gigabytes of rows go through them without a buffer allocated for each 4 MiB.
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let spare = Buffer.allocUnsafe(CHUNK_BYTES);
  let filled = 0;
  let writing: Promise<void> = Promise.resolve();
  /** Hashes `data` and starts writing it, once the write before it (which may be of the spare chunk) is done. */
  const send = async (data: Buffer) => {
    hash.update(data);
    await writing;
    writing = writeAll(handle, data);
  };
  const flush = async () => {
    if (filled === 0) return;
    const full = chunk.subarray(0, filled);
    await send(full);
    [chunk, spare] = [spare, chunk];
    filled = 0;
  };
  /** Adds text (encoded straight into the chunk when it surely fits: UTF-8 takes at most 3 bytes a UTF-16 unit), or bytes. */
  const add = async (row: string | Uint8Array) => {
    const most = typeof row === 'string' ? row.length * 3 : row.length;
    if (filled + most > chunk.length) await flush();
    if (most > chunk.length) {
      // Copied, as a string is encoded: bytes may be a view of a buffer that is read into again for the next row.
      const data = Buffer.from(row);
      bytes += data.length;
      return send(data);
    }
    let written = row.length;
    if (typeof row === 'string') written = chunk.write(row, filled);
    else chunk.set(row, filled);
    filled += written;
    bytes += written;
  };
  try {
    const headerBytes = Buffer.from(header);
    await add(header);
    const rowEnds = new Float64Array(count);
    let index = 0;
    for (const row of rows) {
      await add(row);
      rowEnds[index++] = bytes;
    }
    if (index !== count) throw new Error(`${file}: ${index} rows written, ${count} expected`);
    await flush();
    await writing;
    return { bytes, sha256: hash.digest('hex'), header: headerBytes, rowEnds };
  } finally {
    await handle.close();
  }
}

/**
 * A row's bytes as an earlier export wrote them, when the row's key (Table.rowKeys) is the same: the
 * writer copies them instead of making the row again (see row-cache.ts).
 */
export type EarlierRow = (index: number) => Uint8Array | undefined;

/** Writes the table as a CSV file, row by row (or copying `earlier` rows); resolves with its size, SHA-256 and where each row is. */
export function writeCsv(table: Table, file: string, earlier: EarlierRow = () => undefined): Promise<WrittenTableFile> {
  const options = csvOptions(table, false);
  const records = (function* () {
    for (const [index, row] of table.rows.entries()) yield earlier(index) ?? stringifySync([table.columns.map((c) => csvCell(row[c.name]))], options);
  })();
  return writeRows(file, stringifySync([], csvOptions(table, true)), records, table.rows.length);
}

/** Writes the table as a JSON Lines file (one JSON object per row, keys in column order); resolves as writeCsv. */
export function writeJsonLines(table: Table, file: string, earlier: EarlierRow = () => undefined): Promise<WrittenTableFile> {
  const lines = (function* () {
    for (const [index, row] of table.rows.entries()) yield earlier(index) ?? `${JSON.stringify(orderedRow(table, row))}\n`;
  })();
  return writeRows(file, '', lines, table.rows.length);
}

const DUCKDB_TYPES = { string: 'VARCHAR', integer: 'BIGINT', boolean: 'BOOLEAN', date: 'DATE', array: 'VARCHAR[]' } as const;

/** The DuckDB type of a column. */
export function duckdbType(column: Column): string {
  return column.type === 'array' && column.itemType === 'integer' ? 'BIGINT[]' : DUCKDB_TYPES[column.type];
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const identifier = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** A Parquet file to write from a table's JSON Lines file. */
export interface ParquetJob {
  table: Table;
  jsonl: string;
  parquet: string;
}

/**
 * Parquet files of a table split by a list column: one file for each value,
 * holding the rows whose list has it, in table order, as
 * <folder>/<column>_partition=<value>/data_0.parquet.
 */
export interface PartitionedParquetJob {
  table: Table;
  column: string;
  folder: string;
  /** The values to write a file for, in order, each with its number of rows (known by the time the other jobs are done). */
  partitions: Promise<readonly (readonly [value: string, rows: number])[]>;
  /** The JSON Lines rows that have a value, in table order. */
  rowsOf: (value: string) => Promise<Uint8Array>;
}

/**
 * Rows in a Parquet row group, which the writer holds in memory until it is full: 10,000 articles
 * with their texts are about 160 MB (a group of 100,000 did not fit DuckDB's 2 GB at 100,000 articles).
 */
const PARQUET_ROW_GROUP_ROWS = 10_000;

/** Rows of a partitioned write handed to DuckDB at once: 10,000 articles with their texts are about 160 MB. */
const PARTITION_PASS_ROWS = 10_000;

/**
 * Splits partitions, in order, into passes of at most `limit` rows (a larger partition has a pass of its own).
 * @example partitionPasses([['a', 6n], ['b', 5n], ['c', 4n]], 10) // [['a'], ['b', 'c']]
 */
export function partitionPasses(counts: readonly (readonly [value: string, rows: bigint | number])[], limit: number): string[][] {
  const passes: string[][] = [];
  let rows = 0;
  for (const [value, count] of counts) {
    const current = passes.at(-1);
    if (current && rows + Number(count) <= limit) current.push(value);
    else {
      passes.push([value]);
      rows = 0;
    }
    rows += Number(count);
  }
  return passes;
}

/**
 * JSON Lines rows, each with one more field first: `{"a":1}` becomes `{"name":"value","a":1}`.
 * The rows are copied as bytes, not parsed: JSON Lines has one object a line, and no raw newline inside one.
 */
export function withLeadingField(rows: Uint8Array, name: string, value: string): Buffer {
  const bytes = Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);
  const field = Buffer.from(`{${JSON.stringify(name)}:${JSON.stringify(value)},`);
  const parts: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(0x0a, start);
    if (end === -1) throw new Error(`JSON Lines rows end without a newline after byte ${start}`);
    if (bytes[start] !== 0x7b || bytes[start + 1] === 0x7d) throw new Error(`a JSON Lines row at byte ${start} is not an object with fields`);
    parts.push(field, bytes.subarray(start + 1, end + 1));
    start = end + 1;
  }
  return Buffer.concat(parts);
}

/**
 * Writes Parquet files (typed columns, ZSTD) from JSON Lines with DuckDB, one
 * thread so that row order, and so the bytes, never vary. Each file is read
 * and written in one streaming pass: nothing is loaded into a DuckDB table
 * (at 100,000 articles, that table was 1.8 GB, and each pass of the
 * partitioned write scanned all of it). `scratch` is a folder for the
 * partitions' rows and what DuckDB spills.
 */
export async function writeParquet(jobs: readonly (ParquetJob | PartitionedParquetJob)[], scratch: string): Promise<void> {
  // DuckDB takes up to 80% of the machine's memory by default, beside a Node heap that holds every
  // article (measured at 100,000 articles: 11.8 GiB in all); held to 2 GB, it spills to `scratch`.
  await mkdir(scratch, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:', { threads: '1', memory_limit: '2GB', temp_directory: scratch });
  const connection = await instance.connect();
  const readJson = (file: string, columns: string) => `SELECT * FROM read_json(${quote(file)}, format = 'newline_delimited', columns = {${columns}})`;
  const columnsOf = (table: Table) => table.columns.map((c) => `${identifier(c.name)}: ${quote(duckdbType(c))}`).join(', ');
  try {
    for (const job of jobs) {
      if ('jsonl' in job) {
        await mkdir(dirname(job.parquet), { recursive: true });
        await connection.run(`COPY (${readJson(job.jsonl, columnsOf(job.table))}) TO ${quote(job.parquet)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${PARQUET_ROW_GROUP_ROWS})`);
        continue;
      }
      await mkdir(job.folder, { recursive: true });
      // The partition's value, as the last column: the files hold the table's columns (DuckDB leaves the partition column out).
      const partition = `${job.column}_partition`;
      const columns = `${columnsOf(job.table)}, ${identifier(partition)}: 'VARCHAR'`;
      const rowsFile = join(scratch, `${partition}.jsonl`);
      for (const values of partitionPasses(await job.partitions, PARTITION_PASS_ROWS)) {
        const rows = await Promise.all(values.map(async (value) => withLeadingField(await job.rowsOf(value), partition, value)));
        await writeFile(rowsFile, rows);
        await connection.run(`COPY (${readJson(rowsFile, columns)}) TO ${quote(job.folder)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (${identifier(partition)}), OVERWRITE_OR_IGNORE)`);
      }
      await rm(rowsFile, { force: true });
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const SQLITE_TYPES = { string: 'TEXT', integer: 'INTEGER', boolean: 'INTEGER', date: 'TEXT', array: 'TEXT' } as const;

/**
 * An earlier export's database, made by the same code, to copy one table's unchanged rows from: for each
 * row of that table, its rowid there, or 0 (see row-cache.ts).
 */
export interface EarlierDatabase {
  table: string;
  database: string;
  rowids: Int32Array;
}

/**
 * Writes every table into one SQLite database (Node's built-in node:sqlite),
 * with primary and foreign keys and an FTS5 index over the article text that
 * tokenizes every script (marks count as letters, so Devanagari words stay whole).
 *
 * The rows are read from the tables' JSON Lines files (`jsonlOf`), which hold every value, and the whole
 * database is written on a worker thread (sqlite-worker.ts): the caller's other work goes on meanwhile,
 * and the caller need not hold the rows (the articles table may reuse an earlier export's rows without
 * making them: see row-cache.ts). With `earlier`, that table's unchanged rows are copied, in SQLite, from
 * the earlier database rather than parsed from JSON: the same rows in the same order, so the same file.
 */
export async function writeSqlite(tables: readonly Table[], jsonlOf: (table: Table) => string, file: string, earlier?: EarlierDatabase): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await rm(file, { force: true });
  // Referenced tables first, so foreign keys hold as rows arrive.
  const order = [
    'sources', 'source_names', 'entities', 'entity_names', 'topics', 'topic_names', 'events', 'event_titles',
    'articles', 'editorial_notes', 'article_events', 'article_entities', 'article_topics', 'captures', 'releases',
  ];
  const sqliteTables = [...tables].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name)).map((table): SqliteTable => {
    const columns = table.columns.map((c) => `${identifier(c.name)} ${SQLITE_TYPES[c.type]}${c.required ? ' NOT NULL' : ''}`);
    const keys = [
      `PRIMARY KEY (${table.primaryKey.map(identifier).join(', ')})`,
      ...table.foreignKeys.map((fk) => `FOREIGN KEY (${fk.fields.map(identifier).join(', ')}) REFERENCES ${identifier(fk.reference.resource)} (${fk.reference.fields.map(identifier).join(', ')})`),
    ];
    const copied = earlier?.table === table.name ? { earlier: { database: earlier.database, rowids: earlier.rowids } } : {};
    return { create: `CREATE TABLE ${identifier(table.name)} (${[...columns, ...keys].join(', ')})`, identifier: identifier(table.name), columns: table.columns.map((c) => c.name), jsonl: jsonlOf(table), ...copied };
  });
  // No VACUUM: the file has about 1% free pages (from the full-text index's merges), and rewriting
  // it whole took a quarter of the database's time (10,000 articles: 1.2 of 5.0 CPU seconds).
  await inWorker<SqliteWork>(new URL('./sqlite-worker.ts', import.meta.url), {
    file,
    tables: sqliteTables,
    after: [
      `CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, title_en, body_text, content = 'articles', content_rowid = 'rowid',
        tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
      )`,
      'INSERT INTO articles_fts (rowid, title, title_en, body_text) SELECT rowid, title, title_en, body_text FROM articles',
    ],
  });
}

/** Runs `script` on a worker thread given `data`; resolves when it has ended well. */
function inWorker<T>(script: URL, data: T): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: data });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script.pathname} exited with code ${code}`))));
  });
}

/** Writes a text file, creating its folder. */
export async function writeText(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}
