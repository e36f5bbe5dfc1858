/**
 * The content checker's rules. Each rule looks at content and returns located
 * problems; the runner (content-check.ts) prints them. A rule of scope "file"
 * judges each file alone, so files can be judged in parallel and the verdict on
 * an unchanged file taken from the cache (check-cache.ts); one of scope
 * "archive" compares files, or reads more than the file, and always runs over
 * everything.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { findBrokenReferences } from '../../src/lib/archive-index.ts';
import { collectRecords, listCollectionFiles, loadAhead, type LoadedRecord } from '../../src/lib/content-files.ts';
import { collections, type CollectionName, type RecordOf } from '../../src/schema/index.ts';
import { locateField, parseContentFile, type ContentProblem } from '../../src/schema/parse.ts';
import { serializeParsedRecord } from '../../src/schema/serialize.ts';
import { openCheckCache, type FileVerdict } from './check-cache.ts';
import { textKey, textRules } from './text-rules.ts';
import { inWorkers } from './worker-pool.ts';

/** What a rule of scope "file" looks at: some files, each read and parsed. */
export interface FileScope {
  /** Raw text of each file, by path relative to the root. */
  texts: Map<string, string>;
  /** The records parsed from them (a file that does not parse has none). */
  records: { [C in CollectionName]: LoadedRecord<C>[] };
}

/**
 * What a rule of scope "archive" looks at: every record, without its body, and
 * the text of any file on demand (to locate a problem in it), so that files
 * whose verdict is cached need not even be decoded.
 */
export interface ArchiveScope {
  root: string;
  records: { [C in CollectionName]: Omit<LoadedRecord<C>, 'body'>[] };
  textOf: (file: string) => string;
  /** Problems found while loading (YAML, schema, ids). */
  loadProblems: ContentProblem[];
  /** Each article's text key for the duplicate-text rule (see textKey), by file. */
  textKeys: Map<string, string | null>;
}

interface RuleInfo {
  id: string;
  description: string;
}
/** Looks at one file at a time. */
export type FileRule = RuleInfo & { scope: 'file'; check: (files: FileScope) => ContentProblem[] };
/** Compares files, or reads beyond them (captures, today's date). */
export type ArchiveRule = RuleInfo & { scope: 'archive'; check: (archive: ArchiveScope) => Promise<ContentProblem[]> | ContentProblem[] };
export type ContentRule = FileRule | ArchiveRule;

