/**
 * The content checker's rules. Each rule looks at content and returns located
 * problems; the runner (content-check.ts) prints them. A rule of scope "file"
 * judges each file alone, so files can be judged in parallel and the verdict on
 * an unchanged file taken from the cache (check-cache.ts); one of scope
 * "archive" compares files, or reads more than the file, and always runs over
 * everything.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { findBrokenReferences, type ReferenceInput } from '../../src/lib/archive-index.ts';
import { collectRecords, readCollectionFolder, type LoadedRecord } from '../../src/lib/content-files.ts';
import { DATASET_FILE } from '../../src/lib/dataset-file.ts';
import { stampOf } from '../../src/lib/file-stamps.ts';
import { nearestId } from '../../src/lib/suggest.ts';
import { DatasetSchema, type Release } from '../../src/schema/dataset.ts';
import { collections, type Article, type CollectionName, type Event, type RecordOf } from '../../src/schema/index.ts';
import { locateField, parseCanonicalFile, parseYamlFile, yamlLocator, type ContentProblem } from '../../src/schema/parse.ts';
import { serializeParsedRecord } from '../../src/schema/serialize.ts';
import { openCheckCache, type CheckCacheReader, type FileVerdict, type VerdictJson } from './check-cache.ts';
import { textKey, textRules } from './text-rules.ts';
import { inWorkers } from './worker-pool.ts';

/** What a rule of scope "file" looks at: some files, each read and parsed. */
export interface FileScope {
  /** Raw text of each file, by path relative to the root. */
  texts: Map<string, string>;
  /** The records parsed from them (a file that does not parse has none). */
  records: { [C in CollectionName]: LoadedRecord<C>[] };
  /** Files already proven canonical while they were parsed (see parseCanonicalFile). */
  canonical: ReadonlySet<string>;
}

/**
 * What the rules of scope "archive" read of each record: its id, its references,
 * its dates and its capture. A verdict keeps only these: the workers send a
 * verdict for each file to the main thread, and the cache stores it, and with
 * whole records, parsing them was the main thread's largest cost. A rule that
 * needs another field adds it here and in FACTS.
 */
export interface RecordFacts {
  articles: ReferenceInput['articles'][number] & Pick<Article, 'added'> & {
    /** Whether the article is withdrawn (a tombstone). */
    withdrawn: boolean;
    published: Pick<Article['published'], 'value'>;
    capture: Pick<Article['capture'], 'path' | 'sha256' | 'lines'>;
  };
  events: ReferenceInput['events'][number] & { date: Pick<Event['date'], 'value'> };
  sources: ReferenceInput['sources'][number];
  entities: ReferenceInput['entities'][number];
  topics: ReferenceInput['topics'][number];
}

/** How each collection's facts are taken from a record (see RecordFacts). */
const FACTS: { [C in CollectionName]: (data: RecordOf<C>) => RecordFacts[C] } = {
  articles: ({ id, source, events, entities, topics, editorial_notes, added, withdrawn, published, capture }) => ({
    id, source, events, entities, topics, added, withdrawn: withdrawn !== undefined,
    editorial_notes: editorial_notes.map(({ see }) => (see === undefined ? {} : { see })),
    published: { value: published.value },
    capture: { path: capture.path, sha256: capture.sha256, lines: capture.lines },
  }),
  events: ({ id, place, participants, related, date }) => ({ id, place, participants, related, date: { value: date.value } }),
  sources: ({ id }) => ({ id }),
  entities: ({ id }) => ({ id }),
  topics: ({ id }) => ({ id }),
};

/** A record's facts (see RecordFacts). */
export const factsOf = <C extends CollectionName>(collection: C, data: RecordOf<C>): RecordFacts[C] => (FACTS[collection] as (data: RecordOf<C>) => RecordFacts[C])(data);

/** A record as the rules of scope "archive" see it: its facts, file, and the line its body starts on. */
export type ArchiveRecord<C extends CollectionName> = { data: RecordFacts[C]; file: string; bodyLine: number };

/**
 * What a rule of scope "archive" looks at: every record's facts, and the text
 * of any file on demand (to locate a problem in it), so that files whose
 * verdict is cached need not even be decoded.
 */
