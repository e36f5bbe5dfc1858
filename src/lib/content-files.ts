/**
 * Reads the content tree from disk: every file of a collection, parsed and
 * validated through the schema module. Used by the Astro loader and by the
 * command-line tools alike, so both see the same records and the same errors.
 */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { collections, type CollectionName } from '../schema/index.ts';
import { parseCanonicalFile, type ContentProblem, type ParsedRecord, type ParseResult } from '../schema/parse.ts';
import { fileStamps } from './file-stamps.ts';
import { bodyKey } from './body-key.ts';
import { codeFingerprint } from './fingerprint.ts';
import { PARSER_SOURCES, readRecordCache, recordToKeep, writeRecordCache, type CachedRecord } from './record-cache.ts';

/** A validated record with the file it came from. */
export type LoadedRecord<C extends CollectionName> = ParsedRecord<C> & {
  /** Path relative to the project root, with forward slashes. */
  file: string;
};

export interface LoadedCollection<C extends CollectionName> {
  records: LoadedRecord<C>[];
  problems: ContentProblem[];
}

/**
 * A collection's folder, read once (recursively): the files the collection reads, and the stray ones it does
 * not (not ending in its extension, as an article saved as .txt; hidden files such as ".DS_Store" aside), each
 * sorted and relative to `root`.
 */
export async function readCollectionFolder(root: string, collection: CollectionName): Promise<{ files: string[]; stray: string[] }> {
  const spec = collections[collection];
  const entries = await readdir(join(root, 'content', spec.folder), { recursive: true, withFileTypes: true });
  const files: string[] = [];
  const stray: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = relative(root, join(entry.parentPath, entry.name)).split('\\').join('/');
    if (entry.name.endsWith(spec.extension)) files.push(path);
    else if (!entry.name.startsWith('.')) stray.push(path);
  }
  return { files: files.sort(), stray: stray.sort() };
}

/** Lists a collection's files (recursively, sorted), relative to `root`. */
export async function listCollectionFiles(root: string, collection: CollectionName): Promise<string[]> {
  return (await readCollectionFolder(root, collection)).files;
}

/** Files read at a time: enough to keep the disk busy while the previous ones are processed. */
const READ_AHEAD = 64;

/**
 * Starts `load` for a few dozen items ahead and yields the results in order: the
 * disk works while the caller processes what has arrived.
 */
async function* loadAhead<T, R>(items: readonly T[], load: (item: T) => Promise<R>, ahead = READ_AHEAD): AsyncGenerator<[item: T, result: R]> {
  const pending: Promise<R>[] = [];
  for (let next = 0, done = 0; done < items.length; done++) {
    while (next < items.length && next < done + ahead) pending.push(load(items[next++]!));
    yield [items[done]!, await pending.shift()!];
  }
}

/** The text of every file in `files` (paths relative to `root`), in order. */
export function readTexts(root: string, files: readonly string[]): AsyncGenerator<[file: string, text: string]> {
  return loadAhead(files, (file) => readFile(join(root, file), 'utf8'));
}

/**
 * The records of a collection from its files' parse results, in file order;
 * a record whose id an earlier file already has is left out, with a problem.
 */
export function collectRecords<R extends { data: { id: string } }>(
  results: Iterable<[file: string, result: { ok: true; record: R } | { ok: false; problems: ContentProblem[] }]>,
): { records: (R & { file: string })[]; problems: ContentProblem[] } {
  const records: (R & { file: string })[] = [];
  const problems: ContentProblem[] = [];
  const ids = new Map<string, string>();
  for (const [file, result] of results) {
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const earlier = ids.get(result.record.data.id);
    if (earlier) {
      problems.push({
        file, line: 1, column: 1, field: 'id',
        message: `duplicates the id of ${earlier}`,
        fix: 'give each record its own id; ids are never reused', rule: 'unique-id',
      });
      continue;
    }
    ids.set(result.record.data.id, file);
    records.push({ ...result.record, file });
  }
  return { records, problems };
}

/**
 * Reads and validates every file of a collection; never throws on bad content, it reports it.
 * Files are parsed by parseCanonicalFile, which gives parseContentFile's result, and reads a file
 * in canonical form (all of them, once content:check passes) without js-yaml: at 100,000 articles,
 * loading the four collections took 21.4 and 20.2 s with parseContentFile, 21.0 and 17.9 s so.
 * A file unchanged since the last load (by its stamp) takes its record from the record cache
 * (record-cache.ts) and is read only for its body; `{ cache: false }` parses every file.
 */
