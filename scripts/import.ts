/**
 * Rebuilds the content/ tree from an export: the records from the JSON Lines
 * tables, the dataset record from datapackage.json and the releases table, and
 * the captures byte for byte. On the real corpus the result is byte-identical
 * to the original tree (tests/exports.test.ts proves it).
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { collections, type CollectionName, type RecordOf } from '../src/schema/index.ts';
import { DatasetSchema } from '../src/schema/dataset.ts';
import { serializeRecord, serializeYaml } from '../src/schema/serialize.ts';

const USAGE = `Usage: npm run import -- <export dir> --out DIR

Rebuilds a content/ tree in DIR (which must be empty or absent) from the
exports in <export dir> (its jsonl/ tables, datapackage.json and captures/).`;

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } } });
if (values.help || positionals.length !== 1 || !values.out) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const from = resolve(positionals[0]!);
const out = resolve(values.out);
if ((await readdir(out).catch(() => [])).length > 0) {
  console.error(`import: ${out} is not empty; nothing was written (choose an empty folder)`);
  process.exit(1);
}

type Row = Record<string, any>;
async function rows(table: string): Promise<Row[]> {
  const text = await readFile(join(from, 'jsonl', `${table}.jsonl`), 'utf8');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);
}
/** Groups rows by a key, keeping their order. */
function groupBy(list: Row[], key: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of list) groups.set(row[key], [...(groups.get(row[key]) ?? []), row]);
  return groups;
}
/** Drops keys whose value is null or undefined: absent optional fields. */
const present = <T extends Row>(object: T): T => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined)) as T;

async function write<C extends CollectionName>(collection: C, data: RecordOf<C>, body = ''): Promise<void> {
  const folder = join(out, 'content', collections[collection].folder);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, `${data.id}${collections[collection].extension}`), serializeRecord(collection, data, body));
}

const notes = groupBy(await rows('editorial_notes'), 'article');
for (const a of await rows('articles')) {
  const data = present({
    id: a.id,
    title_missing: a.title_missing,
    title_en: a.title_en === null ? null : { text: a.title_en, by: a.title_en_by, agent: a.title_en_agent },
    language: a.language,
    published: { value: a.published, precision: a.published_precision, basis: a.published_basis, evidence: a.published_evidence },
    source: a.source,
    byline: a.byline,
    events: a.events,
    entities: a.entities,
    topics: a.topics,
    capture: present({
      path: a.capture_path,
      sha256: a.capture_sha256,
      lines: a.capture_first_line === null ? null : [a.capture_first_line, a.capture_last_line],
      origin: { url: a.origin_url, retrieved: a.origin_retrieved, description: a.origin_description },
    }),
    editorial_notes: (notes.get(a.id) ?? []).map((n) => present({ action: n.action, text: n.text, reason: n.reason, result: n.result, see: n.see })),
    withdrawn: a.withdrawn === null ? null : { date: a.withdrawn, reason: a.withdrawn_reason },
    added: a.added,
    modified: a.modified,
  });
  // title stays even when null: an untitled article has title: null, not no title.
  await write('articles', { ...data, title: a.title } as RecordOf<'articles'>, a.body_markdown);
}

const titles = groupBy(await rows('event_titles'), 'event');
for (const e of await rows('events')) {
  await write('events', present({
    id: e.id, title: e.title,
    titles: Object.fromEntries((titles.get(e.id) ?? []).map((t) => [t.language, t.title])),
    date: { value: e.date, precision: e.date_precision, basis: e.date_basis, evidence: e.date_evidence },
    place: e.place, participants: e.participants, related: e.related, added: e.added, modified: e.modified,
  }) as RecordOf<'events'>, e.summary);
}

const sourceNames = groupBy(await rows('source_names'), 'source');
for (const s of await rows('sources')) {
  await write('sources', {
    id: s.id, name: s.name, name_lang: s.name_lang, name_latin: s.name_latin,
    names: Object.fromEntries((sourceNames.get(s.id) ?? []).map((n) => [n.language, n.name])),
    home: s.home, country: s.country, languages: s.languages, kind: s.kind, description: s.description,
  } as RecordOf<'sources'>);
}

const entityNames = groupBy(await rows('entity_names'), 'entity');
for (const e of await rows('entities')) {
  const names: Record<string, string[]> = {};
  for (const n of entityNames.get(e.id) ?? []) (names[n.language] ??= [])[n.position] = n.name;
  await write('entities', present({ id: e.id, kind: e.kind, names, wikidata: e.wikidata, description: e.description }) as RecordOf<'entities'>);
}

const topicNames = groupBy(await rows('topic_names'), 'topic');
for (const topic of await rows('topics')) {
  const names = Object.fromEntries((topicNames.get(topic.id) ?? []).map((n) => [n.language, n.name]));
  await write('topics', { id: topic.id, names, description: topic.description });
}

const datapackage = JSON.parse(await readFile(join(from, 'datapackage.json'), 'utf8')) as Row;
const dataset = DatasetSchema.parse({
  name: datapackage.name, title: datapackage.title, description: datapackage.description, homepage: datapackage.homepage,
  licenses: datapackage.licenses, rights: datapackage.rights, contributors: datapackage.contributors,
  releases: (await rows('releases')).map((r) => ({ version: r.version, date: r.date, summary: r.summary, added: r.added, corrected: r.corrected, withdrawn: r.withdrawn })),
});
await writeFile(join(out, 'content', 'dataset.yaml'), serializeYaml(dataset));

await mkdir(join(out, 'content', 'captures'), { recursive: true });
for (const capture of await rows('captures')) await copyFile(join(from, capture.path), join(out, 'content', capture.path));
console.log(`import: rebuilt ${join(out, 'content')} from ${from}`);