/** A content file as read: its collection, path relative to the root, and text. */
export interface ContentFile {
  collection: CollectionName;
  file: string;
  text: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Judges files one by one: parses each, runs the rules of scope "file" over
 * them, and keys each article's text for the duplicate-text rule.
 */
export function judgeFiles(files: readonly ContentFile[]): [file: string, verdict: FileVerdict][] {
  const parsed = new Map(files.map((f) => [f.file, parseContentFile(f.collection, f.file, f.text)]));
  const records = Object.fromEntries((Object.keys(collections) as CollectionName[]).map((name) => [name, [] as LoadedRecord<CollectionName>[]])) as FileScope['records'];
  for (const { collection, file } of files) {
    const result = parsed.get(file)!;
    if (result.ok) (records[collection] as LoadedRecord<CollectionName>[]).push({ ...result.record, file });
  }
  const textKeys = new Map(records.articles.map((r) => [r.file, textKey(r.body)]));
  const scope: FileScope = { texts: new Map(files.map((f) => [f.file, f.text])), records };
  const problemsOf = Map.groupBy(rules.filter((r): r is FileRule => r.scope === 'file').flatMap((rule) => rule.check(scope)), (p) => p.file);
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
async function judge(files: readonly ContentFile[], inWorkersFrom: number): Promise<[string, FileVerdict][]> {
  if (files.length < inWorkersFrom) return judgeFiles(files);
  const batches: ContentFile[][] = [];
  for (let i = 0; i < files.length; i += JUDGE_BATCH) batches.push(files.slice(i, i + JUDGE_BATCH));
  const verdicts: [string, FileVerdict][] = [];
  await inWorkers(new URL('./check-worker.ts', import.meta.url), batches, availableParallelism(), (judged: [string, FileVerdict][]) => verdicts.push(...judged));
  return verdicts;
}

/** The whole archive as the rules of scope "archive" see it, from the verdict on each file. */
function archiveOf(root: string, files: readonly { collection: CollectionName; file: string }[], verdicts: ReadonlyMap<string, FileVerdict>): ArchiveScope {
  const loaded = (Object.keys(collections) as CollectionName[]).map((name) => {
    const own = files.filter((f) => f.collection === name).map(({ file }): [string, FileVerdict['parsed']] => [file, verdicts.get(file)!.parsed]);
    return [name, collectRecords(own)] as const;
  });
  // Read again rather than kept: at 100,000 articles the texts are gigabytes, and few files have a problem.
  const texts = new Map<string, string>();
  const textOf = (file: string) => {
    if (!texts.has(file)) texts.set(file, readFileSync(join(root, file), 'utf8'));
    return texts.get(file)!;
  };
  return {
    root,
    records: Object.fromEntries(loaded.map(([name, { records }]) => [name, records])) as ArchiveScope['records'],
    textOf,
    loadProblems: loaded.flatMap(([, { problems }]) => problems),
    textKeys: new Map(files.map((f) => [f.file, verdicts.get(f.file)!.textKey])),
  };
}

const collectionOfFile = (file: string): CollectionName =>
  (Object.keys(collections) as CollectionName[]).find((name) => file.startsWith(`content/${collections[name].folder}/`))!;

export const rules: ContentRule[] = [
  {
    id: 'schema',
    scope: 'archive',
    description: 'YAML syntax, the schema, ids that match file names and are unique',
    check: (archive) => archive.loadProblems,
  },
  {
    id: 'reference',
    scope: 'archive',
    description: 'references to events, entities, sources and articles resolve',
    check: (archive) => {
      const fileOf = new Map<string, string>();
      for (const [name, records] of Object.entries(archive.records)) for (const r of records) fileOf.set(`${name}/${r.data.id}`, r.file);
      return findBrokenReferences({
        articles: archive.records.articles.map((r) => r.data),
        events: archive.records.events.map((r) => r.data),
        sources: archive.records.sources.map((r) => r.data),
        entities: archive.records.entities.map((r) => r.data),
        files: (collection, id) => fileOf.get(`${collection}/${id}`)!,
      }).map((problem) => {
        const path = problem.field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
        return { ...problem, ...locateField(collectionOfFile(problem.file), archive.textOf(problem.file), path) };
      });
    },
  },
  {
    id: 'capture-hash',
    scope: 'archive',
    description: 'every capture exists and matches its recorded SHA-256',
    check: async (archive) => {
      const problems: ContentProblem[] = [];
      const read = ({ data }: { data: RecordOf<'articles'> }) => readFile(join(archive.root, 'content', data.capture.path)).catch(() => undefined);
      for await (const [{ data, file }, bytes] of loadAhead(archive.records.articles, read)) {
        // Locating a field re-reads the YAML: only done for a problem.
        const where = () => locateField('articles', archive.textOf(file), ['capture', 'sha256']);
        if (!bytes) {
          problems.push({ file, ...where(), field: 'capture.path', message: `content/${data.capture.path} does not exist`, fix: 'add the raw capture under content/captures/ or correct the path', rule: 'capture-hash' });
          continue;
        }
        const actual = sha256(bytes);
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
    check: (files) => {
      const problems: ContentProblem[] = [];
      for (const [file, text] of files.texts) {
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
  check: (files) => {
    const problems: ContentProblem[] = [];
    for (const [name, records] of Object.entries(files.records) as [CollectionName, LoadedRecord<CollectionName>[]][]) {
      for (const record of records) {
        const text = files.texts.get(record.file)!;
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
 * there are many, and with the cache (the default) only when its bytes changed
 * since it was last judged; then the rules of scope "archive" run over everything.
 */
export async function checkContent(root: string, options: { cache?: boolean; inWorkersFrom?: number } = {}): Promise<ContentProblem[]> {
  const cache = options.cache === false ? undefined : openCheckCache(root);
  try {
    const names = Object.keys(collections) as CollectionName[];
    const lists = await Promise.all(names.map((collection) => listCollectionFiles(root, collection)));
    const listed = names.flatMap((collection, i) => lists[i]!.map((file) => ({ collection, file })));
    // Each file's bytes are hashed, and decoded only when its verdict is not in the cache.
    const hashes = new Map<string, string>();
    const verdicts = new Map<string, FileVerdict>();
    const unjudged: ContentFile[] = [];
    for await (const [{ collection, file }, bytes] of loadAhead(listed, ({ file }) => readFile(join(root, file)))) {
      const hash = sha256(bytes);
      hashes.set(file, hash);
      const known = cache?.get(file, hash);
      if (known) verdicts.set(file, known);
      else unjudged.push({ collection, file, text: bytes.toString('utf8') });
    }
    for (const [file, verdict] of await judge(unjudged, options.inWorkersFrom ?? JUDGE_IN_WORKERS_FROM)) {
      verdicts.set(file, verdict);
      cache?.set(file, hashes.get(file)!, verdict);
    }
    cache?.keepOnly(new Set(hashes.keys()));
    const archive = archiveOf(root, listed, verdicts);
    const archiveProblems = (await Promise.all(rules.filter((r): r is ArchiveRule => r.scope === 'archive').map((rule) => rule.check(archive)))).flat();
    const problems = [...[...verdicts.values()].flatMap((v) => v.problems), ...archiveProblems];
    return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  } finally {
    cache?.close();
  }
}
