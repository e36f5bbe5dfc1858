/**
 * content:check's memory of files it has already checked
 * (.cache/content-check.sqlite): for each file, under the SHA-256 of its text,
 * what checking that file alone found: its record's facts (what the rules
 * across files read, see RecordFacts) or the problems that kept it from
 * parsing, the problems of the rules that look at one file at a time, and the
 * key of its text for finding duplicates. A run after a small change then parses and
 * checks only the files that changed; the rules across files (references,
 * captures, dates, duplicates) always run over the whole archive.
 *
 * Every entry is tied to a fingerprint of the checker's own code and
 * dependencies: after any change to the schema or the rules, nothing is reused.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { CollectionName } from '../../src/schema/index.ts';
import type { ContentProblem } from '../../src/schema/parse.ts';
import type { RecordFacts } from './content-rules.ts';
import { codeFingerprint, PROJECT } from '../../src/lib/fingerprint.ts';

export const CHECK_CACHE_FILE = '.cache/content-check.sqlite';

/** What checking one file alone found. */
export interface FileVerdict {
  /** The record's facts (what the rules across files read), or the problems that kept the file from parsing. */
  parsed: { ok: true; record: { data: RecordFacts[CollectionName]; bodyLine: number } } | { ok: false; problems: ContentProblem[] };
  /** Problems of the rules that look at one file at a time. */
  problems: ContentProblem[];
  /** The key of an article's text, for the duplicate-text rule (null when too short to compare). */
  textKey: string | null;
}

/**
 * A verdict as JSON text, as it is stored and as a worker thread sends it: the
 * main thread parses each verdict once, and stores a new one without
 * serializing it again (cloning objects between threads costs more).
 */
export type VerdictJson = string & { readonly __verdict: true };

/** Reads verdicts (from any thread: the database is in WAL mode, so readers do not wait for the writer). */
export interface CheckCacheReader {
  get(file: string, sha256: string): VerdictJson | undefined;
}

export interface CheckCache extends CheckCacheReader {
  set(file: string, sha256: string, verdict: VerdictJson): void;
  /** Forgets the files not in `files` (deleted or renamed since they were checked). */
  keepOnly(files: ReadonlySet<string>): void;
  /** Writes what was set and closes the database. */
  close(): void;
}

/** The code a verdict depends on: the schema, the loaders and rules (and the pinned dependencies). */
const CHECKER_SOURCES = ['src/schema', 'src/lib', 'scripts/lib'];

/** A digest of the checker's code and dependencies (tests left out). */
export function checkerFingerprint(project = PROJECT): string {
  return codeFingerprint(CHECKER_SOURCES, project);
}

/** Opens the cache under `root`; entries made by other code than this are dropped. */
export function openCheckCache(root: string, fingerprint = checkerFingerprint()): CheckCache {
  const file = join(root, CHECK_CACHE_FILE);
  mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec(`PRAGMA journal_mode = WAL;
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, verdict TEXT NOT NULL);`);
  const stored = db.prepare('SELECT value FROM meta WHERE key = ?').get('fingerprint') as { value: string } | undefined;
  if (stored?.value !== fingerprint) {
    db.exec('DELETE FROM files');
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('fingerprint', fingerprint);
  }
  const { get } = readerOf(db);
  const upsert = db.prepare('INSERT OR REPLACE INTO files (path, sha256, verdict) VALUES (?, ?, ?)');
  const listPaths = db.prepare('SELECT path FROM files');
  const remove = db.prepare('DELETE FROM files WHERE path = ?');
  db.exec('BEGIN');
  return {
    get,
    set: (path, sha256, verdict) => void upsert.run(path, sha256, verdict),
    keepOnly: (files) => {
      for (const { path } of listPaths.all() as { path: string }[]) if (!files.has(path)) remove.run(path);
    },
    close: () => {
      db.exec('COMMIT');
      db.close();
    },
  };
}

/** The lookup of a verdict, the same for the main thread's connection and a worker's. */
function readerOf(db: DatabaseSync): CheckCacheReader {
  const select = db.prepare('SELECT verdict FROM files WHERE path = ? AND sha256 = ?');
  return {
    get: (path, sha256) => (select.get(path, sha256) as { verdict: VerdictJson } | undefined)?.verdict,
  };
}

/**
 * Opens the cache under `root` to read only, as a worker thread does once the
 * main thread has opened it with openCheckCache (which drops stale entries).
 */
export function openCheckCacheReader(root: string): CheckCacheReader {
  return readerOf(new DatabaseSync(join(root, CHECK_CACHE_FILE), { readOnly: true }));
}
