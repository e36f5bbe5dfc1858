/**
 * Writes the dataset exports: every table as CSV, JSON Lines and Parquet, one
 * SQLite database, the captures, the data package, docs, per-event bundles, a
 * BagIt zip of the release and SHA256SUMS. Two runs over the same content give
 * byte-identical files: nothing depends on the clock or the machine.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBag, zipFolder } from '../src/export/bagit.ts';
import { buildDataPackage, type WrittenFile } from '../src/export/datapackage.ts';
import { buildChangelog, buildCitation, buildLicense, buildReadme } from '../src/export/docs.ts';
import { buildTables, type Table } from '../src/export/tables.ts';
import { toCsv, toJsonLines, writeParquet, writeSqlite, writeText } from '../src/export/writers.ts';
import { BODY_CACHE_FILE, openBodyCache, plainTextReader } from '../src/lib/body-cache.ts';
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

const archive = await loadArchive(root);
const release = archive.dataset.releases[0]!;
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

// Captures, byte for byte.
const captures = new Map<string, { bytes: number; sha256: string }>();
for (const path of [...new Set(archive.articles.map((a) => a.data.capture.path))].sort()) {
  const bytes = await readFile(join(root, 'content', path));
  captures.set(path, { bytes: bytes.length, sha256: sha256(bytes) });
  await mkdir(join(out, 'captures'), { recursive: true });
  await copyFile(join(root, 'content', path), join(out, path));
}

// Bodies' plain text comes from the body cache that the build fills first (computed here when missing).
const bodyCache = openBodyCache(join(root, BODY_CACHE_FILE), RENDERER_FINGERPRINT, 'read');
const tables = buildTables({
  articles: archive.articles,
  events: archive.events,
  sources: archive.sources.map((r) => r.data),
  entities: archive.entities.map((r) => r.data),
  captures,
  dataset: archive.dataset,
  siteUrl: SITE_URL,
  toPlainText: plainTextReader(bodyCache),
});
bodyCache.close();

const tablePath = (table: string, format: 'csv' | 'jsonl' | 'parquet') => `${format}/${table}.${format}`;
for (const table of tables) {
  await writeText(join(out, tablePath(table.name, 'csv')), toCsv(table));
  await writeText(join(out, tablePath(table.name, 'jsonl')), toJsonLines(table));
}
await writeParquet(tables.map((table) => ({ table, jsonl: join(out, tablePath(table.name, 'jsonl')), parquet: join(out, tablePath(table.name, 'parquet')) })));
const SQLITE = 'coverage-atlas.sqlite';
await writeSqlite(tables, join(out, SQLITE));

await writeText(join(out, 'README.md'), buildReadme(archive.dataset, tables));
await writeText(join(out, 'CHANGELOG.md'), buildChangelog(archive.dataset));
await writeText(join(out, 'CITATION.cff'), buildCitation(archive.dataset));
await writeText(join(out, 'LICENSE.md'), buildLicense(archive.dataset));

/** Every file under the export (relative paths, sorted), with size and hash. */
async function inventory(exclude: (path: string) => boolean = () => false): Promise<Map<string, WrittenFile>> {
  const files = new Map<string, WrittenFile>();
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  for (const path of entries.filter((e) => e.isFile()).map((e) => relative(out, join(e.parentPath, e.name)).split('\\').join('/')).sort()) {
    if (exclude(path)) continue;
    const bytes = await readFile(join(out, path));
    files.set(path, { path, bytes: bytes.length, sha256: sha256(bytes) });
  }
  return files;
}

const dataPackage = buildDataPackage({ dataset: archive.dataset, tables, sources: archive.sources.map((r) => r.data), files: await inventory(), tablePath, sqlitePath: SQLITE });
await writeText(join(out, 'datapackage.json'), JSON.stringify(dataPackage, null, 2) + '\n');

// The release as one BagIt zip: the data package, its docs and the captures.
const payload = await inventory();
const bagName = `${archive.dataset.name}-${release.version}`;
const bag = buildBag(
  await Promise.all([...payload.keys()].map(async (path) => ({ path, bytes: new Uint8Array(await readFile(join(out, path))) }))),
  { identifier: bagName, date: release.date, organization: archive.dataset.contributors[0]!.title, description: archive.dataset.title, version: release.version },
);
await writeFile(join(out, `${bagName}.zip`), zipFolder(bagName, bag, release.date));

// One small bundle per event: its articles in every table format, and their captures.
await writeEventBundles(tables);

// Checksums of every file, in the format `sha256sum -c` reads.
const sums = [...(await inventory((path) => path === 'SHA256SUMS')).values()].map((f) => `${f.sha256}  ${f.path}\n`).join('');
await writeText(join(out, 'SHA256SUMS'), sums);

const total = [...(await inventory()).values()].reduce((sum, f) => sum + f.bytes, 0);
console.log(`export: ${tables.map((t) => `${t.name} ${t.rows.length}`).join(', ')}; ${(total / 1024 / 1024).toFixed(1)} MiB in ${out} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

async function writeEventBundles(allTables: readonly Table[]): Promise<void> {
  const articles = allTables.find((t) => t.name === 'articles')!;
  const events = allTables.find((t) => t.name === 'events')!;
  const scratch = join(out, '.event-bundles');
  const parquetJobs = events.rows.map((event) => ({
    table: articles,
    jsonl: join(out, tablePath('articles', 'jsonl')),
    parquet: join(scratch, `${String(event.id)}.parquet`),
    where: `list_contains(events, '${String(event.id).replaceAll("'", "''")}')`,
  }));
  await writeParquet(parquetJobs);
  for (const event of events.rows) {
    const id = String(event.id);
    const subset: Table = { ...articles, rows: articles.rows.filter((row) => (row.events as string[]).includes(id)) };
    const encode = (text: string) => new TextEncoder().encode(text);
    const files = new Map<string, Uint8Array>([
      ['README.md', encode(`# ${String(event.title)}\n\nThe ${subset.rows.length} article(s) of this event from ${archive.dataset.title} ${release.version}, with their captures. Columns are described in the full dataset's README.md.\n`)],
      ['event.json', encode(JSON.stringify(event, null, 2) + '\n')],
      ['articles.csv', encode(toCsv(subset))],
      ['articles.jsonl', encode(toJsonLines(subset))],
      ['articles.parquet', new Uint8Array(await readFile(join(scratch, `${id}.parquet`)))],
    ]);
    for (const row of subset.rows) files.set(String(row.capture_path), new Uint8Array(await readFile(join(out, String(row.capture_path)))));
    await mkdir(join(out, 'events'), { recursive: true });
    await writeFile(join(out, 'events', `${id}.zip`), zipFolder(id, files, release.date));
  }
  await rm(scratch, { recursive: true, force: true });
}
