/**
 * Rendered bodies, cached by content. Every article and event body is rendered
 * once per change, in parallel, before the site, the search index and the
 * exports are built (scripts/render-bodies.ts); each of them then reads the
 * HTML or the plain text here instead of rendering the Markdown again.
 *
 * The cache is one SQLite file (Node's built-in node:sqlite) keyed by the
 * SHA-256 of the Markdown; it records the renderer's fingerprint, and a cache
 * written by another renderer is ignored. It also keeps each content file's body
 * key with the file's stamp when it was read, so that the bodies stage reads
 * again only the files that changed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { BodyText } from '../export/tables.ts';
import { bodyTextOf } from '../export/tables.ts';
import type { RenderedBody } from '../markdown/render.ts';

/**
 * The table's layout. A table with a rowid: its rows (the HTML and the text,
 * tens of kilobytes) overflow their pages, so a table without rowid, which
 * keeps whole rows in its key's B-tree, needed about a hundred microseconds to
 * find a key among 100,000 and twice as long to read a text; with a rowid the
 * keys sit in a compact index of their own (10 µs and 80 µs).
 */
const LAYOUT = 'rowid';

/** Where the build keeps the cache, relative to the project root. */
export const BODY_CACHE_FILE = '.cache/bodies.sqlite';

/** A content file as the bodies stage last read it. */
export interface FileRead {
  stamp: string;
  /** Its body's key. */
  key: string;
}

export interface BodyCache {
  /** The rendered body cached under `key`, if any. */
  get(key: string): RenderedBody | undefined;
  /** The plain text and word count cached under `key`, if any (without reading the HTML). */
  text(key: string): BodyText | undefined;
  /** Whether a body is cached under `key`. */
  has(key: string): boolean;
  /** Stores rendered bodies, all in one transaction. */
  put(entries: Iterable<readonly [key: string, body: RenderedBody]>): void;
  /** Forgets every body whose key is not in `keep` (bodies no content file has any more); returns how many. */
  prune(keep: ReadonlySet<string>): number;
  /** The key of each content file's body when it was last read, with the file's stamp then (src/lib/file-stamps.ts), by path. */
  readFiles(): Map<string, FileRead>;
  /** Records the files read now, and forgets the files in `gone` (removed since they were read). */
  putReadFiles(read: Iterable<readonly [path: string, file: FileRead]>, gone: Iterable<string>): void;
  close(): void;
}

/**
 * Opens the cache at `file` for renderer `fingerprint`. For writing, a cache
 * made by another renderer is emptied; for reading, it (or a missing file)
 * reads as empty, so callers fall back to rendering.
 */
export function openBodyCache(file: string, fingerprint: string, mode: 'read' | 'write'): BodyCache {
  if (mode === 'read' && !existsSync(file)) return emptyCache;
  if (mode === 'write') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file, { readOnly: mode === 'read' });
  if (mode === 'write') {
    db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
      CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, key TEXT NOT NULL) WITHOUT ROWID;`);
  }
  const stored = (db.prepare("SELECT value FROM meta WHERE name = 'renderer'").get() as { value: string } | undefined)?.value;
  // The table's layout is part of what a cache must match: one made with another layout is rebuilt.
  const version = `${fingerprint}:${LAYOUT}`;
  if (stored !== version) {
    if (mode === 'read') {
      db.close();
      return emptyCache;
    }
    // Another renderer's bodies (and perhaps another layout of the table): start again.
    db.exec(`DROP TABLE IF EXISTS bodies;
      CREATE TABLE bodies (key TEXT PRIMARY KEY, html TEXT NOT NULL, text TEXT NOT NULL, words INTEGER NOT NULL);`);
    db.prepare("INSERT OR REPLACE INTO meta (name, value) VALUES ('renderer', ?)").run(version);
  }
  const select = db.prepare('SELECT html, text, words FROM bodies WHERE key = ?');
  const selectText = db.prepare('SELECT text, words FROM bodies WHERE key = ?');
  const exists = db.prepare('SELECT 1 FROM bodies WHERE key = ?');
  let insert: StatementSync | undefined;
  return {
    get: (key) => select.get(key) as RenderedBody | undefined,
    text: (key) => selectText.get(key) as BodyText | undefined,
    has: (key) => exists.get(key) !== undefined,
    put(entries) {
      insert ??= db.prepare('INSERT OR REPLACE INTO bodies (key, html, text, words) VALUES (?, ?, ?, ?)');
      db.exec('BEGIN');
      for (const [key, body] of entries) insert.run(key, body.html, body.text, body.words);
      db.exec('COMMIT');
    },
    prune(keep) {
      const stale = (db.prepare('SELECT key FROM bodies').all() as { key: string }[]).map((row) => row.key).filter((key) => !keep.has(key));
      const remove = db.prepare('DELETE FROM bodies WHERE key = ?');
      db.exec('BEGIN');
      for (const key of stale) remove.run(key);
      db.exec('COMMIT');
      return stale.length;
    },
    readFiles: () => new Map((db.prepare('SELECT path, stamp, key FROM files').all() as { path: string; stamp: string; key: string }[]).map(({ path, stamp, key }) => [path, { stamp, key }])),
    putReadFiles(read, gone) {
      const put = db.prepare('INSERT OR REPLACE INTO files (path, stamp, key) VALUES (?, ?, ?)');
      const remove = db.prepare('DELETE FROM files WHERE path = ?');
      db.exec('BEGIN');
      for (const [path, { stamp, key }] of read) put.run(path, stamp, key);
      for (const path of gone) remove.run(path);
      db.exec('COMMIT');
    },
    close: () => db.close(),
  };
}

const emptyCache: BodyCache = {
  get: () => undefined,
  text: () => undefined,
  has: () => false,
  put: () => {
    throw new Error('the body cache is open for reading');
  },
  prune: () => 0,
  readFiles: () => new Map(),
  putReadFiles: () => {
    throw new Error('the body cache is open for reading');
  },
  close: () => {},
};

/**
 * A body's plain text and word count from `cache` by its key, or computed from its Markdown, read only then
 * (for a reader that has the key without the body: see loadCollectionKeys in content-files.ts).
 */
export function bodyTextByKey(cache: BodyCache, key: string, markdown: () => string, lang: string): BodyText {
  return cache.text(key) ?? bodyTextOf(markdown(), lang);
}
