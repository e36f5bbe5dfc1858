/**
 * Writes the dataset exports: every table as CSV, JSON Lines and Parquet, one
 * SQLite database, the captures, the data package, docs, per-event bundles, a
 * BagIt zip of the release and SHA256SUMS. Two runs over the same content give
 * byte-identical files: nothing depends on the clock or the machine.
 *
 * Built for size: tables are streamed to disk row by row, every file is hashed
 * once, as it is written or as it is packed for the zips (the data package, the
 * bag's manifest and SHA256SUMS reuse those hashes), every file that goes into a zip is deflated once, by
 * native zlib off the main thread, and copied into each zip that holds it
 * (src/export/zip.ts), the per-event Parquet files come out of one
 * partitioned pass, and the event bundles copy their CSV and JSON Lines rows
 * from the full tables' files rather than writing them again.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bagTagFiles } from '../src/export/bagit.ts';
import { buildDataPackage, type WrittenFile } from '../src/export/datapackage.ts';
import { buildChangelog, buildCitation, buildLicense, buildReadme } from '../src/export/docs.ts';
import { buildTables, type Table } from '../src/export/tables.ts';
import { rowSpan, writeCsv, writeJsonLines, writeParquet, writeSqlite, type WrittenTableFile } from '../src/export/writers.ts';
import { packBytes, PackedStore, packFile, writeZip, type PackedData, type ZipEntry } from '../src/export/zip.ts';
import { BODY_CACHE_FILE, bodyTextReader, openBodyCache } from '../src/lib/body-cache.ts';
import { RENDERER_FINGERPRINT } from '../src/markdown/render.ts';
import { SITE_URL } from '../src/site-config.ts';
import { loadArchive } from './lib/archive.ts';

const USAGE = `Usage: npm run export -- --out DIR [--root DIR]

Writes the dataset exports of the content under --root (default .) into DIR:
csv/, jsonl/, parquet/, coverage-atlas.sqlite, captures/, datapackage.json,
README.md, CHANGELOG.md, CITATION.cff, LICENSE.md, events/<id>.zip,
the release bag coverage-atlas-<version>.zip, and SHA256SUMS.`;

const { values } = parseArgs({
  options: { out: { type: 'string' }, root: { type: 'string', default: '.' }, help: { type: 'boolean', short: 'h', default: false } },
});
if (values.help || !values.out) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const started = performance.now();
const root = resolve(values.root);
const out = resolve(values.out);
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

/** How long each phase took, for the closing line. */
const phases: string[] = [];
let phaseStarted = performance.now();
const phaseDone = (name: string) => {
  phases.push(`${name} ${((performance.now() - phaseStarted) / 1000).toFixed(1)} s`);
  phaseStarted = performance.now();
};

const archive = await loadArchive(root);
phaseDone('load');
const release = archive.dataset.releases[0]!;
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Every file written, by its path in the export, with its size and SHA-256. */
const written = new Map<string, WrittenFile>();
const record = (path: string, file: { bytes: number; sha256: string }) => written.set(path, { path, ...file });
/** Writes a file of the export from memory and records it. */
async function writeRecorded(path: string, bytes: string | Uint8Array): Promise<void> {
  await mkdir(dirname(join(out, path)), { recursive: true });
  await writeFile(join(out, path), bytes);
  record(path, { bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length, sha256: sha256(bytes) });
}

// Captures, byte for byte: read once, hashed, copied, and deflated once for every zip that holds them (kept in a scratch file).
const SCRATCH = join(out, '.zip-scratch');
const captureStore = await PackedStore.open(join(SCRATCH, 'captures'));
const captures = new Map<string, { bytes: number; sha256: string }>();
const packedCaptures = new Map<string, PackedData>();
await eachConcurrently([...new Set(archive.articles.map((a) => a.data.capture.path))].sort(), async (path) => {
  const bytes = await readFile(join(root, 'content', path));
  await writeRecorded(path, bytes);
  captures.set(path, written.get(path)!);
  packedCaptures.set(path, await captureStore.keep(await packBytes(path, bytes)));
});
await captureStore.close();

// Bodies' plain text and word counts come from the body cache that the build fills first (computed here when missing).
const bodyCache = openBodyCache(join(root, BODY_CACHE_FILE), RENDERER_FINGERPRINT, 'read');
const tables = buildTables({
  articles: archive.articles,
  events: archive.events,
  sources: archive.sources.map((r) => r.data),
  entities: archive.entities.map((r) => r.data),
  captures,
  dataset: archive.dataset,
  siteUrl: SITE_URL,
  bodyText: bodyTextReader(bodyCache),
});
bodyCache.close();
const tableNamed = (name: string) => tables.find((t) => t.name === name)!;
phaseDone('captures and tables');

