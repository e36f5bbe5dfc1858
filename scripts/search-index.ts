/**
 * Builds the Pagefind search index: one bundle per language under
 * OUT/<bundle>/, OUT/bundles.json, which tells the search page which
 * bundles hold which scripts, and the filters' labels in each interface
 * language under OUT/labels/<lang>/.
 *
 * The records come from the content and the body cache, not from the built
 * pages (src/lib/search-records.ts), and the documentation pages' from their
 * sources (src/lib/documentation.ts): so the bundles are built while the
 * exports are written and Astro renders the site.
 *
 * Why so many bundles:
 * - Pagefind compiles each language's stemmer into that language's WebAssembly,
 *   and an index merged into another (mergeIndex) is searched with the
 *   primary's stemmer. So each language gets its own bundle, and the search
 *   page searches each through its own module instance.
 * - A stemmer must only read its own script: Arabic stemming turns the
 *   Devanagari प्रतिबंध into पर. So a bundle holds one script: the names an
 *   article should be found by in other scripts (its entities' names, its
 *   events' titles; for an Arabic or Hindi article also its English title and
 *   the Latin words of its text) go, as a names record pointing at the article,
 *   to the bundle of that script (hi for Devanagari, ar for Arabic, en for
 *   Latin). A query then loads only the bundles of its own script: a Latin query
 *   English and Malay, a Devanagari one Hindi.
 * - Indexing one bundle at a time bounds memory (measured at 100,000 pages:
 *   5.3 GiB instead of 12.4 GiB for a single run), and lets two processes
 *   share the bundles out by hand (--only, --except). A language with more records
 *   than one Pagefind run can hold within the memory budget is split into
 *   shards (src/lib/search-shards.ts).
 */
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildTables, computeBodyText } from '../src/export/tables.ts';
import { defaultLocale, localeKeys } from '../src/i18n/locales.ts';
import { buildArchiveIndex } from '../src/lib/archive-index.ts';
import { BODY_CACHE_FILE, bodyTextByKey, openBodyCache } from '../src/lib/body-cache.ts';
import { bodyKey } from '../src/lib/body-key.ts';
import { loadCollectionKeys } from '../src/lib/content-files.ts';
import { loadDataset } from '../src/lib/dataset-file.ts';
import { dataDictionaryPage, markdownPage, type DocumentationPage } from '../src/lib/documentation.ts';
import { LABELS_DIR, labelFiles } from '../src/lib/filter-labels.ts';
import { likelyScript } from '../src/lib/languages.ts';
import { loadedFiles } from '../src/lib/pagefind-files.ts';
import { paths } from '../src/lib/routing.ts';
import { filterLabels } from '../src/lib/search-fields.ts';
import { documentationRecords, searchRecords } from '../src/lib/search-records.ts';
import { decodeIndexedHashes, encodeIndexedHashes, hashShard, pageHasher, type ShardPage } from '../src/lib/search-record-hashes.ts';
import { RECORDS_PER_SHARD, shardIndex, shardsOf, type Shard } from '../src/lib/search-shards.ts';
import { RENDERER_FINGERPRINT } from '../src/markdown/render.ts';
import { SITE_URL } from '../src/site-config.ts';
import { codeFingerprint } from '../src/lib/fingerprint.ts';
import { trackChildProcesses } from './lib/child-exits.ts';
import { writeTree } from './lib/write-tree.ts';

const USAGE = `Usage: node scripts/search-index.ts [--root DIR] [--out DIR] [--only L,…] [--except L,…] [--shard-records N]

Indexes the content under --root (default .) with Pagefind into --out
(default .cache/pagefind): one bundle per language (holding the pages in that
language and the names other pages have in its script), bundles.json, and the
filters' labels in each interface language (labels/<lang>/). The
documentation pages, from their sources, go to the first English bundle.
--only and --except choose languages. A language with more than
--shard-records records (default ${RECORDS_PER_SHARD}, or the environment's
ATLAS_SEARCH_SHARD_RECORDS) is split into shards. What each shard indexed,
page by page, is kept beside --out, in <out>-indexed/, for the next run.`;

/** How many records are sent to Pagefind before the first of them is answered. */
const RECORDS_IN_FLIGHT = 32;
/** The language whose first shard holds the documentation pages. */
const DOCS_LANGUAGE = 'en';
/** The documentation pages written in Markdown, and their sources; the data dictionary is generated. */
const MARKDOWN_DOCS = [
  { url: paths.about(), source: 'src/pages/about.md' },
  { url: paths.contributing(), source: 'src/pages/docs/contributing.md' },
  { url: paths.citing(), source: 'src/pages/docs/citing.md' },
];
const PROJECT = join(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: '.' },
    out: { type: 'string', default: '.cache/pagefind' },
    only: { type: 'string' },
    except: { type: 'string' },
    'shard-records': { type: 'string', default: process.env.ATLAS_SEARCH_SHARD_RECORDS ?? String(RECORDS_PER_SHARD) },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const root = resolve(values.root);
