/**
 * What an export keeps for the next one (.cache/export/ under the content
 * root): the captures, as copied and as packed for the zips, and each event
 * bundle under the key of everything it was made from. After a change to one
 * article, the next export links the captures and the bundles of the other
 * events instead of reading, deflating and zipping them again; what it writes is the
 * same, byte for byte, as an export without the cache (tests/scale.test.ts).
 *
 * - A capture is reused while its file has the same size, modification time
 *   and inode (as make and rsync judge a file unchanged). Packed captures are
 *   appended to a store file; when more than half of it is stale, the next
 *   export starts a new one. The export's copy of each capture is kept too,
 *   as a file named by its SHA-256, and hard-linked into the next export: no
 *   capture is copied again, and an unchanged one keeps its inode from one
 *   export to the next, so that linking the export into dist/ leaves it alone.
 *   (Not a link to the file in content/: an edit made there in place would
 *   change the export behind its checksums.)
 * - A bundle is a file named by its key (a digest of its event, its articles'
 *   rows, its captures' hashes, the release and the export's code), hard-linked
 *   into the export: a file under a key always holds that key's bundle, even
 *   when an export stopped half-way.
 * - Everything is tied to a fingerprint of the export's code and dependencies
 *   (zlib's and DuckDB's output belong to their versions): after any change to
 *   them, nothing is reused.
 */
import type { BigIntStats } from 'node:fs';
import { access, copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PackedStore, type PackedData } from './zip.ts';

export const EXPORT_CACHE_DIR = join('.cache', 'export');

/** A capture as an earlier export found and packed it. */
interface KnownCapture {
  size: number;
  /** Modification time in nanoseconds, as text (a bigint). */
  mtime: string;
  inode: string;
  sha256: string;
  method: 0 | 8;
  crc32: number;
  offset: number;
  length: number;
}

/** A bundle an earlier export made: its size and SHA-256. */
export interface KnownBundle {
  bytes: number;
  sha256: string;
}

interface CacheIndex {
  fingerprint: string;
  /** The store file the captures' packed bytes are in. */
  store: string;
  captures: Record<string, KnownCapture>;
  bundles: Record<string, KnownBundle>;
}

const INDEX = 'index.json';
const BUNDLES = 'events';
const CAPTURES = 'captures';

export class ExportCache {
  /** What this export found or made, which the next one may reuse: only that is kept. */
  private readonly kept: CacheIndex;
  private readonly dir: string;
  /** What the export before found or made (nothing, when its code was other). */
  private readonly known: CacheIndex;
  /** Where this export appends the captures it packs. */
  readonly captureStore: PackedStore;
  private constructor(dir: string, known: CacheIndex, captureStore: PackedStore) {
    this.dir = dir;
    this.known = known;
    this.captureStore = captureStore;
    this.kept = { fingerprint: known.fingerprint, store: known.store, captures: {}, bundles: {} };
  }

  /** Opens the cache in `dir` (EXPORT_CACHE_DIR under the root); what code other than `fingerprint`'s made is not reused. */
  static async open(dir: string, fingerprint: string): Promise<ExportCache> {
    await mkdir(join(dir, BUNDLES), { recursive: true });
    await mkdir(join(dir, CAPTURES), { recursive: true });
    const stored = await readFile(join(dir, INDEX), 'utf8').then((text) => JSON.parse(text) as CacheIndex, () => undefined);
    const fresh: CacheIndex = { fingerprint, store: `captures-${Number(stored?.store.match(/\d+/)?.[0] ?? 0) + 1}.pack`, captures: {}, bundles: {} };
    const usable = stored?.fingerprint === fingerprint ? stored : undefined;
    // The store holds every capture packed since it was started: when the live ones are less than half of it, start again.
    const live = Object.values(usable?.captures ?? {}).reduce((sum, c) => sum + c.length, 0);
    const storeSize = usable ? await stat(join(dir, usable.store)).then((s) => s.size, () => undefined) : undefined;
    const known = usable && storeSize !== undefined && storeSize <= 2 * live ? usable : { ...fresh, bundles: usable?.bundles ?? {} };
    const captureStore = await PackedStore.open(join(dir, known.store), known.store !== fresh.store);
    return new ExportCache(dir, known, captureStore);
  }

