/**
 * The content checker's rules. Each rule looks at the whole loaded archive and
 * returns located problems; the runner (content-check.ts) prints them.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findBrokenReferences } from '../../src/lib/archive-index.ts';
import { listCollectionFiles, loadAhead, loadCollection, readTexts, type LoadedRecord } from '../../src/lib/content-files.ts';
import { collections, type CollectionName } from '../../src/schema/index.ts';
import { locateField, type ContentProblem } from '../../src/schema/parse.ts';
import { serializeParsedRecord } from '../../src/schema/serialize.ts';
import { textRules } from './text-rules.ts';

/** Everything the rules look at, loaded once. */
export interface ContentTree {
  root: string;
  /** Raw text of every content file, by path relative to the root. */
  texts: Map<string, string>;
  records: { [C in CollectionName]: LoadedRecord<C>[] };
  /** Problems found while loading (YAML, schema, ids). */
  loadProblems: ContentProblem[];
}

export interface ContentRule {
  id: string;
  description: string;
  check: (tree: ContentTree) => Promise<ContentProblem[]> | ContentProblem[];
}

/** Loads every collection and the raw text of every file (each file is read once). */
export async function loadContentTree(root: string): Promise<ContentTree> {
  const names = Object.keys(collections) as CollectionName[];
  const texts = new Map<string, string>();
  for (const name of names) for await (const [file, text] of readTexts(root, await listCollectionFiles(root, name))) texts.set(file, text);
  const loaded = await Promise.all(names.map((name) => loadCollection(root, name, texts)));
  return {
    root,
    texts,
    records: Object.fromEntries(names.map((name, i) => [name, loaded[i]!.records])) as ContentTree['records'],
    loadProblems: loaded.flatMap((l) => l.problems),
  };
}

const collectionOfFile = (file: string): CollectionName =>
  (Object.keys(collections) as CollectionName[]).find((name) => file.startsWith(`content/${collections[name].folder}/`))!;

export const rules: ContentRule[] = [
  {
    id: 'schema',
    description: 'YAML syntax, the schema, ids that match file names and are unique',
    check: (tree) => tree.loadProblems,
  },
  {
    id: 'reference',
    description: 'references to events, entities, sources and articles resolve',
    check: (tree) => {
      const fileOf = new Map<string, string>();
      for (const [name, records] of Object.entries(tree.records)) for (const r of records) fileOf.set(`${name}/${r.data.id}`, r.file);
      return findBrokenReferences({
        articles: tree.records.articles.map((r) => r.data),
        events: tree.records.events.map((r) => r.data),
        sources: tree.records.sources.map((r) => r.data),
        entities: tree.records.entities.map((r) => r.data),
        files: (collection, id) => fileOf.get(`${collection}/${id}`)!,
      }).map((problem) => {
        const path = problem.field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
        return { ...problem, ...locateField(collectionOfFile(problem.file), tree.texts.get(problem.file)!, path) };
      });
    },
  },
  {
    id: 'capture-hash',
    description: 'every capture exists and matches its recorded SHA-256',
    check: async (tree) => {
      const problems: ContentProblem[] = [];
      const read = (record: LoadedRecord<'articles'>) => readFile(join(tree.root, 'content', record.data.capture.path)).catch(() => undefined);
      for await (const [{ data, file }, bytes] of loadAhead(tree.records.articles, read)) {
        // Locating a field re-reads the YAML: only done for a problem.
        const where = () => locateField('articles', tree.texts.get(file)!, ['capture', 'sha256']);
        if (!bytes) {
          problems.push({ file, ...where(), field: 'capture.path', message: `content/${data.capture.path} does not exist`, fix: 'add the raw capture under content/captures/ or correct the path', rule: 'capture-hash' });
          continue;
        }
        const actual = createHash('sha256').update(bytes).digest('hex');
        if (actual !== data.capture.sha256) {
          problems.push({ file, ...where(), field: 'capture.sha256', message: `does not match content/${data.capture.path} (its SHA-256 is ${actual})`, fix: 'a capture is never edited: restore the original bytes, or record the hash of a new capture', rule: 'capture-hash' });
        }
      }
      return problems;
    },
  },
  {
    id: 'unicode',
    description: 'text is UTF-8 in Unicode NFC, with no byte-order mark',
    check: (tree) => {
      const problems: ContentProblem[] = [];
      for (const [file, text] of tree.texts) {
        if (text.startsWith('\uFEFF')) {
          problems.push({ file, line: 1, column: 1, field: '', message: 'starts with a byte-order mark', fix: 'save the file as UTF-8 without BOM', rule: 'unicode' });
        }
        if (text !== text.normalize('NFC')) {
          const lines = text.split('\n');
          const index = lines.findIndex((line) => line !== line.normalize('NFC'));
          problems.push({ file, line: index + 1, column: 1, field: '', message: 'is not in Unicode NFC', fix: 'normalize the file to NFC', rule: 'unicode' });
        }
      }
      return problems;
    },
  },
];

rules.push({
  id: 'canonical-format',
  description: 'each file is in the canonical form the exports rebuild byte for byte',
  check: (tree) => {
    const problems: ContentProblem[] = [];
    for (const [name, records] of Object.entries(tree.records) as [CollectionName, LoadedRecord<CollectionName>[]][]) {
      for (const record of records) {
        const text = tree.texts.get(record.file)!;
        const canonical = serializeParsedRecord(name, record.data as never, record.body);
        if (text === canonical) continue;
        const actual = text.split('\n');
        const index = canonical.split('\n').findIndex((line, i) => line !== actual[i]);
        problems.push({
          file: record.file, line: index + 1, column: 1, field: '',
          message: 'is not in canonical form (YAML quoting, key order or layout differs)',
          fix: 'run "npm run content:fix", which rewrites the front matter canonically and leaves the text alone',
          rule: 'canonical-format',
        });
      }
    }
    return problems;
  },
});

rules.push(...textRules);

/** Runs every rule; problems sorted by file and line. */
export async function checkContent(root: string): Promise<ContentProblem[]> {
  const tree = await loadContentTree(root);
  const problems = (await Promise.all(rules.map((rule) => rule.check(tree)))).flat();
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