const out = resolve(values.out);
const only = values.only ? new Set(values.only.split(',')) : undefined;
const except = new Set(values.except?.split(',') ?? []);
const wanted = (language: string) => (only ? only.has(language) : true) && !except.has(language);
const recordsPerShard = Number(values['shard-records']);
if (!Number.isInteger(recordsPerShard) || recordsPerShard < 1) throw new Error(`--shard-records must be a whole number above 0, not ${values['shard-records']}`);

/** One bundle's entry in bundles.json. */
interface BundleEntry {
  /** Its folder: the language, or a shard of it ("hi-2"). */
  bundle: string;
  /** Pagefind language, i.e. the stemmer used. */
  language: string;
  /** Scripts of the text in this bundle: the search page queries a bundle only for a query in one of them. */
  scripts: string[];
  pages: number;
  /** SHA-256 of everything indexed (bodies by their Markdown's hash), of the code and of Pagefind's version: a bundle whose input is unchanged is kept, not built again. */
  input: string;
  /** The same, of the records as indexed (bodies by the text taken from them; src/lib/search-record-hashes.ts): a bundle whose input changed but whose records did not is kept too. */
  records: string;
}

// Loaded by their bodies' keys: a file the record cache has kept is not read unless its shard is built again.
const records = await Promise.all((['articles', 'events', 'sources', 'entities', 'topics'] as const).map((c) => loadCollectionKeys(root, c)));
const [articles, events, sources, entities, topics] = records.map((collection) => collection.records);
const archive = buildArchiveIndex({
  articles: articles!.map((r) => r.data) as never,
  events: events!.map((r) => r.data) as never,
  sources: sources!.map((r) => r.data) as never,
  entities: entities!.map((r) => r.data) as never,
  topics: topics!.map((r) => r.data) as never,
});
const bodies = new Map([...articles!, ...events!].map((r) => [`${r.file.startsWith('content/events/') ? 'events' : 'articles'}/${r.data.id}`, r]));
const cache = openBodyCache(join(root, BODY_CACHE_FILE), RENDERER_FINGERPRINT, 'read');
/** A body's text, from the body cache that the build fills first (made from its Markdown when missing). */
const bodyText = (collection: 'articles' | 'events', id: string) => {
  const record = bodies.get(`${collection}/${id}`);
  if (!record) return '';
  return bodyTextByKey(cache, record.bodyKey, record.readBody, 'und').text;
};
/**
 * What a shard's input hash reads in place of a body's text: the body's key,
 * the SHA-256 of its Markdown. The text is made from the Markdown by the code
 * in SEARCH_SOURCES, which the hash covers too. Reading every text to find a
 * shard unchanged was half of this stage's time when no shard was built again.
 */
const bodyTextStandIn = (collection: 'articles' | 'events', id: string) => bodies.get(`${collection}/${id}`)?.bodyKey ?? bodyKey('');

/**
 * Every record as a shard's input hash reads it: its language, its URL (which picks its shard) and the
 * SHA-256 of the record with each body's key in place of its text. One pass over the archive gives both
 * how many records each language has, and so its shards, and what each shard is built from.
 */
const inputRecords: [language: string, url: string, sha256: Buffer][] = [];
for (const record of searchRecords(archive, bodyTextStandIn)) inputRecords.push([record.bundle, record.url, createHash('sha256').update(JSON.stringify(record)).digest()]);
const recordCounts = new Map<string, number>();
for (const [language] of inputRecords) recordCounts.set(language, (recordCounts.get(language) ?? 0) + 1);
const shards = [...recordCounts].sort(([a], [b]) => a.localeCompare(b)).flatMap(([language, count]) => shardsOf(language, count, recordsPerShard));
const bundles = new Set(shards.map((shard) => shard.bundle));
/** The documentation pages go to the first shard of the English bundle. */
const holdsDocs = (shard: Shard) => shard.language === DOCS_LANGUAGE && shard.index === 0;
const documentation: DocumentationPage[] = [
  ...(await Promise.all(MARKDOWN_DOCS.map(async ({ url, source }) => markdownPage(url, await readFile(join(PROJECT, source), 'utf8'))))),
  dataDictionaryPage(paths.dataDictionary(), buildTables({
    articles: [], events: [], sources: [], entities: [], topics: [], captures: new Map(), dataset: await loadDataset(root), siteUrl: SITE_URL, bodyText: computeBodyText,
  })),
];

