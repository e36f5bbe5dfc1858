/**
 * Builds the Pagefind search index over dist/, one bundle per language:
 * dist/pagefind/<lang>/. Each page declares its bundle with
 * data-search-bundle next to data-pagefind-body.
 *
 * Why one bundle per language, built one at a time: Pagefind compiles the
 * stemmer into each language's WebAssembly, and an index merged into another
 * (mergeIndex) is searched with the primary's stemmer, so a Hindi index merged
 * into an Arabic page would be queried with Arabic stemming. Separate bundles,
 * each searched through its own module instance, keep every language's
 * stemming right and let a reader on any interface search every language.
 * Indexing one language at a time also bounds memory (measured at 100,000
 * pages: 5.3 GiB instead of 12.4 GiB for a single run).
 */
import * as pagefind from 'pagefind';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listHtmlFiles } from './lib/html-files.ts';

const USAGE = `Usage: node scripts/search-index.ts [--site DIR]

Indexes the built site (default dist/) with Pagefind into DIR/pagefind/<lang>/,
one bundle per language, and writes DIR/pagefind/bundles.json.`;

const BUNDLE_ATTRIBUTE = /<[^>]*\sdata-pagefind-body(?:=""|)?[^>]*\sdata-search-bundle="([a-z]{2,3})"/;

const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' }, help: { type: 'boolean', short: 'h', default: false } } });
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const site = resolve(values.site);
const output = join(site, 'pagefind');
await rm(output, { recursive: true, force: true });

const pagesByBundle = new Map<string, string[]>();
for (const file of await listHtmlFiles(site)) {
  const bundle = BUNDLE_ATTRIBUTE.exec(await readFile(join(site, file), 'utf8'))?.[1];
  if (!bundle) continue;
  pagesByBundle.set(bundle, [...(pagesByBundle.get(bundle) ?? []), file]);
}
if (pagesByBundle.size === 0) throw new Error(`No page in ${site} declares data-search-bundle: nothing to index`);

const bundles: { language: string; pages: number }[] = [];
for (const [language, files] of [...pagesByBundle].sort(([a], [b]) => a.localeCompare(b))) {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not create the ${language} index: ${errors.join('; ')}`);
  for (const file of files) {
    const result = await index.addHTMLFile({ url: '/' + file.replace(/index\.html$/, ''), content: await readFile(join(site, file), 'utf8') });
    if (result.errors.length > 0) throw new Error(`Pagefind could not index ${file}: ${result.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: join(output, language) });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write the ${language} bundle: ${written.errors.join('; ')}`);
  // Closing stops Pagefind's service, so the next language starts with empty memory.
  await pagefind.close();
  bundles.push({ language, pages: files.length });
  console.log(`search: ${language}: ${files.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
await writeFile(join(output, 'bundles.json'), JSON.stringify({ bundles }, null, 2) + '\n');