const tablePath = (table: string, format: 'csv' | 'jsonl' | 'parquet') => `${format}/${table}.${format}`;
/** Payload files packed for the zips, by path: the captures, and each table file as soon as it is written. */
const packedPayload = new Map(packedCaptures);
/**
 * Packs a written file for the zips (zlib, on the thread pool). With `recordIt`, for a file a library
 * wrote (the database, Parquet), it is also hashed in that same reading and recorded.
 */
async function packPayload(path: string, recordIt = false): Promise<void> {
  const hash = recordIt ? createHash('sha256') : undefined;
  const packed = await packFile(path, join(out, path), join(SCRATCH, 'payload', path), hash);
  packedPayload.set(path, packed);
  if (hash) record(path, { bytes: packed.size, sha256: hash.digest('hex') });
}
/** Packing goes on while this thread writes the next file. */
const packing: Promise<void>[] = [];
const packLater = (path: string) => packing.push(packPayload(path));
/** The articles' table files, whose rows the event bundles copy. */
const articleFiles: Partial<Record<'csv' | 'jsonl', WrittenTableFile>> = {};
const writeTables = async (format: 'csv' | 'jsonl', write: (table: Table, file: string) => Promise<WrittenTableFile>) => {
  for (const table of tables) {
    const path = tablePath(table.name, format);
    const file = await write(table, join(out, path));
    record(path, { bytes: file.bytes, sha256: file.sha256 });
    if (table.name === 'articles') articleFiles[format] = file;
    packLater(path);
  }
};
// JSON Lines first: DuckDB makes the Parquet files from them (on its own thread) while this one writes the rest.
await writeTables('jsonl', writeJsonLines);
const EVENT_PARQUET = join(out, '.event-parquet');
const parquet = writeParquet([
  ...tables.map((table) => ({ table, jsonl: join(out, tablePath(table.name, 'jsonl')), parquet: join(out, tablePath(table.name, 'parquet')) })),
  { table: tableNamed('articles'), jsonl: join(out, tablePath('articles', 'jsonl')), parquet: EVENT_PARQUET, partitionBy: 'events' },
  { table: tableNamed('articles'), jsonl: join(out, tablePath('articles', 'jsonl')), parquet: join(EVENT_PARQUET, 'none.parquet'), where: 'false' },
], join(out, '.duckdb-scratch'));
await writeTables('csv', writeCsv);
phaseDone('CSV and JSON Lines');

// The database (its full-text index on a worker thread) while DuckDB writes Parquet on its own; the event
// bundles, mostly this thread's work, start as soon as their Parquet files are there.
const SQLITE = 'coverage-atlas.sqlite';
const sqlite = writeSqlite(tables, join(out, SQLITE)).then(() => packPayload(SQLITE, true));
await parquet;
for (const table of tables) await packPayload(tablePath(table.name, 'parquet'), true);
const bundles = writeEventBundles(tableNamed('articles'), tableNamed('events'), { csv: articleFiles.csv!, jsonl: articleFiles.jsonl! });
await sqlite;
phaseDone('Parquet and SQLite');

await writeRecorded('README.md', buildReadme(archive.dataset, tables));
await writeRecorded('CHANGELOG.md', buildChangelog(archive.dataset));
await writeRecorded('CITATION.cff', buildCitation(archive.dataset));
await writeRecorded('LICENSE.md', buildLicense(archive.dataset));
const dataPackage = buildDataPackage({ dataset: archive.dataset, tables, sources: archive.sources.map((r) => r.data), files: written, tablePath, sqlitePath: SQLITE });
await writeRecorded('datapackage.json', JSON.stringify(dataPackage, null, 2) + '\n');

// The release as one BagIt zip: the data package, its docs and the captures (the event bundles are not in it).
// Each payload file is deflated once (the captures already are), and the zip is written from those bytes.
const payload = [...written.values()].filter((file) => !file.path.startsWith('events/')).sort((a, b) => (a.path < b.path ? -1 : 1));
const bagName = `${archive.dataset.name}-${release.version}`;
const tags = bagTagFiles(payload, { identifier: bagName, date: release.date, organization: archive.dataset.contributors[0]!.title, description: archive.dataset.title, version: release.version });
await Promise.all(packing);
await eachConcurrently(payload.filter((file) => !packedPayload.has(file.path)), (file) => packPayload(file.path), availableParallelism());
const bagEntries: ZipEntry[] = [];
for (const [path, bytes] of tags) bagEntries.push({ path: `${bagName}/${path}`, ...(await packBytes(path, bytes)) });
for (const file of payload) bagEntries.push({ path: `${bagName}/data/${file.path}`, ...packedPayload.get(file.path)! });
record(`${bagName}.zip`, await writeZip(join(out, `${bagName}.zip`), bagEntries, release.date));
await bundles;
for (const folder of [EVENT_PARQUET, SCRATCH, join(out, '.duckdb-scratch')]) await rm(folder, { recursive: true, force: true });
phaseDone('bag and event bundles');

