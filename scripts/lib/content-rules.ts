/**
 * The content checker's rules. Each rule looks at the loaded archive and
 * returns located problems; the runner (content-check.ts) prints them. A rule
 * of scope "file" judges each file alone, so its verdict on an unchanged file
 * is taken from the cache (check-cache.ts); one of scope "archive" compares
 * files, or reads more than the file, and always runs over everything.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findBrokenReferences } from '../../src/lib/archive-index.ts';
import { listCollectionFiles, loadAhead, loadCollection, readTexts, type LoadedRecord } from '../../src/lib/content-files.ts';
import { collections, type CollectionName } from '../../src/schema/index.ts';
import { locateField, parseContentFile, splitFrontMatter, type ContentProblem, type ParsedRecord, type ParseResult } from '../../src/schema/parse.ts';
import { serializeParsedRecord } from '../../src/schema/serialize.ts';
import { openCheckCache, type CheckCache, type FileVerdict } from './check-cache.ts';
import { textKey, textRules } from './text-rules.ts';

/** Everything the rules look at, loaded once. */
export interface ContentTree {
  root: string;
  /** Raw text of every content file, by path relative to the root. */
  texts: Map<string, string>;
  records: { [C in CollectionName]: LoadedRecord<C>[] };
  /** Problems found while loading (YAML, schema, ids). */
  loadProblems: ContentProblem[];
  /** Each article's text key for the duplicate-text rule (see textKey), by file. */
  textKeys: Map<string, string | null>;
}

export interface ContentRule {
  id: string;
  /** "file": looks at one file at a time; "archive": compares files, or reads beyond them (captures, today's date). */
  scope: 'file' | 'archive';
  description: string;
  check: (tree: ContentTree) => Promise<ContentProblem[]> | ContentProblem[];
}

/** A loaded tree, and the cache's verdicts on the files it already knew (unchanged since they were checked). */
interface LoadedTree {
  tree: ContentTree;
  known: Map<string, FileVerdict>;
  /** SHA-256 of each file's text. */
  hashes: Map<string, string>;
  /** What parsing each file not known to the cache gave. */
  parsed: Map<string, ParseResult<CollectionName>>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Loads every collection and the raw text of every file (each file is read once); with a cache, parses only what changed. */
export async function loadContentTree(root: string, cache?: CheckCache): Promise<LoadedTree> {
  const names = Object.keys(collections) as CollectionName[];
  const texts = new Map<string, string>();
  for (const name of names) for await (const [file, text] of readTexts(root, await listCollectionFiles(root, name))) texts.set(file, text);
  const known = new Map<string, FileVerdict>();
  const hashes = new Map<string, string>();
  const parsed = new Map<string, ParseResult<CollectionName>>();
  const parse = <C extends CollectionName>(collection: C, file: string, text: string): ParseResult<C> => {
    const hash = sha256(text);
    hashes.set(file, hash);
    const verdict = cache?.get(file, hash);
    if (!verdict) {
      const result = parseContentFile(collection, file, text);
      parsed.set(file, result);
      return result;
    }
    known.set(file, verdict);
    if (!verdict.parsed.ok) return verdict.parsed;
    const body = collections[collection].extension === '.md' ? splitFrontMatter(text)!.body : '';
    return { ok: true, record: { ...verdict.parsed.record, body } as ParsedRecord<C> };
  };
  const loaded = await Promise.all(names.map((name) => loadCollection(root, name, texts, parse)));
  const records = Object.fromEntries(names.map((name, i) => [name, loaded[i]!.records])) as ContentTree['records'];
  const textKeys = new Map(records.articles.map((r) => [r.file, known.get(r.file)?.textKey ?? textKey(r.body)]));
  return { tree: { root, texts, records, loadProblems: loaded.flatMap((l) => l.problems), textKeys }, known, hashes, parsed };
}

/** The part of a tree made of some of its files. */
function subtree(tree: ContentTree, keep: (file: string) => boolean): ContentTree {
  const records = Object.fromEntries(Object.entries(tree.records).map(([name, list]) => [name, list.filter((r) => keep(r.file))])) as ContentTree['records'];
  return { ...tree, texts: new Map([...tree.texts].filter(([file]) => keep(file))), records, loadProblems: tree.loadProblems.filter((p) => keep(p.file)) };
}

const collectionOfFile = (file: string): CollectionName =>
  (Object.keys(collections) as CollectionName[]).find((name) => file.startsWith(`content/${collections[name].folder}/`))!;

export const rules: ContentRule[] = [
  {
    id: 'schema',
    scope: 'archive',
    description: 'YAML syntax, the schema, ids that match file names and are unique',
    check: (tree) => tree.loadProblems,
  },
  {
    id: 'reference',
    scope: 'archive',
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
    scope: 'archive',
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
    scope: 'file',
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
  scope: 'file',
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

/**
 * Runs every rule; problems sorted by file and line. With the cache (the
 * default), the rules of scope "file" judge only the files that changed since
 * they were last checked, and their verdicts are remembered.
 */
export async function checkContent(root: string, options: { cache?: boolean } = {}): Promise<ContentProblem[]> {
  const cache = options.cache === false ? undefined : openCheckCache(root);
  try {
    const { tree, known, hashes, parsed } = await loadContentTree(root, cache);
    const fresh = subtree(tree, (file) => !known.has(file));
    const fileProblems = (await Promise.all(rules.filter((r) => r.scope === 'file').map((rule) => rule.check(fresh)))).flat();
    const archiveProblems = (await Promise.all(rules.filter((r) => r.scope === 'archive').map((rule) => rule.check(tree)))).flat();
    if (cache) {
      const problemsOf = Map.groupBy(fileProblems, (p) => p.file);
      for (const [file, result] of parsed) {
        const verdictParse: FileVerdict['parsed'] = result.ok ? { ok: true, record: { data: result.record.data, bodyLine: result.record.bodyLine } } : result;
        cache.set(file, hashes.get(file)!, { parsed: verdictParse, problems: problemsOf.get(file) ?? [], textKey: tree.textKeys.get(file) ?? null });
      }
    }
    const problems = [...[...known.values()].flatMap((v) => v.problems), ...fileProblems, ...archiveProblems];
    return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  } finally {
    cache?.close();
  }
}
