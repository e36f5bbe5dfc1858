/**
 * Builds the Pagefind search index: one bundle per language under
 * OUT/<bundle>/, and OUT/bundles.json, which tells the search page which
 * bundles hold which scripts.
 *
 * The records come from the content and the body cache, not from the built
 * pages (src/lib/search-records.ts), so the bundles are built while Astro
 * renders the site; only the few documentation pages are read from the built
 * site, into the first English shard, built once the site is (build.ts runs
 * a second search run then, sharing the bundles left through --claims).
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
 *   share the bundles out (--only, --except). A language with more records
 *   than one Pagefind run can hold within the memory budget is split into
 *   shards (src/lib/search-shards.ts).
 */
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildArchiveIndex } from '../src/lib/archive-index.ts';
import { BODY_CACHE_FILE, bodyTextReader, openBodyCache } from '../src/lib/body-cache.ts';
import { loadCollection } from '../src/lib/content-files.ts';
import { likelyScript } from '../src/lib/languages.ts';
import { paths } from '../src/lib/routing.ts';
import { searchRecords } from '../src/lib/search-records.ts';
import { RECORDS_PER_SHARD, shardIndex, shardsOf, type Shard } from '../src/lib/search-shards.ts';
import { RENDERER_FINGERPRINT } from '../src/markdown/render.ts';

const USAGE = `Usage: node scripts/search-index.ts [--root DIR] [--out DIR] [--site DIR] [--only L,…] [--except L,…]
                                  [--shard-records N] [--claims DIR] [--skip-docs]

Indexes the content under --root (default .) with Pagefind into --out
(default .cache/pagefind): one bundle per language (holding the pages in that
language and the names other pages have in its script), and bundles.json. The
documentation pages are read from the built site (--site, default dist) into
the first English bundle; --skip-docs leaves that bundle out, for a run while
the site is still being built. --only and --except choose languages. A language
with more than --shard-records records (default ${RECORDS_PER_SHARD}, or the
environment's ATLAS_SEARCH_SHARD_RECORDS) is split into shards. Runs given the
same --claims folder share the bundles out: each bundle is built by the first
run to claim it there.`;

/** How many records are sent to Pagefind before the first of them is answered. */
const RECORDS_IN_FLIGHT = 32;
/** The language whose first shard holds the documentation pages, read from the built site. */
const DOCS_LANGUAGE = 'en';
const DOCS_PAGES = [paths.about(), paths.dataDictionary(), paths.contributing(), paths.citing()];

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: '.' },
    out: { type: 'string', default: '.cache/pagefind' },
    site: { type: 'string', default: 'dist' },
    only: { type: 'string' },
    except: { type: 'string' },
    'shard-records': { type: 'string', default: process.env.ATLAS_SEARCH_SHARD_RECORDS ?? String(RECORDS_PER_SHARD) },
    claims: { type: 'string' },
    'skip-docs': { type: 'boolean', default: false },
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
  /** SHA-256 of everything indexed (and of Pagefind's version): a bundle whose input is unchanged is kept, not built again. */
  input: string;
}

const records = await Promise.all((['articles', 'events', 'sources', 'entities'] as const).map((c) => loadCollection(root, c)));
const [articles, events, sources, entities] = records.map((collection) => collection.records);
const archive = buildArchiveIndex({
  articles: articles!.map((r) => r.data) as never,
  events: events!.map((r) => r.data) as never,
  sources: sources!.map((r) => r.data) as never,
  entities: entities!.map((r) => r.data) as never,
});
const bodies = new Map([...articles!, ...events!].map((r) => [`${r.file.startsWith('content/events/') ? 'events' : 'articles'}/${r.data.id}`, r.body]));
const cache = openBodyCache(join(root, BODY_CACHE_FILE), RENDERER_FINGERPRINT, 'read');
const readBody = bodyTextReader(cache);
const bodyText = (collection: 'articles' | 'events', id: string) => readBody(bodies.get(`${collection}/${id}`) ?? '', 'und').text;

// How many records each language's bundle gets, and so its shards: a pass that asks for every bundle and takes no record.
const recordCounts = new Map<string, number>();
for (const _ of searchRecords(archive, bodyText, (language) => (recordCounts.set(language, (recordCounts.get(language) ?? 0) + 1), false)));
const shards = [...recordCounts].sort(([a], [b]) => a.localeCompare(b)).flatMap(([language, count]) => shardsOf(language, count, recordsPerShard));
const bundles = new Set(shards.map((shard) => shard.bundle));
/** The documentation pages go to the first shard of the English bundle, so that the other shards need not wait for the site. */
const holdsDocs = (shard: Shard) => shard.language === DOCS_LANGUAGE && shard.index === 0;
/**
 * The order of this run: the documentation's bundle first (it can only be
 * built once the site is), then the largest first, so that runs sharing the
 * bundles out finish close together.
 */
