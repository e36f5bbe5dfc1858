/**
 * content:check's memory of files it has already checked
 * (.cache/content-check.sqlite): for each file, what checking that file alone
 * found (its record's facts, which the rules across files read (see
 * RecordFacts), or the problems that kept it from parsing; the problems of the
 * rules that look at one file at a time; and the key of its text for finding
 * duplicates), under its stamp (size, modification time and inode:
 * src/lib/file-stamps.ts) and the SHA-256 of its text. And for each capture,
 * its SHA-256 under its stamp.
 *
 * A run after a small change then reads, parses and checks only the files whose
 * stamp changed, as the build's other stages do; a file whose stamp changed but
 * not its bytes (a checkout, a copy) is read and hashed, not judged again. The
 * rules across files (references, captures, dates, duplicates) always run over
 * the whole archive. A fresh checkout, as in CI, has no cache: every file and
 * capture is read and hashed.
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
  /** The verdict on a file judged when its stamp was `stamp`, and the SHA-256 its text had then. */
  byStamp(file: string, stamp: string): { sha256: string; verdict: VerdictJson } | undefined;
  /** The verdict on a file judged when its text had this SHA-256. */
  get(file: string, sha256: string): VerdictJson | undefined;
  /** A capture's SHA-256 when its stamp was `stamp`. */
  captureHash(path: string, stamp: string): string | undefined;
}

export interface CheckCache extends CheckCacheReader {
  set(file: string, stamp: string, sha256: string, verdict: VerdictJson): void;
  setCapture(path: string, stamp: string, sha256: string): void;
  /** Forgets the files and captures not in these sets (deleted or renamed since they were checked). */
  keepOnly(files: ReadonlySet<string>, captures: ReadonlySet<string>): void;
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
  db.exec('PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);');
  const stored = db.prepare('SELECT value FROM meta WHERE key = ?').get('fingerprint') as { value: string } | undefined;
  if (stored?.value !== fingerprint) {
    // Other code made these entries (perhaps with other tables): they go, tables and all.
    db.exec(`DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS captures;
      CREATE TABLE files (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, sha256 TEXT NOT NULL, verdict TEXT NOT NULL);
      CREATE TABLE captures (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, sha256 TEXT NOT NULL);`);
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('fingerprint', fingerprint);
  }
  const reader = readerOf(db);
  const upsert = db.prepare('INSERT OR REPLACE INTO files (path, stamp, sha256, verdict) VALUES (?, ?, ?, ?)');
  const upsertCapture = db.prepare('INSERT OR REPLACE INTO captures (path, stamp, sha256) VALUES (?, ?, ?)');
  const forget = (table: 'files' | 'captures', keep: ReadonlySet<string>) => {
    const remove = db.prepare(`DELETE FROM ${table} WHERE path = ?`);
    for (const { path } of db.prepare(`SELECT path FROM ${table}`).all() as { path: string }[]) if (!keep.has(path)) remove.run(path);
  };
  db.exec('BEGIN');
  return {
    ...reader,
    set: (path, stamp, sha256, verdict) => void upsert.run(path, stamp, sha256, verdict),
    setCapture: (path, stamp, sha256) => void upsertCapture.run(path, stamp, sha256),
    keepOnly: (files, captures) => {
      forget('files', files);
      forget('captures', captures);
    },
    close: () => {
      db.exec('COMMIT');
      db.close();
    },
  };
}

/** The lookups, the same for the main thread's connection and a worker's. */
function readerOf(db: DatabaseSync): CheckCacheReader {
  const byStamp = db.prepare('SELECT sha256, verdict FROM files WHERE path = ? AND stamp = ?');
  const byHash = db.prepare('SELECT verdict FROM files WHERE path = ? AND sha256 = ?');
  const captureHash = db.prepare('SELECT sha256 FROM captures WHERE path = ? AND stamp = ?');
  return {
    byStamp: (path, stamp) => {
      const row = byStamp.get(path, stamp) as { sha256: string; verdict: VerdictJson } | undefined;
      return row && { sha256: row.sha256, verdict: row.verdict };
    },
    get: (path, sha256) => (byHash.get(path, sha256) as { verdict: VerdictJson } | undefined)?.verdict,
    captureHash: (path, stamp) => (captureHash.get(path, stamp) as { sha256: string } | undefined)?.sha256,
  };
}

/**
 * Opens the cache under `root` to read only, as a worker thread does once the
 * main thread has opened it with openCheckCache (which drops stale entries).
 */
export function openCheckCacheReader(root: string): CheckCacheReader {
  return readerOf(new DatabaseSync(join(root, CHECK_CACHE_FILE), { readOnly: true }));
}
