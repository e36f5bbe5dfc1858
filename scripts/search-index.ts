/**
 * Builds the Pagefind search index over the built site: one bundle per
 * language under DIST/pagefind/<bundle>/, and DIST/pagefind/bundles.json,
 * which tells the search page which bundles hold which scripts.
 *
 * Why so many bundles:
 * - Pagefind compiles each language's stemmer into that language's WebAssembly,
 *   and an index merged into another (mergeIndex) is searched with the
 *   primary's stemmer. So each language gets its own bundle, and the search
 *   page searches each through its own module instance.
 * - A stemmer must only read its own script: Arabic stemming turns the
 *   Devanagari प्रतिबंध into पर. So the names an article should be found by in
 *   other scripts (its entities' names, its events' titles) go to a names bundle
 *   per script, stemmed for that script (names-hi, names-ar), not into the
 *   article's own bundle. Latin-script names stay with the page.
 * - Indexing one bundle at a time bounds memory (measured at 100,000 pages:
 *   5.3 GiB instead of 12.4 GiB for a single run).
 *
 * Pages declare their bundle with data-search-bundle beside data-pagefind-body.
 */
import * as pagefind from 'pagefind';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildArchiveIndex } from '../src/lib/archive-index.ts';
import { loadCollection } from '../src/lib/content-files.ts';
import { likelyScript } from '../src/lib/languages.ts';
import { articleSearchFields, entitySearchFields, eventSearchFields, namesBundle, sourceSearchFields, type SearchFields } from '../src/lib/search-fields.ts';
import { listHtmlFiles } from './lib/html-files.ts';

const USAGE = `Usage: node scripts/search-index.ts [--site DIR] [--root DIR]

Indexes the built site (default dist/) with Pagefind into DIR/pagefind/<bundle>/,
reading the content under --root (default .) for the names bundles.`;

const BUNDLE_ATTRIBUTE = /<[^>]*\sdata-pagefind-body(?:="")?[^>]*\sdata-search-bundle="([a-z]{2,3})"/;

const { values } = parseArgs({
  options: { site: { type: 'string', default: 'dist' }, root: { type: 'string', default: '.' }, help: { type: 'boolean', short: 'h', default: false } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const site = resolve(values.site);
const output = join(site, 'pagefind');
await rm(output, { recursive: true, force: true });

/** One bundle's entry in bundles.json. */
interface BundleEntry {
  bundle: string;
  /** Pagefind language, i.e. the stemmer used. */
  language: string;
  /** Scripts of the text in this bundle: the search page queries a bundle only for a query in one of them. */
  scripts: string[];
  pages: number;
}
const entries: BundleEntry[] = [];

async function buildBundle(bundle: string, language: string, scripts: string[], add: (index: pagefind.PagefindIndex) => Promise<number>): Promise<void> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not create the ${bundle} index: ${errors.join('; ')}`);
  const pages = await add(index);
  const written = await index.writeFiles({ outputPath: join(output, bundle) });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write the ${bundle} bundle: ${written.errors.join('; ')}`);
  // Closing stops Pagefind's service, so the next bundle starts with empty memory.
  await pagefind.close();
  entries.push({ bundle, language, scripts, pages });
  console.log(`search: ${bundle}: ${pages} records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// 1. Language bundles, from the built pages.
const pagesByBundle = new Map<string, string[]>();
for (const file of await listHtmlFiles(site)) {
  const bundle = BUNDLE_ATTRIBUTE.exec(await readFile(join(site, file), 'utf8'))?.[1];
  if (bundle) pagesByBundle.set(bundle, [...(pagesByBundle.get(bundle) ?? []), file]);
}
if (pagesByBundle.size === 0) throw new Error(`No page in ${site} declares data-search-bundle: nothing to index`);
for (const [language, files] of [...pagesByBundle].sort(([a], [b]) => a.localeCompare(b))) {
  await buildBundle(language, language, [...new Set([likelyScript(language), 'Latn'])], async (index) => {
    for (const file of files) {
      const result = await index.addHTMLFile({ url: '/' + file.replace(/index\.html$/, ''), content: await readFile(join(site, file), 'utf8') });
      if (result.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${result.errors.join('; ')}`);
    }
    return files.length;
  });
}

// 2. Names bundles, one per script, from the content.
const root = resolve(values.root);
const dataOf = async <C extends 'articles' | 'events' | 'sources' | 'entities'>(collection: C) =>
  (await loadCollection(root, collection)).records.map((record) => record.data);
const archive = buildArchiveIndex({
  articles: await dataOf('articles'),
  events: await dataOf('events'),
  sources: await dataOf('sources'),
  entities: await dataOf('entities'),
});
const allFields: SearchFields[] = [
  ...archive.articlesByDate.map((a) => articleSearchFields(a, archive)),
  ...archive.timeline.map((e) => eventSearchFields(e, archive)),
  ...[...archive.entities.values()].map(entitySearchFields),
  ...[...archive.sources.values()].map(sourceSearchFields),
];
const recordsByScript = new Map<string, pagefind.CustomRecord[]>();
for (const fields of allFields) {
  for (const [script, names] of Object.entries(fields.foreignNames)) {
    const records = recordsByScript.get(script) ?? [];
    records.push({
      url: fields.url,
      content: names.join(' · '),
      language: namesBundle(script).language,
      meta: { ...fields.meta, title: fields.title },
      filters: fields.filters,
      sort: fields.sort,
    });
    recordsByScript.set(script, records);
  }
}
for (const [script, records] of [...recordsByScript].sort(([a], [b]) => a.localeCompare(b))) {
  const { bundle, language } = namesBundle(script);
  await buildBundle(bundle, language, [script], async (index) => {
    for (const record of records) {
      const result = await index.addCustomRecord(record);
      if (result.errors.length > 0) throw new Error(`Pagefind could not index the ${script} names of ${record.url}: ${result.errors.join('; ')}`);
    }
    return records.length;
  });
}

await writeFile(join(output, 'bundles.json'), JSON.stringify({ bundles: entries.sort((a, b) => a.bundle.localeCompare(b.bundle)) }, null, 2) + '\n');