  /** The capture at `path` as packed before, when its file has not changed since (by `stats`). */
  capture(path: string, stats: BigIntStats): { sha256: string; packed: PackedData } | undefined {
    const known = this.known.captures[path];
    if (!known || known.size !== Number(stats.size) || known.mtime !== String(stats.mtimeNs) || known.inode !== String(stats.ino)) return undefined;
    this.kept.captures[path] = known;
    const { sha256, method, crc32, size, offset, length } = known;
    return { sha256, packed: { method, crc32, size, data: { file: this.captureStore.file, offset, length } } };
  }

  /** Keeps a capture packed now (into captureStore), as its file was when read (`stats`). */
  keepCapture(path: string, stats: BigIntStats, sha256: string, packed: PackedData): void {
    if ('bytes' in packed.data || packed.data.file !== this.captureStore.file) throw new Error(`${path}: not in the capture store`);
    const { method, crc32, data: { offset, length } } = packed;
    this.kept.captures[path] = { size: Number(stats.size), mtime: String(stats.mtimeNs), inode: String(stats.ino), sha256, method, crc32, offset, length };
  }

  private captureFile(sha256: string): string {
    return join(this.dir, CAPTURES, sha256);
  }

  /**
   * Puts a capture the export has already found unchanged (by capture()) at
   * `target`: a link to the cache's copy, made from `source` when the cache
   * has none.
   */
  async reuseCaptureFile(sha256: string, source: string, target: string): Promise<void> {
    try {
      await linkOrCopy(this.captureFile(sha256), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // No copy kept (the cache of an export from before copies were kept): copied now, and kept.
      await copyFile(source, target);
      await this.keepCaptureFile(sha256, target);
    }
  }

  /** Keeps the export's copy of a capture, just written at `file`, for the next export to link. */
  async keepCaptureFile(sha256: string, file: string): Promise<void> {
    await linkOrCopy(file, this.captureFile(sha256)).catch((error: NodeJS.ErrnoException) => {
      // The same bytes under another path, already kept.
      if (error.code !== 'EEXIST') throw error;
    });
  }

  /** Whether a bundle of this key was made before (and its file is still there). */
  async hasBundle(key: string): Promise<boolean> {
    return this.known.bundles[key] !== undefined && (await access(this.bundleFile(key)).then(() => true, () => false));
  }

  private bundleFile(key: string): string {
    return join(this.dir, BUNDLES, `${key}.zip`);
  }

  /** Puts the bundle of this key, made before, at `target`; resolves with its size and SHA-256. */
  async reuseBundle(key: string, target: string): Promise<KnownBundle> {
    const known = this.known.bundles[key];
    if (!known) throw new Error(`no bundle of key ${key} in ${this.dir}`);
    await linkOrCopy(this.bundleFile(key), target);
    this.kept.bundles[key] = known;
    return known;
  }

  /** Keeps the bundle just written at `file`, under its key. */
  async keepBundle(key: string, file: string, written: KnownBundle): Promise<void> {
    await rm(this.bundleFile(key), { force: true });
    await linkOrCopy(file, this.bundleFile(key));
    this.kept.bundles[key] = written;
  }

  /**
   * Writes the index of what this export found or made, then removes the rest:
   * bundles no longer made, captures no longer in the content, and a store no
   * longer used. Until then, the index
   * of the export before stays true (the store is only added to, bundles only
   * added under new keys).
   */
  async save(): Promise<void> {
    await this.captureStore.close();
    await writeFile(join(this.dir, `${INDEX}.new`), JSON.stringify(this.kept));
    await rename(join(this.dir, `${INDEX}.new`), join(this.dir, INDEX));
    for (const name of await readdir(this.dir)) if (name.endsWith('.pack') && name !== this.kept.store) await rm(join(this.dir, name));
    for (const name of await readdir(join(this.dir, BUNDLES))) if (!this.kept.bundles[name.replace(/\.zip$/, '')]) await rm(join(this.dir, BUNDLES, name));
    const keptCaptures = new Set(Object.values(this.kept.captures).map((capture) => capture.sha256));
    for (const name of await readdir(join(this.dir, CAPTURES))) if (!keptCaptures.has(name)) await rm(join(this.dir, CAPTURES, name));
  }
}

/** Hard-links `source` at `target` (no copy: neither file is ever written again), or copies it where links cannot be made. */
async function linkOrCopy(source: string, target: string): Promise<void> {
  try {
    await link(source, target);
  } catch (error) {
    if (!['EXDEV', 'EPERM', 'EMLINK'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    await copyFile(source, target);
  }
}