export interface ArchiveScope {
  root: string;
  records: { [C in CollectionName]: ArchiveRecord<C>[] };
  textOf: (file: string) => string;
  /** Problems found while loading (YAML, schema, ids). */
  loadProblems: ContentProblem[];
  /** Each article's text key for the duplicate-text rule (see textKey), by file. */
  textKeys: Map<string, string | null>;
  /** The SHA-256 of every file in content/captures/, by its path relative to content/ ("captures/…"). */
  captureHashes: ReadonlyMap<string, string>;
  /** The files in each collection's folder that it does not read (see readCollectionFolder). */
  strayFiles: { collection: CollectionName; file: string }[];
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
  const read = new Map(files.map((f) => [f.file, parseCanonicalFile(f.collection, f.file, f.text)]));
  const parsed = new Map([...read].map(([file, { result }]) => [file, result]));
  const canonical = new Set([...read].filter(([, r]) => r.canonical).map(([file]) => file));
  const records = Object.fromEntries((Object.keys(collections) as CollectionName[]).map((name) => [name, [] as LoadedRecord<CollectionName>[]])) as FileScope['records'];
  for (const { collection, file } of files) {
    const result = parsed.get(file)!;
    if (result.ok) (records[collection] as LoadedRecord<CollectionName>[]).push({ ...result.record, file });
  }
  const textKeys = new Map(records.articles.map((r) => [r.file, textKey(r.body)]));
  const scope: FileScope = { texts: new Map(files.map((f) => [f.file, f.text])), records, canonical };
  const problemsOf = Map.groupBy(rules.filter((r): r is FileRule => r.scope === 'file').flatMap((rule) => rule.check(scope)), (p) => p.file);
  return files.map(({ collection, file }): [string, FileVerdict] => {
    const result = parsed.get(file)!;
    return [file, {
      parsed: result.ok ? { ok: true, record: { data: factsOf(collection, result.record.data), bodyLine: result.record.bodyLine } } : result,
      problems: problemsOf.get(file) ?? [],
      textKey: textKeys.get(file) ?? null,
    }];
  });
}

/** Below this many files, starting worker threads costs more than it saves. */
const JUDGE_IN_WORKERS_FROM = 2000;
/** Files sent to a worker at a time. */
const JUDGE_BATCH = 500;

/** Some files to read and judge, and some captures to hash: a worker's unit of work. */
export interface JudgeBatch {
  root: string;
  files: { collection: CollectionName; file: string }[];
  captures: string[];
  /** Whether verdicts may be taken from the cache. */
  cached: boolean;
}

/** Where a verdict, or a capture's SHA-256, came from: the cache by the file's stamp (the file was not read), the cache by the SHA-256 of its bytes, or neither. */
export type Known = 'stamp' | 'sha256' | false;

/** What a batch found: each file's stamp, SHA-256 and verdict, and each capture's stamp and SHA-256, with where each came from. */
export interface JudgedBatch {
  files: [file: string, stamp: string, sha256: string, verdict: VerdictJson, known: Known][];
  captures: [path: string, stamp: string, sha256: string, known: Known][];
}

/**
 * Takes the verdict on each file whose stamp is unchanged from the cache,
 * unread; reads and hashes the others, takes the verdict on those whose bytes
 * are unchanged from the cache, and judges the rest; and hashes the captures
 * whose stamp changed. Runs in a worker thread, or in this one for a small archive.
 */
export function judgeBatch(batch: JudgeBatch, cache: CheckCacheReader | undefined): JudgedBatch {
  const known = batch.cached ? cache : undefined;
  const read = batch.files.map(({ collection, file }) => {
    // The stamp is taken before the file is read: a file edited after that has another stamp at the next run.
    const stamp = stampOf(statSync(join(batch.root, file), { bigint: true }));
    const unread = known?.byStamp(file, stamp);
    if (unread) return { collection, file, stamp, hash: unread.sha256, verdict: unread.verdict, from: 'stamp' as const };
    const bytes = readFileSync(join(batch.root, file));
    const hash = sha256(bytes);
    const verdict = known?.get(file, hash);
    return verdict ? { collection, file, stamp, hash, verdict, from: 'sha256' as const } : { collection, file, stamp, hash, bytes, from: false as const };
  });
  const fresh = new Map(judgeFiles(read.flatMap((f) => ('bytes' in f ? [{ collection: f.collection, file: f.file, text: f.bytes.toString('utf8') }] : []))));
  return {
    files: read.map((f) => [f.file, f.stamp, f.hash, 'verdict' in f ? f.verdict : (JSON.stringify(fresh.get(f.file)) as VerdictJson), f.from]),
    captures: batch.captures.map((path) => {
      const file = join(batch.root, 'content', path);
      const stamp = stampOf(statSync(file, { bigint: true }));
      const hash = known?.captureHash(path, stamp);
      return hash ? [path, stamp, hash, 'stamp'] : [path, stamp, sha256(readFileSync(file)), false];
    }),
  };
}

