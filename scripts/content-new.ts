/**
 * Scaffolds article records from a raw capture: copies the capture byte for
 * byte into content/captures/, then drafts content/articles/<id>.md with what
 * it can tell (language, headline, dates, source, entities, events) and
 * explicit TODOs for the rest. Never overwrites a file; --dry-run writes nothing.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localeKeys } from '../src/i18n/locales.ts';
import { loadCollection } from '../src/lib/content-files.ts';
import { nearestId } from '../src/lib/suggest.ts';
import { collections } from '../src/schema/index.ts';
import { serializeYaml } from '../src/schema/serialize.ts';
import { isCanonicalLanguageTag } from '../src/schema/shared.ts';
import { loadBoilerplateRules } from './lib/draft/boilerplate.ts';
import { draftArticles } from './lib/draft/draft.ts';
import { detectLanguage } from './lib/draft/language.ts';

const USAGE = `Usage: npm run content:new -- <capture file> [--source ID] [--language CODE] [--url ORIGIN] [--retrieved YYYY-MM-DD] [--event ID] [--added YYYY-MM-DD] [--dry-run]

Copies the capture into content/captures/ and drafts content/articles/<id>.md
(two drafts when the capture holds a second article under a "read also"
heading). Prints what it did and what is left: every undecided field is marked
TODO, which "npm run content:check" rejects until you resolve it.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    source: { type: 'string' }, language: { type: 'string' }, url: { type: 'string' }, retrieved: { type: 'string' },
    event: { type: 'string' }, added: { type: 'string' }, root: { type: 'string', default: '.' },
    'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help || positionals.length !== 1) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const fail = (message: string): never => {
  console.error(`content:new: ${message}`);
  process.exit(1);
};
const root = resolve(values.root);
const input = resolve(positionals[0]!);
const exists = (path: string) => access(path).then(() => true, () => false);

const bytes = await readFile(input).catch(() => fail(`cannot read ${input}`));
const sha256 = createHash('sha256').update(bytes).digest('hex');
const { records: articles } = await loadCollection(root, 'articles');
const archived = articles.find((a) => a.data.capture.sha256 === sha256);
if (archived) fail(`this capture is already archived (same SHA-256 ${sha256}) as ${archived.data.id} (${archived.file}); nothing was written`);

let text: string;
try {
  text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
} catch {
  fail(`${basename(input)} is not UTF-8 text. Convert it first, e.g. "iconv -f WINDOWS-1256 -t UTF-8 in.txt > out.txt" (Arabic) or "-f ISO-8859-1" (Latin), then run again`);
}
text = text!.normalize('NFC');
if (text.trim() === '') fail(`${basename(input)} is empty: there is no text to archive`);
if ((text.match(/<\/?(html|head|body|div|p|span|script|a)\b[^>]*>/gi) ?? []).length > 5) {
  fail(`${basename(input)} looks like HTML, not the text of an article. Save the page's text (a reader view, or "html2text page.html > page.txt") and run again; keep the HTML as the capture if you need it`);
}

// A close call goes to a language the archive holds, or else one its interface speaks (English, not Scots).
const preferredLanguages = [...new Set([...articles.map((a) => a.data.language), ...localeKeys])];
const language = values.language ?? detectLanguage(text, preferredLanguages) ?? fail('could not tell the language of the text (too short?): pass --language, e.g. --language hi');
if (!isCanonicalLanguageTag(language)) fail(`--language ${language} is not a BCP 47 tag in canonical form with a two- or three-letter ISO 639 language (e.g. "hi", "ar", "ms")`);

// The capture keeps its name unless another capture has it already.
let captureName = basename(input).replace(/[^A-Za-z0-9._-]+/g, '_');
if (await exists(join(root, 'content', 'captures', captureName))) captureName = `${sha256.slice(0, 12)}-${captureName}`;
const capturePath = `captures/${captureName}`;

const [sources, entities, events, topics] = await Promise.all([
  loadCollection(root, 'sources'), loadCollection(root, 'entities'), loadCollection(root, 'events'), loadCollection(root, 'topics'),
]);
// An id given by hand must name a record, before anything is written.
for (const [option, collection, records] of [['source', 'sources', sources.records], ['event', 'events', events.records]] as const) {
  const id = values[option];
  const ids = records.map((r) => r.data.id);
  if (id === undefined || ids.includes(id)) continue;
  const meant = nearestId(id, ids);
  const { folder, extension } = collections[collection];
  fail(`--${option} ${id}: no such record in content/${folder}/. ${meant ? `Did you mean --${option} ${meant}? ` : ''}`
    + `Add content/${folder}/${id}${extension} first, or leave --${option} out to have the draft propose one; nothing was written`);
}
const drafts = draftArticles(text, {
  language,
  sha256,
  capturePath,
  origin: {
    url: values.url ?? null,
    retrieved: values.retrieved ?? null,
    description: values.url ? `Captured from ${values.url}.` : 'TODO: say where the capture came from (site, page, how it was saved).',
  },
  sources: sources.records.map((r) => r.data),
  entities: entities.records.map((r) => r.data),
  events: events.records.map((r) => r.data),
  rules: loadBoilerplateRules(),
  source: values.source,
  event: values.event,
  added: values.added ?? new Date().toISOString().slice(0, 10),
});

const dryRun = values['dry-run'];
console.log(`content:new: ${basename(input)} (${bytes.length} bytes, SHA-256 ${sha256}), language ${language}${values.language ? '' : ' (detected)'}`);
if (!dryRun) {
  await mkdir(join(root, 'content', 'captures'), { recursive: true });
  await writeFile(join(root, 'content', capturePath), bytes, { flag: 'wx' });
}
console.log(`${dryRun ? 'would copy' : 'copied'} the capture to content/${capturePath}`);
for (const draft of drafts) {
  const file = join('content', 'articles', `${draft.id}.md`);
  if (await exists(join(root, file))) fail(`${file} exists already; nothing more was written (rename the draft's id)`);
  const yaml = serializeYaml(draft.data);
  if (!dryRun) await writeFile(join(root, file), `---\n${yaml}---\n${draft.body}`, { flag: 'wx' });
  console.log(`\n${dryRun ? 'would draft' : 'drafted'} ${file}`);
  for (const line of draft.done) console.log(`  done: ${line}`);
  for (const line of draft.todos) console.log(`  TODO: ${line}`);
  console.log('  TODO: check every editorial note, add title_en and byline, and read the text against the capture');
  console.log(`  TODO: list its topics, ids of content/topics/: ${topics.records.map((r) => r.data.id).sort().join(', ')}`);
  console.log(`  TODO: list ${draft.id} under "added" in the next release of content/dataset.yaml`);
}
console.log(`\nThen run "npm run content:check": it lists every TODO left, with its line.`);
