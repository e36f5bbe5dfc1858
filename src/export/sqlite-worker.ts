/**
 * Writes the dataset's SQLite database on a thread of its own (writeSqlite,
 * writers.ts): creates the tables, fills each from its JSON Lines file, then
 * runs the statements that follow (the full-text index), in one transaction.
 * The export's main thread goes on with other files meanwhile, and holds no
 * row for the database.
 */
import { DatabaseSync } from 'node:sqlite';
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';
import { linesOf } from './lines.ts';

/** A table to create and fill: its CREATE statement, its quoted name, its columns in order, and the JSON Lines file of its rows. */
export interface SqliteTable {
  create: string;
  identifier: string;
  columns: string[];
  jsonl: string;
  /**
   * Rows to copy from an earlier export's database instead (attached as `earlier`, its table the same):
   * for each row, its rowid there, or 0 for a row to read from the JSON Lines. A run of rows that follow
   * each other there is copied by one statement, in SQLite, without being parsed.
   */
  earlier?: { database: string; rowids: Int32Array };
}

/** What the worker is given: the database file, its tables (referenced ones first), and the statements to run once they are filled. */
export interface SqliteWork {
  file: string;
  tables: SqliteTable[];
  after: string[];
}

/**
 * Rows one INSERT statement takes: most tables have hundreds of thousands of short rows, for which the
 * cost of a call into SQLite was most of the time. The rows go in the same order, so the file is the same.
 */
const ROWS_PER_INSERT = 64;

/** A value as SQLite stores it: lists as JSON text, booleans as 0/1. */
function sqliteValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as string | number;
}

/** Inserts a table's rows, in file order: `ROWS_PER_INSERT` to a statement, and runs of rows copied from the earlier database. */
function fill(db: DatabaseSync, table: SqliteTable): void {
  const values = `(${table.columns.map(() => '?').join(', ')})`;
  const insert = (rows: number) => db.prepare(`INSERT INTO ${table.identifier} VALUES ${Array(rows).fill(values).join(', ')}`);
  const insertMany = insert(ROWS_PER_INSERT);
  let batch: (string | number | null)[] = [];
  let rows = 0;
  const insertBatch = () => {
    if (rows > 0) (rows === ROWS_PER_INSERT ? insertMany : insert(rows)).run(...batch);
    batch = [];
    rows = 0;
  };
  const copy = table.earlier && db.prepare(`INSERT INTO ${table.identifier} SELECT * FROM earlier.${table.identifier} WHERE rowid BETWEEN ? AND ? ORDER BY rowid`);
  /** The run of earlier rows to copy next: from rowid `runFirst` to `runLast`. */
  let runFirst = 0;
  let runLast = -1;
  const copyRun = () => {
    if (runLast >= runFirst) copy!.run(runFirst, runLast);
    runLast = -1;
  };
  let index = 0;
  // JSON Lines escapes every line break inside a value (JSON.stringify), so each line is one row.
  for (const line of linesOf(table.jsonl)) {
    const rowid = table.earlier?.rowids[index++] ?? 0;
    if (rowid > 0) {
      insertBatch();
      if (rowid !== runLast + 1) {
        copyRun();
        runFirst = rowid;
      }
      runLast = rowid;
      continue;
    }
    copyRun();
    const row = JSON.parse(line.toString()) as Record<string, unknown>;
    for (const column of table.columns) batch.push(sqliteValue(row[column]));
    if (++rows === ROWS_PER_INSERT) insertBatch();
  }
  copyRun();
  insertBatch();
}

const { file, tables, after } = workerData as SqliteWork;
const db = new DatabaseSync(file);
try {
  db.exec('PRAGMA journal_mode = OFF; PRAGMA foreign_keys = ON;');
  const earlier = tables.find((table) => table.earlier)?.earlier;
  // Read-only: the earlier database is the file the last export published (a hard link), which must not change.
  if (earlier) db.prepare('ATTACH DATABASE ? AS earlier').run(`${pathToFileURL(earlier.database).href}?mode=ro`);
  db.exec('BEGIN');
  for (const table of tables) {
    db.exec(table.create);
    fill(db, table);
  }
  for (const statement of after) db.exec(statement);
  db.exec('COMMIT');
} finally {
  db.close();
}