/** Splits the files and the captures into batches of about JUDGE_BATCH each. */
function batchesOf(root: string, files: JudgeBatch['files'], captures: string[], cached: boolean): JudgeBatch[] {
  const count = Math.max(1, Math.ceil(files.length / JUDGE_BATCH));
  const share = <T>(items: T[], i: number) => items.slice(Math.floor((i * items.length) / count), Math.floor(((i + 1) * items.length) / count));
  return Array.from({ length: count }, (_, i) => ({ root, files: share(files, i), captures: share(captures, i), cached }));
}

/** The whole archive as the rules of scope "archive" see it, from the verdict on each file. */
function archiveOf(
  root: string, files: readonly { collection: CollectionName; file: string }[], verdicts: ReadonlyMap<string, FileVerdict>,
  captureHashes: ReadonlyMap<string, string>, strayFiles: ArchiveScope['strayFiles'],
): ArchiveScope {
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
    captureHashes,
    strayFiles,
  };
}

/** The files directly under content/captures/ (where the schema keeps captures), as "captures/<name>". */
async function listCaptures(root: string): Promise<string[]> {
  const entries = await readdir(join(root, 'content', 'captures'), { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => `captures/${e.name}`).sort();
}

const collectionOfFile = (file: string): CollectionName =>
  (Object.keys(collections) as CollectionName[]).find((name) => file.startsWith(`content/${collections[name].folder}/`))!;

/**
 * The ids of records whose files the schema rule reports (bad YAML, a missing field): such a file still names
 * its record, and the problem is that file's, not that of every record referring to it.
 */
function unreadableIds(archive: ArchiveScope): Partial<Record<CollectionName, Set<string>>> {
  const unreadable: Partial<Record<CollectionName, Set<string>>> = {};
  for (const { file } of archive.loadProblems) {
    const collection = collectionOfFile(file);
    if (collection) (unreadable[collection] ??= new Set()).add(basename(file, collections[collection].extension));
  }
  return unreadable;
}

/** Where a value of content/dataset.yaml is, as a problem names it: file, line, column and field. */
type DatasetLocator = (path: (string | number)[]) => Pick<ContentProblem, 'file' | 'line' | 'column' | 'field'>;

/**
 * What the releases of content/dataset.yaml must say of the articles: each is added by one release, and a
 * withdrawn one is withdrawn by one, else the changelog and the releases table leave out when it came or went.
 */
function releaseProblems(releases: readonly Release[], archive: ArchiveScope, at: DatasetLocator): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const articles = new Map(archive.records.articles.map((r) => [r.data.id, r]));
  const addedBy = new Map<string, string>();
  const withdrawnBy = new Set<string>();
  // Releases are listed newest first: read oldest first, so that an article added twice is reported where it is added again.
  for (let i = releases.length - 1; i >= 0; i--) {
    const { version, date, added, withdrawn } = releases[i]!;
    added.forEach((id, j) => {
      const article = articles.get(id);
      // A release made before an article was added cannot have published it: most likely the id was added to a published release.
      if (article && article.data.added > date) {
        problems.push({
          ...at(['releases', i, 'added', j]),
          message: `adds "${id}", which was added to the archive on ${article.data.added}, after this release was made (${date})`,
          fix: `list it in a new release above ${releases[0]!.version}: a published release never changes (or correct "added" in ${article.file})`,
          rule: 'release',
        });
      }
      const earlier = addedBy.get(id);
      if (earlier === undefined) {
        addedBy.set(id, version);
        return;
      }
      problems.push({
        ...at(['releases', i, 'added', j]),
        message: `adds "${id}" again: release ${earlier} added it`,
        fix: 'remove it from this release\'s "added"; list it under "corrected" if this release corrected it',
        rule: 'release',
      });
    });
    withdrawn.forEach((id, j) => {
      withdrawnBy.add(id);
      const article = articles.get(id);
      if (!article || article.data.withdrawn) return;
      problems.push({
        ...at(['releases', i, 'withdrawn', j]),
        message: `lists "${id}" as withdrawn, but ${article.file} has no "withdrawn"`,
        fix: `set withdrawn: { date, reason } in ${article.file} (CONTRIBUTING.md, "Withdrawing an article"), or remove the id from this list`,
        rule: 'release',
      });
    });
  }
  const newest = releases[0]!.version;
  const [major, minor] = newest.split('.').map(Number);
  for (const { data, file } of archive.records.articles) {
    if (!addedBy.has(data.id)) {
      problems.push({
        file, ...locateField('articles', archive.textOf(file), ['id']), field: 'id',
        message: `is in no release of ${DATASET_FILE}: its changelog and releases table would not say when the article was added`,
        fix: `list "${data.id}" under "added" in the release that publishes it, the first in ${DATASET_FILE} (a new minor version, ${major}.${minor! + 1}.0, if ${newest} is published)`,
        rule: 'release',
      });
    }
    if (data.withdrawn && !withdrawnBy.has(data.id)) {
      problems.push({
        file, ...locateField('articles', archive.textOf(file), ['withdrawn']), field: 'withdrawn',
        message: `is set, but no release of ${DATASET_FILE} lists the article under "withdrawn"`,
        fix: `list "${data.id}" under "withdrawn" in the release that withdraws it, the first in ${DATASET_FILE}`,
        rule: 'release',
      });
    }
  }
  return problems;
}

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
    description: 'references to events, entities, sources, topics and articles resolve',
    check: (archive) => {
      const fileOf = new Map<string, string>();
      for (const [name, records] of Object.entries(archive.records)) for (const r of records) fileOf.set(`${name}/${r.data.id}`, r.file);
      return findBrokenReferences({
        unreadable: unreadableIds(archive),
        articles: archive.records.articles.map((r) => r.data),
        events: archive.records.events.map((r) => r.data),
        sources: archive.records.sources.map((r) => r.data),
        entities: archive.records.entities.map((r) => r.data),
        topics: archive.records.topics.map((r) => r.data),
        files: (collection, id) => fileOf.get(`${collection}/${id}`)!,
      }).map((problem) => {
        const path = problem.field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
        return { ...problem, ...locateField(collectionOfFile(problem.file), archive.textOf(problem.file), path) };
      });
    },
  },
  {
    id: 'dataset',
    scope: 'archive',
    description: 'content/dataset.yaml: its schema, releases that name articles of the archive, and every article added (and each withdrawn one withdrawn) by one release',
    check: async (archive) => {
      const text = await readFile(join(archive.root, DATASET_FILE), 'utf8').catch(() => undefined);
      if (text === undefined) {
        return [{ file: DATASET_FILE, line: 1, column: 1, field: '', message: 'is missing: the dataset\'s name, licences and releases', fix: 'restore it from the repository', rule: 'dataset' }];
      }
      const parsed = parseYamlFile(DatasetSchema, DATASET_FILE, text);
      if (!parsed.ok) return parsed.problems;
      const articles = new Set([...archive.records.articles.map((r) => r.data.id), ...(unreadableIds(archive).articles ?? [])]);
      const locate = yamlLocator(text);
      const at: DatasetLocator = (path) => ({ file: DATASET_FILE, ...locate(path), field: path.join('.') });
      const problems: ContentProblem[] = [];
      parsed.data.releases.forEach((release, i) => {
        for (const list of ['added', 'corrected', 'withdrawn'] as const) {
          release[list].forEach((id, j) => {
            if (articles.has(id)) return;
            const meant = nearestId(id, articles);
            problems.push({
              ...at(['releases', i, list, j]),
              message: `names "${id}", which is not in content/articles/`,
              fix: meant ? `did you mean "${meant}"?` : 'correct the id, or remove it from the release',
              rule: 'reference',
            });
          });
        }
      });
      problems.push(...releaseProblems(parsed.data.releases, archive, at));
      return problems;
    },
  },
  {
    id: 'stray-file',
    scope: 'archive',
    description: 'every file in a collection\'s folder is one of its records (nothing there is silently left out)',
    check: (archive) => archive.strayFiles.map(({ collection, file }): ContentProblem => {
      const { folder, extension } = collections[collection];
      return {
        file, line: 1, column: 1, field: '',
        message: `is not read: content/${folder}/ holds ${collection} as ${extension} files, so this one is not built, searched or exported`,
        fix: `rename it to "${basename(file).replace(/\.[^.]*$/, '')}${extension}" if it is one of the ${collection}, or move it out of content/${folder}/`,
        rule: 'stray-file',
      };
    }),
  },
  {
    id: 'capture-hash',
    scope: 'archive',
    description: 'every capture exists and matches its recorded SHA-256',
    check: (archive) => {
      const problems: ContentProblem[] = [];
      for (const { data, file } of archive.records.articles) {
        const actual = archive.captureHashes.get(data.capture.path);
        if (actual === data.capture.sha256) continue;
        // Locating a field re-reads the YAML: only done for a problem.
        const at = locateField('articles', archive.textOf(file), ['capture', 'sha256']);
        if (actual === undefined) {
          problems.push({ file, ...at, field: 'capture.path', message: `content/${data.capture.path} does not exist`, fix: 'add the raw capture under content/captures/ or correct the path', rule: 'capture-hash' });
        } else {
          problems.push({ file, ...at, field: 'capture.sha256', message: `does not match content/${data.capture.path} (its SHA-256 is ${actual})`, fix: 'a capture is never edited: restore the original bytes, or record the hash of a new capture', rule: 'capture-hash' });
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
        if (files.canonical.has(record.file)) continue;
        const text = files.texts.get(record.file)!;
        const canonical = serializeParsedRecord(name, record.data as never, record.body);
        if (text === canonical) continue;
        const actual = text.split('\n');
        const index = canonical.split('\n').findIndex((line, i) => line !== actual[i]);
        problems.push({
          file: record.file, line: index + 1, column: 1, field: '',
          // Line endings are the usual cause from an editor on Windows, and invisible in a diff: named when they are.
          message: actual[index]?.endsWith('\r') && canonical.split('\n')[index] === actual[index].slice(0, -1)
            ? 'is not in canonical form: its lines end in CRLF (Windows line endings), where the canonical form has LF'
            : 'is not in canonical form (YAML quoting, key order or layout differs)',
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
 * there are many, and with the cache (the default) only when its stamp and its
 * bytes changed since it was last judged (a file whose stamp is unchanged is not
 * read, nor a capture's: see check-cache.ts); then the rules of scope "archive"
 * run over everything. `{ cache: false }` reads, hashes and judges everything.
 */
export async function checkContent(root: string, options: { cache?: boolean; inWorkersFrom?: number } = {}): Promise<ContentProblem[]> {
  const cache = options.cache === false ? undefined : openCheckCache(root);
  try {
    const names = Object.keys(collections) as CollectionName[];
    // Each folder is read once, for the files its collection reads and for those it does not.
    const folders = await Promise.all(names.map((collection) => readCollectionFolder(root, collection)));
    const listed = names.flatMap((collection, i) => folders[i]!.files.map((file) => ({ collection, file })));
    const strayFiles = names.flatMap((collection, i) => folders[i]!.stray.map((file) => ({ collection, file })));
    const captures = await listCaptures(root);
    // Each file is stamped, and read, hashed and judged only as the cache needs, where it is judged.
    const verdicts = new Map<string, FileVerdict>();
    const captureHashes = new Map<string, string>();
    const keep = ({ files, captures }: JudgedBatch) => {
      for (const [file, stamp, hash, verdict, known] of files) {
        verdicts.set(file, JSON.parse(verdict) as FileVerdict);
        if (known !== 'stamp') cache?.set(file, stamp, hash, verdict);
      }
      for (const [path, stamp, hash, known] of captures) {
        captureHashes.set(path, hash);
        if (known !== 'stamp') cache?.setCapture(path, stamp, hash);
      }
    };
    const batches = batchesOf(root, listed, captures, cache !== undefined);
    if (listed.length < (options.inWorkersFrom ?? JUDGE_IN_WORKERS_FROM)) batches.forEach((batch) => keep(judgeBatch(batch, cache)));
    else await inWorkers(new URL('./check-worker.ts', import.meta.url), batches, availableParallelism(), keep);
    cache?.keepOnly(new Set(verdicts.keys()), new Set(captureHashes.keys()));
    const archive = archiveOf(root, listed, verdicts, captureHashes, strayFiles);
    const archiveProblems = (await Promise.all(rules.filter((r): r is ArchiveRule => r.scope === 'archive').map((rule) => rule.check(archive)))).flat();
    const problems = [...[...verdicts.values()].flatMap((v) => v.problems), ...archiveProblems];
    return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  } finally {
    cache?.close();
  }
}