export async function loadCollection<C extends CollectionName>(root: string, collection: C, { cache = true } = {}): Promise<LoadedCollection<C>> {
  if (!cache) return collectRecords(await parseFiles(root, collection, await listCollectionFiles(root, collection)));
  const { records, problems } = await loadThroughCache(root, collection, true);
  // Every file was read, so every record has its body.
  return { records: records.map(({ file, data, body, bodyLine }) => ({ file, data, body: body!, bodyLine })), problems };
}

/** A record whose body its load may have left unread, known by its key until it is asked for. */
export type KeyedRecord<C extends CollectionName> = Omit<LoadedRecord<C>, 'body'> & {
  /** The body's key (body-key.ts). */
  bodyKey: string;
  /** The body: from the load, or read from the file now (synchronously) if the load did not read it. */
  readBody: () => string;
};

/**
 * Every record of a collection with its body's key, as loadCollection gives them (same records, same
 * problems), but reading only the files whose stamp changed since the record cache kept them: for a
 * reader that needs the bodies' keys and few bodies (the search index, when most of its shards are unchanged).
 */
export async function loadCollectionKeys<C extends CollectionName>(root: string, collection: C): Promise<{ records: KeyedRecord<C>[]; problems: ContentProblem[] }> {
  const { records, problems } = await loadThroughCache(root, collection, false);
  return {
    records: records.map(({ file, data, bodyLine, bodyKey, body, bodyStart }) => ({
      file, data, bodyLine, bodyKey,
      readBody: body !== undefined ? () => body : () => readFileSync(join(root, file), 'utf8').slice(bodyStart),
    })),
    problems,
  };
}

/** A record loaded through the record cache: its body when its file was read, and where in the file the body starts. */
type CacheLoadedRecord<C extends CollectionName> = Omit<ParsedRecord<C>, 'body'> & { bodyKey: string; body: string | undefined; bodyStart: number };

/**
 * Loads a collection through the record cache: a file whose stamp is unchanged takes its kept record
 * (and is read, for its body, only with `readKept`), any other is read and parsed; the cache is then
 * written back if an entry was added, changed or dropped.
 */
async function loadThroughCache<C extends CollectionName>(root: string, collection: C, readKept: boolean) {
  const files = await listCollectionFiles(root, collection);
  const fingerprint = codeFingerprint(PARSER_SOURCES);
  const [stamps, kept] = await Promise.all([fileStamps(root, files), readRecordCache(root, collection, fingerprint)]);
  const keptFor = (file: string) => {
    const known = kept.get(file);
    return known?.stamp === stamps.get(file) ? known : undefined;
  };
  const texts = readTexts(root, readKept ? files : files.filter((file) => !keptFor(file)));
  const results: [string, { ok: true; record: CacheLoadedRecord<C> } | { ok: false; problems: ContentProblem[] }][] = [];
  const keep = new Map<string, CachedRecord>();
  for (const file of files) {
    const known = keptFor(file);
    const text = known && !readKept ? undefined : (await texts.next()).value![1];
    if (known) {
      keep.set(file, known);
      const { data, bodyLine, bodyKey, bodyStart } = known;
      results.push([file, { ok: true, record: { data: data as ParsedRecord<C>['data'], bodyLine, bodyKey, bodyStart, body: text?.slice(bodyStart) } }]);
      continue;
    }
    const { result } = parseCanonicalFile(collection, file, text!);
    if (!result.ok) {
      results.push([file, result]);
      continue;
    }
    const toKeep = recordToKeep(stamps.get(file)!, text!, result.record);
    if (toKeep) keep.set(file, toKeep);
    // A body that is not the end of its file's text (never in canonical form) is not kept, and is always read.
    const { body } = result.record;
    results.push([file, { ok: true, record: { ...result.record, bodyKey: toKeep?.bodyKey ?? bodyKey(body), bodyStart: text!.length - body.length } }]);
  }
  // Written only when an entry was added, changed or dropped (the entries reused are the same objects).
  if (keep.size !== kept.size || [...keep].some(([file, entry]) => kept.get(file) !== entry)) await writeRecordCache(root, collection, keep, fingerprint);
  return collectRecords(results);
}

/** Reads and parses some files of a collection (paths relative to `root`), in order. */
export async function parseFiles<C extends CollectionName>(root: string, collection: C, files: readonly string[]): Promise<[file: string, result: ParseResult<C>][]> {
  const results: [string, ParseResult<C>][] = [];
  for await (const [file, text] of readTexts(root, files)) results.push([file, parseCanonicalFile(collection, file, text).result]);
  return results;
}
