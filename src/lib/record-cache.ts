/**
 * The validated records of a collection's files as the last whole load found
 * them, kept in .cache/records/<collection>.json under each file's stamp (size,
 * modification time and inode: file-stamps.ts). A file whose stamp is unchanged
 * is not parsed and validated again: the exports and the search index each load
 * the whole archive on every build, and at 100,000 articles parsing was about 15
 * of the 22 s that took in a rebuild. Each record keeps its body's key too, so
 * that a reader that needs only the key (the search index, to find which of its
 * shards changed) does not read the file at all.
 *
 * Only records that parsed are kept (a file with a problem is parsed again, so
 * that its problem is reported every time), and the entries are tied to a
 * fingerprint of the code that parses and validates: after a change to the
 * schema, nothing is reused.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CollectionName } from '../schema/index.ts';
import type { ParsedRecord } from '../schema/parse.ts';
import { bodyKey } from './body-key.ts';

export const RECORD_CACHE_DIR = '.cache/records';

/** The code that turns a file into a record: the fingerprint of the cache's entries. */
export const PARSER_SOURCES = ['src/schema', 'src/lib/content-files.ts', 'src/lib/record-cache.ts', 'src/lib/body-key.ts'];

/** A file's record, as kept: its body is the file's text from `bodyStart` on. */
export interface CachedRecord {
  stamp: string;
  bodyStart: number;
  bodyLine: number;
  /** The body's key (body-key.ts). */
  bodyKey: string;
  data: unknown;
}

interface CacheFile {
  fingerprint: string;
  records: Record<string, CachedRecord>;
}

const cacheFile = (root: string, collection: CollectionName) => join(root, RECORD_CACHE_DIR, `${collection}.json`);

/** The records kept for a collection's files, by file; none when the cache is missing or code of another fingerprint made it. */
export async function readRecordCache(root: string, collection: CollectionName, fingerprint: string): Promise<Map<string, CachedRecord>> {
  const kept = await readFile(cacheFile(root, collection), 'utf8').then((text) => JSON.parse(text) as CacheFile).catch(() => undefined);
  return new Map(kept?.fingerprint === fingerprint ? Object.entries(kept.records) : []);
}

/** Replaces a collection's kept records (written whole, then renamed into place: a reader never sees half a file). */
export async function writeRecordCache(root: string, collection: CollectionName, records: ReadonlyMap<string, CachedRecord>, fingerprint: string): Promise<void> {
  const file = cacheFile(root, collection);
  await mkdir(dirname(file), { recursive: true });
  const content: CacheFile = { fingerprint, records: Object.fromEntries(records) };
  await writeFile(`${file}.${process.pid}`, JSON.stringify(content));
  await rename(`${file}.${process.pid}`, file);
}

/** The record to keep for a file parsed from `text`, or none if its body is not the end of its text. */
export function recordToKeep(stamp: string, text: string, record: ParsedRecord<CollectionName>): CachedRecord | undefined {
  return text.endsWith(record.body) ? { stamp, bodyStart: text.length - record.body.length, bodyLine: record.bodyLine, bodyKey: bodyKey(record.body), data: record.data } : undefined;
}