/**
 * The code that makes the records and the bodies' text: a change to it builds every bundle again. What acts on
 * front matter alone needs not be here (the input hash reads the records themselves), but what reads a body's
 * text must be, since the input hash reads a body's key in its place: the text's making (tables, plain-text, the
 * Markdown pipeline) and what a record takes from it (search-records' names the text holds, through words.ts).
 */
const SEARCH_SOURCES = [
  'scripts/search-index.ts', 'src/lib/search-records.ts', 'src/lib/search-fields.ts', 'src/lib/pagefind-files.ts', 'src/lib/words.ts',
  'src/lib/body-cache.ts', 'src/lib/body-key.ts', 'src/export/tables.ts', 'src/export/plain-text.ts', 'src/markdown',
];
/** Pagefind's indexer processes: each is waited for once closed, so that its CPU time is counted as this stage's. */
const indexers = trackChildProcesses();
const searchCode = codeFingerprint(SEARCH_SOURCES);
const pagefindVersion = (JSON.parse(await readFile(join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;
/** What each shard is built from, hashed (SHA-256): Pagefind's version, the code, and its records in order. */
const shardInputs = new Map(shards.map((shard) => [shard.bundle, createHash('sha256').update(pagefindVersion).update(searchCode)]));
const shardsOfLanguage = Map.groupBy(shards, (shard) => shard.language);
/** Each shard's pages, in order, with their input records' hashes. */
const shardPages = new Map<string, ShardPage[]>(shards.map((shard) => [shard.bundle, []]));
for (const [language, url, sha256] of inputRecords) {
  const ofLanguage = shardsOfLanguage.get(language)!;
  const { bundle } = ofLanguage[shardIndex(url, ofLanguage.length)]!;
  shardInputs.get(bundle)!.update(sha256);
  shardPages.get(bundle)!.push({ url, input: sha256 });
}
for (const shard of shards.filter(holdsDocs)) for (const record of documentationRecords(documentation)) shardInputs.get(shard.bundle)!.update(JSON.stringify(record));
/** What makes the records of a page as indexed from its input: Pagefind's version and the code. */
const recordsCode = createHash('sha256').update(pagefindVersion).update(searchCode).digest('hex');
/** Each shard's pages' hashes as indexed, by their input's (src/lib/search-record-hashes.ts), kept beside the bundles rather than in them: they are not published. */
const INDEXED_HASHES_DIR = join(dirname(out), `${basename(out)}-indexed`);
const indexedHashesFile = (bundle: string) => join(INDEXED_HASHES_DIR, `${bundle}.bin`);
async function keepIndexedHashes(bundle: string, pages: readonly ShardPage[], indexedOf: (page: ShardPage) => Buffer): Promise<void> {
  const file = indexedHashesFile(bundle);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, encodeIndexedHashes(recordsCode, new Map(pages.map((page) => [page.input.toString('hex'), indexedOf(page)]))));
}
/** Each bundle's entry of bundles.json is kept in its folder, written last: a bundle without it is incomplete. */
const entryFile = (bundle: string) => join(out, bundle, 'bundle.json');
const readEntry = (bundle: string) => readFile(entryFile(bundle), 'utf8').then((text) => JSON.parse(text) as BundleEntry).catch(() => undefined);

for (const shard of shards.filter((s) => wanted(s.language))) {
  const { bundle, language, index: shardNumber, of } = shard;
  const started = performance.now();
  const records = function* () {
    yield* searchRecords(archive, bodyText, (b) => b === language, (url) => shardIndex(url, of) === shardNumber);
    if (holdsDocs(shard)) yield* documentationRecords(documentation);
  };
  // Pagefind has no incremental mode: a bundle is either kept whole or built again.
  const inputHash = shardInputs.get(bundle)!.digest('hex');
  const earlier = await readEntry(bundle);
  if (earlier?.input === inputHash) {
    console.log(`search: ${bundle}: unchanged, kept`);
    continue;
  }
  const pages = shardPages.get(bundle)!;
  const documentationOf = () => (holdsDocs(shard) ? documentationRecords(documentation) : []);
  if (earlier) {
    // A body's Markdown changed, but perhaps not what this bundle takes from it (a Hindi article's Devanagari
    // sentence leaves its names record in the Latin bundle as it was): the records decide. Those of the pages
    // whose input is new are read (a moment) rather than indexed again (a minute or more); the others' are known.
    const known = decodeIndexedHashes(recordsCode, await readFile(indexedHashesFile(bundle)).catch(() => undefined));
    const newPages = new Set(pages.filter((page) => !known.has(page.input.toString('hex'))).map((page) => page.url));
    const read = pageHasher();
    for (const record of searchRecords(archive, bodyText, (b) => b === language, (url) => newPages.has(url))) read.add(record);
    const indexedOf = (page: ShardPage) => known.get(page.input.toString('hex')) ?? read.digest(page.url);
    if (earlier.records === hashShard(recordsCode, pages, indexedOf, documentationOf())) {
      await keepIndexedHashes(bundle, pages, indexedOf);
      await writeFile(entryFile(bundle), JSON.stringify({ ...earlier, input: inputHash }, null, 2) + '\n');
      console.log(`search: ${bundle}: its input changed, not its records (${newPages.size} of ${pages.length} pages read in ${((performance.now() - started) / 1000).toFixed(1)} s): kept`);
      continue;
    }
  }
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not create the ${bundle} index: ${errors.join('; ')}`);
  let indexed = 0;
  // Hashed as they are sent: what the next build compares its records with.
  const indexedHashes = pageHasher();
  // Many records in flight, so that Pagefind's service never waits for the next one.
  const inFlight = new Set<Promise<void>>();
  for (const record of records()) {
    indexedHashes.add(record);
    const { url, content, meta, filters, sort } = record;
    const added = index.addCustomRecord({ url, content, language, meta, filters, sort }).then((result) => {
      if (result.errors.length > 0) throw new Error(`Pagefind could not index ${url} in ${bundle}: ${result.errors.join('; ')}`);
      inFlight.delete(added);
    });
    inFlight.add(added);
    if (inFlight.size >= RECORDS_IN_FLIGHT) await Promise.race(inFlight);
    indexed++;
  }
  await Promise.all(inFlight);
  const bundleFiles = await index.getFiles();
  if (bundleFiles.errors.length > 0) throw new Error(`Pagefind could not produce the ${bundle} bundle: ${bundleFiles.errors.join('; ')}`);
  // Closing stops Pagefind's service, so the next bundle starts with empty memory.
  await pagefind.close();
  await indexers.allExited();
  // Only the files that changed are written (scripts/lib/write-tree.ts). The entry goes first and comes back
  // last, so that a bundle left half written by a run that stopped is built again.
  await rm(entryFile(bundle), { force: true });
  const files = await writeTree(join(out, bundle), loadedFiles(bundleFiles.files));
  await keepIndexedHashes(bundle, pages, (page) => indexedHashes.digest(page.url));
  const recordsHash = hashShard(recordsCode, pages, (page) => indexedHashes.digest(page.url), documentationOf());
  const entry: BundleEntry = { bundle, language, scripts: [likelyScript(language)], pages: indexed, input: inputHash, records: recordsHash };
  await writeFile(entryFile(bundle), JSON.stringify(entry, null, 2) + '\n');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`search: ${bundle}: ${indexed} records in ${seconds} s (files: ${files.written} written, ${files.unchanged} unchanged, ${files.removed} removed)`);
}
cache.close();

// A bundle the content no longer fills (a language removed, or a layout of an earlier version) goes, and its hashes.
for (const entry of await readdir(out, { withFileTypes: true }).catch(() => [])) {
  if (entry.isDirectory() && !bundles.has(entry.name) && entry.name !== LABELS_DIR) await rm(join(out, entry.name), { recursive: true, force: true });
}
for (const name of await readdir(INDEXED_HASHES_DIR).catch(() => [])) {
  if (!bundles.has(name.replace(/\.bin$/, ''))) await rm(join(INDEXED_HASHES_DIR, name), { force: true });
}
// bundles.json, once every bundle is complete: written by whichever run completes the last one (each writes its
// entries before it looks, so the last to look sees them all; runs that both see them all write the same bytes).
const entries = await Promise.all([...bundles].sort().map(readEntry));
if (entries.every((entry) => entry !== undefined)) {
  await mkdir(out, { recursive: true });
  // The filters' labels in each interface language (src/lib/filter-labels.ts), and how many files each has.
  const labelFileCounts: Record<string, number> = {};
  for (const lang of localeKeys.filter((l) => l !== defaultLocale)) {
    const files = labelFiles(filterLabels(archive, lang));
    await writeTree(join(out, LABELS_DIR, lang), files.map((labels, i) => ({ path: `${i}.json`, content: Buffer.from(JSON.stringify(labels)) })));
    labelFileCounts[lang] = files.length;
  }
  const manifest = join(out, 'bundles.json');
  await writeFile(`${manifest}.${process.pid}`, JSON.stringify({ bundles: entries, labels: labelFileCounts }, null, 2) + '\n');
  await rename(`${manifest}.${process.pid}`, manifest);
} else {
  const missing = [...bundles].sort().filter((_, i) => !entries[i]);
  console.log(`search: bundles.json left for the run that builds the last bundle (still to build: ${missing.join(', ')})`);
}
