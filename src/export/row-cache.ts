/**
 * The rows of a table file as the last export wrote them, kept for the next
 * one (.cache/export/rows/): the file itself (a hard link, named by its
 * SHA-256), with each row's key (Table.rowKeys, the SHA-256 of everything the
 * row is made from) and where its bytes end. A row whose key is unchanged is
 * copied from that file instead of made again: after one article changes,
 * the articles' CSV and JSON Lines are written without reading any other
 * article's body, text or hash. The database made from a kept JSON Lines
 * file is kept too, under that file's SHA-256 (keepMadeFrom), so that the
 * next export copies its unchanged articles from it, in SQLite.
 *
 * Everything is tied to a fingerprint of the code that makes the rows; after
 * any change to it, nothing is reused. The index names its file, and is
 * replaced (atomically) only once the new file is in place, so an export
 * stopped half-way leaves the earlier pair, or none, never a mismatch.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { access, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EarlierRow, WrittenTableFile } from './writers.ts';

/** What is kept of one table file. */
interface RowsIndex {
  fingerprint: string;
  /** The kept file, in the cache's folder. */
  file: string;
  /** Bytes before the first row (a CSV file's header). */
  header: number;
  keys: string[];
  /** Where each row's bytes end, as in WrittenTableFile. */
  rowEnds: number[];
}

/** Earlier rows for this export's keys, and what to do once the file is written. */
export interface EarlierRows {
  row: EarlierRow;
  /** Where row i of this export was in the earlier file (from 0), if it is there. */
  indexOf: (index: number) => number | undefined;
  /** How many of this export's rows the earlier file has. */
  found: number;
  /** The earlier file's SHA-256, by which what was made from it is kept (keepMadeFrom). */
  sha256?: string;
  close: () => void;
}

/** Bytes read from an earlier file at once: rows come in file order, so most are found in the last piece read. */
const PIECE_BYTES = 8 << 20;

export class RowCache {
  private readonly dir: string;
  private readonly fingerprint: string;
  private constructor(dir: string, fingerprint: string) {
    this.dir = dir;
    this.fingerprint = fingerprint;
  }

  /** The cache in `dir`; what code other than `fingerprint`'s wrote is not reused. */
  static async open(dir: string, fingerprint: string): Promise<RowCache> {
    await mkdir(dir, { recursive: true });
    return new RowCache(dir, fingerprint);
  }

  private indexFile(name: string): string {
    return join(this.dir, `${name}.json`);
  }

  private async index(name: string): Promise<RowsIndex | undefined> {
    try {
      const index = JSON.parse(await readFile(this.indexFile(name), 'utf8')) as RowsIndex;
      return index.fingerprint === this.fingerprint ? index : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /**
   * The rows the last export wrote into the file `name` under this export's `keys` (its rows, in
   * order): `row(i)` gives row i's bytes, or undefined when the row is new or changed. A row's bytes
   * are valid until the next row is asked for: the writers copy each row before asking for the next.
   */
  async earlier(name: string, keys: readonly string[]): Promise<EarlierRows> {
    const index = await this.index(name);
    if (!index) return { row: () => undefined, indexOf: () => undefined, found: 0, close: () => {} };
    const at = new Map(index.keys.map((key, i) => [key, i]));
    const fd = openSync(join(this.dir, index.file), 'r');
    // One buffer, read into again and again: a new one for each piece cost 2 s of allocation in a
    // 100,000-article rebuild (3.6 GB of rows), with the page cache full, beside the garbage collection.
    let buffer = Buffer.alloc(0);
    let piece = buffer;
    let pieceStart = 0;
    const row = (i: number) => {
      const old = at.get(keys[i]!);
      if (old === undefined) return undefined;
      const start = old === 0 ? index.header : index.rowEnds[old - 1]!;
      const end = index.rowEnds[old]!;
      if (start < pieceStart || end > pieceStart + piece.length) {
        const needed = Math.max(PIECE_BYTES, end - start);
        if (buffer.length < needed) buffer = Buffer.allocUnsafe(needed);
        piece = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, start));
        pieceStart = start;
        if (end > start + piece.length) throw new Error(`${join(this.dir, index.file)} ends before byte ${end}: delete ${this.dir}`);
      }
      return piece.subarray(start - pieceStart, end - pieceStart);
    };
    const indexOf = (i: number) => at.get(keys[i]!);
    return { row, indexOf, found: keys.filter((key) => at.has(key)).length, sha256: index.file.slice(name.length + 1), close: () => closeSync(fd) };
  }

  /**
   * Keeps `file`, made from the table file whose SHA-256 is `madeFrom` (the database, from the articles'
   * JSON Lines): a later export that finds its earlier rows in that file may copy them from this one.
   */
  async keepMadeFrom(name: string, madeFrom: string, file: string): Promise<void> {
    const kept = `${name}.from-${madeFrom}`;
    await this.link(file, kept);
    await this.forgetOthers(`${name}.from-`, kept);
  }

  /** The file kept as `name`, made from the table file whose SHA-256 is `madeFrom`, if it is kept. */
  async madeFrom(name: string, madeFrom: string | undefined): Promise<string | undefined> {
    if (!madeFrom) return undefined;
    const file = join(this.dir, `${name}.from-${madeFrom}`);
    return (await access(file).then(() => true, () => false)) ? file : undefined;
  }

  /** Keeps `file`, which this export wrote as `name` with rows under `keys`, for the next export (it is linked, not copied). */
  async keep(name: string, file: string, keys: readonly string[], written: WrittenTableFile): Promise<void> {
    const kept = `${name}.${written.sha256}`;
    await this.link(file, kept);
    const index: RowsIndex = { fingerprint: this.fingerprint, file: kept, header: written.header.length, keys: [...keys], rowEnds: [...written.rowEnds] };
    await writeFile(`${this.indexFile(name)}.new`, JSON.stringify(index));
    await rename(`${this.indexFile(name)}.new`, this.indexFile(name));
    await this.forgetOthers(`${name}.`, kept, `${name}.json`);
  }

  /** Links `file` into the cache as `kept`; a file kept under that name already has the same bytes (its name says them). */
  private async link(file: string, kept: string): Promise<void> {
    await link(file, join(this.dir, kept)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }

  /** Deletes the cache's files whose names start with `prefix`, but those named in `keep`. */
  private async forgetOthers(prefix: string, ...keep: string[]): Promise<void> {
    for (const other of await readdir(this.dir)) if (other.startsWith(prefix) && !keep.includes(other)) await rm(join(this.dir, other), { force: true });
  }
}
