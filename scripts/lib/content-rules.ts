/**
 * The content checker's rules. Each rule looks at content and returns located
 * problems; the runner (content-check.ts) prints them. A rule of scope "file"
 * judges each file alone, so files can be judged in parallel and the verdict on
 * an unchanged file taken from the cache (check-cache.ts); one of scope
 * "archive" compares files, or reads more than the file, and always runs over
 * everything.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { findBrokenReferences } from '../../src/lib/archive-index.ts';
import { listCollectionFiles, loadAhead, loadCollection, readTexts, type LoadedRecord } from '../../src/lib/content-files.ts';
import { collections, type CollectionName } from '../../src/schema/index.ts';
import { locateField, parseContentFile, splitFrontMatter, type ContentProblem, type ParsedRecord, type ParseResult } from '../../src/schema/parse.ts';
import { serializeParsedRecord } from '../../src/schema/serialize.ts';
import { openCheckCache, type FileVerdict } from './check-cache.ts';
import { textKey, textRules } from './text-rules.ts';
import { inWorkers } from './worker-pool.ts';

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

/** A content file as read: its collection, path relative to the root, and text. */
export interface ContentFile {
  collection: CollectionName;
  file: string;
  text: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Reads every file of every collection, each once. */
async function readContentFiles(root: string): Promise<ContentFile[]> {
  const files: ContentFile[] = [];
  for (const collection of Object.keys(collections) as CollectionName[]) {
    for await (const [file, text] of readTexts(root, await listCollectionFiles(root, collection))) files.push({ collection, file, text });
  }
  return files;
}

/** The body of a parsed file, cut from its text again (verdicts do not keep it). */
const bodyOf = ({ collection, text }: ContentFile) => (collections[collection].extension === '.md' ? splitFrontMatter(text)!.body : '');

/**
 * Judges files one by one: parses each, runs the rules of scope "file" over
 * them, and keys each article's text for the duplicate-text rule.
 */
export async function judgeFiles(root: string, files: readonly ContentFile[]): Promise<[file: string, verdict: FileVerdict][]> {
  const parsed = new Map(files.map((f) => [f.file, parseContentFile(f.collection, f.file, f.text)]));
  const records = Object.fromEntries((Object.keys(collections) as CollectionName[]).map((name) => [name, [] as LoadedRecord<CollectionName>[]])) as ContentTree['records'];
  for (const { collection, file } of files) {
    const result = parsed.get(file)!;
    if (result.ok) (records[collection] as LoadedRecord<CollectionName>[]).push({ ...result.record, file });
  }
  const textKeys = new Map(records.articles.map((r) => [r.file, textKey(r.body)]));
  const tree: ContentTree = { root, texts: new Map(files.map((f) => [f.file, f.text])), records, loadProblems: [], textKeys };
  const problemsOf = Map.groupBy((await Promise.all(rules.filter((r) => r.scope === 'file').map((rule) => rule.check(tree)))).flat(), (p) => p.file);
  return files.map(({ file }): [string, FileVerdict] => {
    const result = parsed.get(file)!;
    return [file, {
      parsed: result.ok ? { ok: true, record: { data: result.record.data, bodyLine: result.record.bodyLine } } : result,
      problems: problemsOf.get(file) ?? [],
      textKey: textKeys.get(file) ?? null,
    }];
  });
}

/** Below this many files to judge, starting worker threads costs more than it saves. */
const JUDGE_IN_WORKERS_FROM = 2000;
/** Files sent to a worker at a time. */
const JUDGE_BATCH = 500;

/** Judges files, in worker threads (one per CPU) when there are `inWorkersFrom` or more. */
async function judge(root: string, files: readonly ContentFile[], inWorkersFrom: number): Promise<[string, FileVerdict][]> {
  if (files.length < inWorkersFrom) return judgeFiles(root, files);
  const batches: ContentFile[][] = [];
  for (let i = 0; i < files.length; i += JUDGE_BATCH) batches.push(files.slice(i, i + JUDGE_BATCH));
  const verdicts: [string, FileVerdict][] = [];
  await inWorkers(new URL('./check-worker.ts', import.meta.url), batches.map((batch) => ({ root, files: batch })), availableParallelism(), (judged: [string, FileVerdict][]) => verdicts.push(...judged));
  return verdicts;
}

/** The whole archive as the rules of scope "archive" see it, built from the files and the verdicts on each. */
async function treeOf(root: string, files: readonly ContentFile[], verdicts: ReadonlyMap<string, FileVerdict>): Promise<ContentTree> {
  const byFile = new Map(files.map((f) => [f.file, f]));
  const texts = new Map(files.map((f) => [f.file, f.text]));
  const parse = <C extends CollectionName>(_collection: C, file: string): ParseResult<C> => {
    const { parsed } = verdicts.get(file)!;
    return parsed.ok ? { ok: true, record: { ...parsed.record, body: bodyOf(byFile.get(file)!) } as ParsedRecord<C> } : parsed;
  };
  const names = Object.keys(collections) as CollectionName[];
  const loaded = await Promise.all(names.map((name) => loadCollection(root, name, texts, parse)));
  const records = Object.fromEntries(names.map((name, i) => [name, loaded[i]!.records])) as ContentTree['records'];
  const textKeys = new Map(records.articles.map((r) => [r.file, verdicts.get(r.file)!.textKey]));
  return { root, texts, records, loadProblems: loaded.flatMap((l) => l.problems), textKeys };
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
 * Runs every rule; problems sorted by file and line. Each file is judged alone
 * (parsed, and checked by the rules of scope "file"), in worker threads when
 * there are many, and with the cache (the default) only when it changed since
 * it was last judged; then the rules of scope "archive" run over everything.
 */
export async function checkContent(root: string, options: { cache?: boolean; inWorkersFrom?: number } = {}): Promise<ContentProblem[]> {
  const cache = options.cache === false ? undefined : openCheckCache(root);
  try {
    const files = await readContentFiles(root);
    const hashes = new Map(files.map((f) => [f.file, sha256(f.text)]));
    const verdicts = new Map<string, FileVerdict>();
    const unjudged = files.filter((f) => {
      const known = cache?.get(f.file, hashes.get(f.file)!);
      if (known) verdicts.set(f.file, known);
      return !known;
    });
    for (const [file, verdict] of await judge(root, unjudged, options.inWorkersFrom ?? JUDGE_IN_WORKERS_FROM)) {
      verdicts.set(file, verdict);
      cache?.set(file, hashes.get(file)!, verdict);
    }
    cache?.keepOnly(new Set(hashes.keys()));
    const tree = await treeOf(root, files, verdicts);
    const archiveProblems = (await Promise.all(rules.filter((r) => r.scope === 'archive').map((rule) => rule.check(tree)))).flat();
    const problems = [...[...verdicts.values()].flatMap((v) => v.problems), ...archiveProblems];
    return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  } finally {
    cache?.close();
  }
}