// Checksums of every file, in the format `sha256sum -c` reads.
const sums = [...written.values()].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => `${f.sha256}  ${f.path}\n`).join('');
await writeFile(join(out, 'SHA256SUMS'), sums);

const total = [...written.values()].reduce((sum, f) => sum + f.bytes, 0);
console.log(`export: ${tables.map((t) => `${t.name} ${t.rows.length}`).join(', ')}; ${(total / 1024 / 1024).toFixed(1)} MiB in ${out} (${((performance.now() - started) / 1000).toFixed(1)} s: ${phases.join(', ')})`);

/**
 * One zip per event: its articles in every table format, and their captures. The
 * CSV and JSON Lines rows are copied, byte for byte, from the full tables' files.
 */
async function writeEventBundles(articles: Table, events: Table, files: Record<'csv' | 'jsonl', WrittenTableFile>): Promise<void> {
  const articlesOf = new Map<string, number[]>();
  articles.rows.forEach((row, index) => {
    for (const event of row.events as string[]) {
      const list = articlesOf.get(event);
      if (list) list.push(index);
      else articlesOf.set(event, [index]);
    }
  });
  const handles = { csv: await open(join(out, tablePath('articles', 'csv')), 'r'), jsonl: await open(join(out, tablePath('articles', 'jsonl')), 'r') };
  /** The header and the rows given of an articles file, read from the file. */
  const rowsOf = async (format: 'csv' | 'jsonl', rows: readonly number[]) => {
    const spans = rows.map((index) => rowSpan(files[format], index));
    const { header } = files[format];
    const bytes = Buffer.allocUnsafe(header.length + spans.reduce((sum, span) => sum + span.length, 0));
    let at = header.copy(bytes);
    for (const { position, length } of spans) {
      const { bytesRead } = await handles[format].read(bytes, at, length, position);
      if (bytesRead !== length) throw new Error(`${tablePath('articles', format)} ends before byte ${position + length}`);
      at += length;
    }
    return bytes;
  };
  const encode = (text: string) => new TextEncoder().encode(text);
  const bundle = async (event: Record<string, unknown>) => {
    const id = String(event.id);
    const rows = articlesOf.get(id) ?? [];
    // An event without articles has no partition: its Parquet file holds the table with no rows.
    const parquetFile = rows.length > 0 ? join(EVENT_PARQUET, `events_partition=${id}`, 'data_0.parquet') : join(EVENT_PARQUET, 'none.parquet');
    const bundled: [string, Uint8Array][] = [
      ['README.md', encode(`# ${String(event.title)}\n\nThe ${rows.length} article(s) of this event from ${archive.dataset.title} ${release.version}, with their captures. Columns are described in the full dataset's README.md.\n`)],
      ['event.json', encode(JSON.stringify(event, null, 2) + '\n')],
      ['articles.csv', await rowsOf('csv', rows)],
      ['articles.jsonl', await rowsOf('jsonl', rows)],
    ];
    const entries: ZipEntry[] = [];
    for (const [path, bytes] of bundled) entries.push({ path, ...(await packBytes(path, bytes)) });
    entries.push({ path: 'articles.parquet', ...(await packBytes('articles.parquet', await readFile(parquetFile))) });
    for (const index of rows) {
      const capture = String(articles.rows[index]!.capture_path);
      entries.push({ path: capture, ...packedCaptures.get(capture)! });
    }
    const path = `events/${id}.zip`;
    record(path, await writeZip(join(out, path), entries.map((entry) => ({ ...entry, path: `${id}/${entry.path}` })), release.date));
  };
  try {
    await eachConcurrently(events.rows, bundle, availableParallelism() * 2);
  } finally {
    await handles.csv.close();
    await handles.jsonl.close();
  }
}

/** Runs `work` on every item, `concurrency` at a time (zlib and file reads run on the thread pool, so this uses every core). */
async function eachConcurrently<T>(items: readonly T[], work: (item: T) => Promise<void>, concurrency = 64): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}