const size = (shard: Shard) => (holdsDocs(shard) && !values['skip-docs'] ? Infinity : recordCounts.get(shard.language)! / shard.of);
const queue = shards.filter((shard) => wanted(shard.language) && !(values['skip-docs'] && holdsDocs(shard))).sort((a, b) => size(b) - size(a));

const pagefindVersion = (JSON.parse(await readFile(join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;
const docs = async () => Promise.all(DOCS_PAGES.map(async (page) => ({ page, html: await readFile(join(resolve(values.site), page, 'index.html'), 'utf8') })));
/** Each bundle's entry of bundles.json is kept in its folder, written last: a bundle without it is incomplete. */
const entryFile = (bundle: string) => join(out, bundle, 'bundle.json');
const readEntry = (bundle: string) => readFile(entryFile(bundle), 'utf8').then((text) => JSON.parse(text) as BundleEntry).catch(() => undefined);

/** Claims a bundle for this run in the --claims folder; false when another run has claimed it. */
async function claim(bundle: string): Promise<boolean> {
  if (!values.claims) return true;
  await mkdir(values.claims, { recursive: true });
  return writeFile(join(values.claims, bundle), String(process.pid), { flag: 'wx' }).then(
    () => true,
    (error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? false : Promise.reject(error)),
  );
}

for (const shard of queue) {
  const { bundle, language, index: shardNumber, of } = shard;
  if (!(await claim(bundle))) continue;
  const started = performance.now();
  const records = () => searchRecords(archive, bodyText, (b) => b === language, (url) => shardIndex(url, of) === shardNumber);
  // Pagefind has no incremental mode: a bundle is either kept whole or built again.
  const input = createHash('sha256').update(pagefindVersion);
  for (const record of records()) input.update(JSON.stringify(record));
  const docPages = holdsDocs(shard) ? await docs() : [];
  for (const { html } of docPages) input.update(html);
  const inputHash = input.digest('hex');
  if ((await readEntry(bundle))?.input === inputHash) {
    console.log(`search: ${bundle}: unchanged, kept`);
    continue;
  }
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not create the ${bundle} index: ${errors.join('; ')}`);
  let pages = 0;
  // Many records in flight, so that Pagefind's service never waits for the next one.
  const inFlight = new Set<Promise<void>>();
  for (const { url, content, meta, filters, sort } of records()) {
    const added = index.addCustomRecord({ url, content, language, meta, filters, sort }).then((result) => {
      if (result.errors.length > 0) throw new Error(`Pagefind could not index ${url} in ${bundle}: ${result.errors.join('; ')}`);
      inFlight.delete(added);
    });
    inFlight.add(added);
    if (inFlight.size >= RECORDS_IN_FLIGHT) await Promise.race(inFlight);
    pages++;
  }
  await Promise.all(inFlight);
  for (const { page, html } of docPages) {
    const result = await index.addHTMLFile({ url: page, content: html });
    if (result.errors.length > 0) throw new Error(`Pagefind could not index ${page}: ${result.errors.join('; ')}`);
    pages++;
  }
  await rm(join(out, bundle), { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: join(out, bundle) });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write the ${bundle} bundle: ${written.errors.join('; ')}`);
  // Closing stops Pagefind's service, so the next bundle starts with empty memory.
  await pagefind.close();
  const entry: BundleEntry = { bundle, language, scripts: [likelyScript(language)], pages, input: inputHash };
  await writeFile(entryFile(bundle), JSON.stringify(entry, null, 2) + '\n');
  console.log(`search: ${bundle}: ${pages} records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
cache.close();

// A bundle the content no longer fills (a language removed, or a layout of an earlier version) goes.
for (const entry of await readdir(out, { withFileTypes: true }).catch(() => [])) {
  if (entry.isDirectory() && !bundles.has(entry.name)) await rm(join(out, entry.name), { recursive: true, force: true });
}
// bundles.json, once every bundle is complete: written by whichever run completes the last one (each writes its
// entries before it looks, so the last to look sees them all; runs that both see them all write the same bytes).
const entries = await Promise.all([...bundles].sort().map(readEntry));
if (entries.every((entry) => entry !== undefined)) {
  await mkdir(out, { recursive: true });
  const manifest = join(out, 'bundles.json');
  await writeFile(`${manifest}.${process.pid}`, JSON.stringify({ bundles: entries }, null, 2) + '\n');
  await rename(`${manifest}.${process.pid}`, manifest);
} else {
  const missing = [...bundles].sort().filter((_, i) => !entries[i]);
  console.log(`search: bundles.json left for the run that builds the last bundle (still to build: ${missing.join(', ')})`);
}
