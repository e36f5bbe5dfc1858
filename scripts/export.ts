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
 * from the full tables' files rather than writing them again. The captures and
 * event bundles that did not change since the last export are taken from its
 * cache (src/export/export-cache.ts), with the same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bagTagFiles } from '../src/export/bagit.ts';
import { buildDataPackage, type WrittenFile } from '../src/export/datapackage.ts';
import { buildChangelog, buildCitation, buildLicense, buildReadme } from '../src/export/docs.ts';
import { EXPORT_CACHE_DIR, ExportCache } from '../src/export/export-cache.ts';
import { buildTables, type Table } from '../src/export/tables.ts';
import { RowCache, type EarlierRows } from '../src/export/row-cache.ts';
import { rowSpan, writeCsv, writeJsonLines, writeParquet, writeSqlite, type EarlierRow, type WrittenTableFile } from '../src/export/writers.ts';
import { packBytes, packFile, writeZip, type PackedData, type ZipEntry } from '../src/export/zip.ts';
import { BODY_CACHE_FILE, bodyTextByKey, openBodyCache } from '../src/lib/body-cache.ts';
import { eachConcurrently } from '../src/lib/concurrency.ts';
import { codeFingerprint } from '../src/lib/fingerprint.ts';
import { RENDERER_FINGERPRINT } from '../src/markdown/render.ts';
import { SITE_URL } from '../src/site-config.ts';
import { loadArchive } from './lib/archive.ts';

const USAGE = `Usage: npm run export -- --out DIR [--root DIR] [--no-cache]

Writes the dataset exports of the content under --root (default .) into DIR:
csv/, jsonl/, parquet/, coverage-atlas.sqlite, captures/, datapackage.json,
README.md, CHANGELOG.md, CITATION.cff, LICENSE.md, events/<id>.zip,
the release bag coverage-atlas-<version>.zip, and SHA256SUMS.

Captures and event bundles that have not changed since the last export are
taken from its cache (.cache/export/ under --root); the files are the same
byte for byte. --no-cache neither reads nor writes that cache.`;

