/**
 * Runs SQL statements on a SQLite file on a thread of its own, in one
 * transaction: writeSqlite (writers.ts) builds the full-text index here while
 * the export goes on with other files.
 */
import { DatabaseSync } from 'node:sqlite';
import { workerData } from 'node:worker_threads';

/** What the worker is given: the database file and the statements to run on it. */
export interface SqliteWork {
  file: string;
  statements: string[];
}

const { file, statements } = workerData as SqliteWork;
const db = new DatabaseSync(file);
try {
  db.exec('PRAGMA journal_mode = OFF;');
  db.exec('BEGIN');
  for (const statement of statements) db.exec(statement);
  db.exec('COMMIT');
} finally {
  db.close();
}