const { values } = parseArgs({
  options: { out: { type: 'string' }, root: { type: 'string', default: '.' }, 'no-cache': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
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

/** The code that makes what the export cache keeps, from what it keys them by (with package.json: DuckDB's and Node's zlib versions). */
const EXPORT_SOURCES = ['scripts/export.ts', 'src/export'];
/** The code that makes a row from what its key digests (the record and its body's key): the tables, the routes, words, the text of a body. */
const ROW_SOURCES = [...EXPORT_SOURCES, 'src/lib', 'src/markdown', 'src/schema', 'src/site-config.ts'];
const ROW_CODE = codeFingerprint(ROW_SOURCES);

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

// What an earlier export found and made: unchanged captures and bundles are not read, deflated and zipped again.
// With --no-cache, a cache of this export's own, in a scratch folder.
const CACHE_DIR = values['no-cache'] ? join(out, '.export-cache') : join(root, EXPORT_CACHE_DIR);
const cache = await ExportCache.open(CACHE_DIR, codeFingerprint(EXPORT_SOURCES));

// Captures, byte for byte: each new or changed one read once, hashed, copied, and deflated once for every zip that holds it (kept in the cache's store);
// the others linked from the cache's copy.
const SCRATCH = join(out, '.zip-scratch');
const captures = new Map<string, { bytes: number; sha256: string }>();
const packedCaptures = new Map<string, PackedData>();
let capturesRead = 0;
await eachConcurrently([...new Set(archive.articles.map((a) => a.data.capture.path))].sort(), async (path) => {
  const source = join(root, 'content', path);
  const stats = await stat(source, { bigint: true });
  const known = cache.capture(path, stats);
  if (known) {
    await mkdir(dirname(join(out, path)), { recursive: true });
    await cache.reuseCaptureFile(known.sha256, source, join(out, path));
    record(path, { bytes: known.packed.size, sha256: known.sha256 });
    packedCaptures.set(path, known.packed);
  } else {
    const bytes = await readFile(source);
    capturesRead++;
    await writeRecorded(path, bytes);
    await cache.keepCaptureFile(written.get(path)!.sha256, join(out, path));
    const packed = await cache.captureStore.keep(await packBytes(path, bytes));
    cache.keepCapture(path, stats, written.get(path)!.sha256, packed);
    packedCaptures.set(path, packed);
  }
  captures.set(path, written.get(path)!);
});
console.log(`export: captures: ${capturesRead} packed, ${captures.size - capturesRead} unchanged (from ${relative(root, CACHE_DIR)})`);

// Bodies' plain text and word counts come from the body cache that the build fills first (computed here when missing).
// They are read only for the rows made again: an article's row an earlier export wrote under the same key is copied from its file.
const bodyCache = openBodyCache(join(root, BODY_CACHE_FILE), RENDERER_FINGERPRINT, 'read');
const tables = buildTables({
  articles: archive.articles,
  events: archive.events,
  sources: archive.sources.map((r) => r.data),
  entities: archive.entities.map((r) => r.data),
  topics: archive.topics.map((r) => r.data),
  captures,
  dataset: archive.dataset,
  siteUrl: SITE_URL,
  bodyText: (key, markdown, lang) => bodyTextByKey(bodyCache, key, markdown, lang),
});
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
/** Rows an earlier export wrote, copied into this one's files when their keys are unchanged (src/export/row-cache.ts). */
const rowCache = await RowCache.open(join(CACHE_DIR, 'rows'), ROW_CODE);
/** Writes every table in one format; resolves with the last export's rows found for each table that has row keys, by name. */
const writeTables = async (format: 'csv' | 'jsonl', write: (table: Table, file: string, earlier: EarlierRow) => Promise<WrittenTableFile>) => {
  const found = new Map<string, EarlierRows>();
  for (const table of tables) {
    const path = tablePath(table.name, format);
    const earlier = table.rowKeys ? await rowCache.earlier(`${table.name}.${format}`, table.rowKeys) : undefined;
    const file = await write(table, join(out, path), earlier?.row ?? (() => undefined)).finally(() => earlier?.close());
    if (table.rowKeys) {
      await rowCache.keep(`${table.name}.${format}`, join(out, path), table.rowKeys, file);
      console.log(`export: ${path}: ${earlier!.found} of ${table.rows.length} rows copied from the last export's`);
      found.set(table.name, earlier!);
    }
    record(path, { bytes: file.bytes, sha256: file.sha256 });
    if (table.name === 'articles') articleFiles[format] = file;
    packLater(path);
  }
  return found;
};
// JSON Lines first: DuckDB makes the Parquet files from them (on its own thread), and SQLite fills the
// database from them (on a worker thread), while this one writes the rest.
// Where each article row was in the last export's JSON Lines (and so its database: rowid = index + 1), and that file's SHA-256.
const earlierArticles = (await writeTables('jsonl', writeJsonLines)).get('articles')!;
const SQLITE = 'coverage-atlas.sqlite';
// The last export's database, if it was made from the JSON Lines whose rows this one copied: its unchanged articles are copied from it.
const earlierDatabase = await rowCache.madeFrom(SQLITE, earlierArticles.sha256);
const earlierRowids = Int32Array.from(tableNamed('articles').rows, (_, i) => (earlierDatabase === undefined ? 0 : (earlierArticles.indexOf(i) ?? -1) + 1));
console.log(`export: ${SQLITE}: ${earlierRowids.filter((rowid) => rowid > 0).length} of ${earlierRowids.length} articles copied from the last export's database`);
const sqlite = writeSqlite(
  tables,
  (table) => join(out, tablePath(table.name, 'jsonl')),
  join(out, SQLITE),
  earlierDatabase === undefined ? undefined : { table: 'articles', database: earlierDatabase, rowids: earlierRowids },
).then(async () => {
  await rowCache.keepMadeFrom(SQLITE, articleFiles.jsonl!.sha256, join(out, SQLITE));
  await packPayload(SQLITE, true);
});
// The event bundles to make: those no earlier export made with the same key (what each is made from).
const bundleSources = await openBundleSources(tableNamed('articles'), tableNamed('events'), articleFiles);
const bundleKeys = keyBundles(bundleSources);
const bundlesToMake = (async () => {
  const ids = tableNamed('events').rows.map((event) => String(event.id));
  const made = await Promise.all(ids.map((id) => cache.hasBundle(bundleKeys.get(id)!)));
  return new Set(ids.filter((_, i) => !made[i]));
})();
const EVENT_PARQUET = join(out, '.event-parquet');
// The Parquet file of an event without articles: the table's columns and no rows.
const NO_ROWS = join(out, '.duckdb-scratch', 'no-rows.jsonl');
await mkdir(dirname(NO_ROWS), { recursive: true });
await writeFile(NO_ROWS, '');
const parquet = writeParquet([
  ...tables.map((table) => ({ table, jsonl: join(out, tablePath(table.name, 'jsonl')), parquet: join(out, tablePath(table.name, 'parquet')) })),
  {
    table: tableNamed('articles'),
    column: 'events',
    folder: EVENT_PARQUET,
    partitions: bundlesToMake.then((ids) => [...ids].sort().map((id) => [id, bundleSources.articlesOf.get(id)?.length ?? 0] as const).filter(([, rows]) => rows > 0)),
    rowsOf: (id) => bundleSources.rowsOf('jsonl', bundleSources.articlesOf.get(id)!),
  },
  { table: tableNamed('articles'), jsonl: NO_ROWS, parquet: join(EVENT_PARQUET, 'none.parquet') },
], join(out, '.duckdb-scratch'));
await writeTables('csv', writeCsv);
bodyCache.close();
phaseDone('CSV and JSON Lines');

// The event bundles, mostly this thread's work, start as soon as their Parquet files are there.
await parquet;
for (const table of tables) await packPayload(tablePath(table.name, 'parquet'), true);
const bundles = writeEventBundles(bundleSources, bundleKeys, await bundlesToMake);
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
await cache.save();
for (const folder of [EVENT_PARQUET, SCRATCH, join(out, '.duckdb-scratch'), ...(values['no-cache'] ? [CACHE_DIR] : [])]) await rm(folder, { recursive: true, force: true });
phaseDone('bag and event bundles');

// Checksums of every file, in the format `sha256sum -c` reads.
const sums = [...written.values()].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => `${f.sha256}  ${f.path}\n`).join('');
await writeFile(join(out, 'SHA256SUMS'), sums);

const total = [...written.values()].reduce((sum, f) => sum + f.bytes, 0);
console.log(`export: ${tables.map((t) => `${t.name} ${t.rows.length}`).join(', ')}; ${(total / 1024 / 1024).toFixed(1)} MiB in ${out} (${((performance.now() - started) / 1000).toFixed(1)} s: ${phases.join(', ')})`);

/** What the event bundles are made from: each event's record, its articles' rows (read from the full tables' files), their captures. */
interface BundleSources {
  articles: Table;
  events: Table;
  /** The indexes of each event's articles, in the articles table. */
  articlesOf: Map<string, number[]>;
  /** The header and the given rows of an articles file, read from the file. */
  rowsOf: (format: 'csv' | 'jsonl', rows: readonly number[]) => Promise<Buffer>;
  close: () => Promise<void>;
}

/** Reads the articles' table files, each opened when first read (the CSV one is written after the JSON Lines). */
async function openBundleSources(articles: Table, events: Table, files: Partial<Record<'csv' | 'jsonl', WrittenTableFile>>): Promise<BundleSources> {
  const articlesOf = new Map<string, number[]>();
  articles.rows.forEach((row, index) => {
    for (const event of row.events as string[]) {
      const list = articlesOf.get(event);
      if (list) list.push(index);
      else articlesOf.set(event, [index]);
    }
  });
  const handles = new Map<'csv' | 'jsonl', Promise<FileHandle>>();
  const handle = (format: 'csv' | 'jsonl') => handles.get(format) ?? handles.set(format, open(join(out, tablePath('articles', format)), 'r')).get(format)!;
  const rowsOf = async (format: 'csv' | 'jsonl', rows: readonly number[]) => {
    const file = files[format];
    if (!file) throw new Error(`${tablePath('articles', format)} is read before it is written`);
    const spans = rows.map((index) => rowSpan(file, index));
    const { header } = file;
    const bytes = Buffer.allocUnsafe(header.length + spans.reduce((sum, span) => sum + span.length, 0));
    let at = header.copy(bytes);
    for (const { position, length } of spans) {
      const { bytesRead } = await (await handle(format)).read(bytes, at, length, position);
      if (bytesRead !== length) throw new Error(`${tablePath('articles', format)} ends before byte ${position + length}`);
      at += length;
    }
    return bytes;
  };
  const close = async () => {
    for (const opened of handles.values()) await (await opened).close();
  };
  return { articles, events, articlesOf, rowsOf, close };
}

/** The files of an event's bundle other than its tables and captures. */
function bundleDocs(event: Record<string, unknown>, articleCount: number): [string, Uint8Array][] {
  // Buffer.from rather than TextEncoder: small buffers come out of Node's pool, not one allocation each.
  const encode = (text: string) => Buffer.from(text);
  return [
    ['README.md', encode(`# ${String(event.title)}\n\nThe ${articleCount} article(s) of this event from ${archive.dataset.title} ${release.version}, with their captures. Columns are described in the full dataset's README.md.\n`)],
    ['event.json', encode(JSON.stringify(event, null, 2) + '\n')],
  ];
}

/**
 * An event's bundle key: the SHA-256 of everything its zip is made from (its
 * documents, its articles' rows, its captures' paths and hashes, the release
 * date). The rows by their keys (Table.rowKeys, which digest everything a row
 * is made from) and the code that makes a row from them (ROW_CODE), so that
 * keying 5,000 bundles reads none of their rows. The code that makes the zip
 * from them is the cache's fingerprint.
 */
function bundleKey(id: string, docs: readonly [string, Uint8Array][], rowKeys: readonly string[], capturePaths: readonly string[]): string {
  const hash = createHash('sha256').update(`${id}\0${release.date}\0${ROW_CODE}\0`);
  for (const [path, bytes] of docs) hash.update(`${path}\0${bytes.length}\0`).update(bytes);
  for (const key of rowKeys) hash.update(`${key}\0`);
  for (const capture of capturePaths) hash.update(`\0${capture}\0${captures.get(capture)!.sha256}`);
  return hash.digest('hex');
}

/** Each event's bundle key (see bundleKey), by event id. */
function keyBundles({ articles, events, articlesOf }: BundleSources): Map<string, string> {
  const rowKeys = articles.rowKeys;
  if (!rowKeys) throw new Error('the articles table has no row keys to key the event bundles by');
  return new Map(events.rows.map((event) => {
    const id = String(event.id);
    const rows = articlesOf.get(id) ?? [];
    return [id, bundleKey(id, bundleDocs(event, rows.length), rows.map((index) => rowKeys[index]!), rows.map((index) => String(articles.rows[index]!.capture_path)))];
  }));
}

/**
 * One zip per event: its articles in every table format, and their captures.
 * The CSV and JSON Lines rows are copied, byte for byte, from the full tables'
 * files. The bundles not in `toMake` are linked from the cache, by their key.
 */
async function writeEventBundles(sources: BundleSources, keys: ReadonlyMap<string, string>, toMake: ReadonlySet<string>): Promise<void> {
  const { articles, events, articlesOf, rowsOf } = sources;
  const bundle = async (event: Record<string, unknown>) => {
    const id = String(event.id);
    const path = `events/${id}.zip`;
    if (!toMake.has(id)) {
      record(path, await cache.reuseBundle(keys.get(id)!, join(out, path)));
      return;
    }
    const rows = articlesOf.get(id) ?? [];
    const capturePaths = rows.map((index) => String(articles.rows[index]!.capture_path));
    // An event without articles has no partition: its Parquet file holds the table with no rows.
    const parquetFile = rows.length > 0 ? join(EVENT_PARQUET, `events_partition=${id}`, 'data_0.parquet') : join(EVENT_PARQUET, 'none.parquet');
    const docs = bundleDocs(event, rows.length);
    const bundled: [string, Uint8Array][] = [...docs, ['articles.csv', await rowsOf('csv', rows)], ['articles.jsonl', await rowsOf('jsonl', rows)]];
    const entries: ZipEntry[] = [];
    for (const [path, bytes] of bundled) entries.push({ path, ...(await packBytes(path, bytes)) });
    entries.push({ path: 'articles.parquet', ...(await packBytes('articles.parquet', await readFile(parquetFile))) });
    for (const capture of capturePaths) entries.push({ path: capture, ...packedCaptures.get(capture)! });
    const made = await writeZip(join(out, path), entries.map((entry) => ({ ...entry, path: `${id}/${entry.path}` })), release.date);
    record(path, made);
    await cache.keepBundle(keys.get(id)!, join(out, path), made);
  };
  await mkdir(join(out, 'events'), { recursive: true });
  try {
    await eachConcurrently(events.rows, bundle, availableParallelism() * 2);
  } finally {
    await sources.close();
  }
  console.log(`export: event bundles: ${toMake.size} made, ${events.rows.length - toMake.size} unchanged (from ${relative(root, CACHE_DIR)})`);
}
