/**
 * Deterministic zip files (PKWARE APPNOTE 6.3) whose entries are compressed
 * once and copied into every zip that holds them.
 *
 * Why not a zip library: the release bag and the per-event bundles hold the
 * same 100,000 captures at 100,000 articles. yazl re-reads and re-deflates
 * each file for each zip, and rescans its whole entry list for every entry
 * (quadratic: the 100,000-entry bag took over 15 minutes); zip.js can copy
 * compressed data ("passThrough") but costs about 0.6 ms an entry. Here a
 * capture is deflated once, by Node's native zlib on the thread pool, and a
 * zip is headers around bytes already compressed: writing one is a copy.
 *
 * Every entry has the release date as its time, UTF-8 names and Unix mode
 * 0644; ZIP64 records are written only where sizes, offsets or the number of
 * entries need them. Files compressed already (Parquet, zip) are stored.
 */
import { createHash, type Hash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { crc32, createDeflateRaw, deflateRaw } from 'node:zlib';

/** Where an entry's bytes (as stored in the zip: compressed, or not) are. */
export type ZipData = { bytes: Uint8Array } | { file: string; offset: number; length: number };

/** An entry's bytes, ready to be copied into any zip. */
export interface PackedData {
  /** 0: stored; 8: deflated. */
  method: 0 | 8;
  crc32: number;
  /** Size before compression. */
  size: number;
  data: ZipData;
}

/** One entry of a zip: its path and its packed bytes. */
export type ZipEntry = PackedData & { path: string };

/** Files whose format is compressed already: deflating them again gains nothing. */
const STORED = /\.(parquet|zip)$/;
/** Fast and deterministic for a given zlib; the exports are rebuilt often, and read rarely. */
const LEVEL = 1;
const deflateRawAsync = promisify(deflateRaw);
/**
 * Bytes read from a file, and written by zlib, at a time: files of gigabytes (the database, the
 * article tables) go through in 1 MiB pieces rather than a stream's 64 KiB and zlib's 16 KiB (for
 * the 2.2 GB database at 100,000 articles, a few thousand pieces instead of 140,000).
 */
const STREAM_CHUNK = 1 << 20;
const dataLength = (data: ZipData) => ('bytes' in data ? data.bytes.length : data.length);

/** Packs bytes held in memory (deflated on the thread pool, unless `path` names a compressed format). */
export async function packBytes(path: string, bytes: Uint8Array): Promise<PackedData> {
  const stored = STORED.test(path);
  const data = stored ? bytes : await deflateRawAsync(bytes, { level: LEVEL });
  return { method: stored ? 0 : 8, crc32: crc32(bytes), size: bytes.length, data: { bytes: data } };
}

/**
 * Reads a file in pieces of STREAM_CHUNK bytes into two buffers used in turn: `use` may hold a piece
 * until the promise it returns settles, while the next one is read into the other buffer. A stream
 * (createReadStream) allocates a new buffer for every piece: at 100,000 articles, with the page cache
 * full, allocating those 6 GB took 18 s of the main thread in a rebuild, beside the garbage collection.
 */
async function eachPiece(file: string, use: (piece: Buffer) => Promise<void> | void): Promise<void> {
  const handle = await open(file, 'r');
  const buffers = [Buffer.allocUnsafe(STREAM_CHUNK), Buffer.allocUnsafe(STREAM_CHUNK)] as const;
  const inUse: (Promise<void> | void)[] = [undefined, undefined];
  try {
    for (let turn = 0; ; turn ^= 1) {
      await inUse[turn];
      const { bytesRead } = await handle.read(buffers[turn]!, 0, STREAM_CHUNK, null);
      if (bytesRead === 0) break;
      inUse[turn] = use(buffers[turn]!.subarray(0, bytesRead));
    }
    await Promise.all(inUse);
  } finally {
    await handle.close();
  }
}

/**
 * Packs a file of any size, piece by piece: a stored file is left where it is
 * (and only checksummed); a deflated one is written to the file `scratch`.
 * With `hash`, the file's bytes also go through it, in the same reading.
 */
export async function packFile(path: string, file: string, scratch: string, hash?: Hash): Promise<PackedData> {
  let checksum = 0;
  let size = 0;
  const take = (piece: Buffer) => {
    checksum = crc32(piece, checksum);
    hash?.update(piece);
    size += piece.length;
  };
  if (STORED.test(path)) {
    await eachPiece(file, take);
    return { method: 0, crc32: checksum, size, data: { file, offset: 0, length: size } };
  }
  await mkdir(dirname(scratch), { recursive: true });
  const deflate = createDeflateRaw({ level: LEVEL, chunkSize: STREAM_CHUNK });
  const written = pipeline(deflate, createWriteStream(scratch));
  // A piece's buffer is read into again once zlib has taken all of it (the write's callback).
  const deflated = eachPiece(file, (piece) => {
    take(piece);
    return new Promise((done, fail) => deflate.write(piece, (error) => (error ? fail(error) : done())));
  });
  await Promise.all([deflated.finally(() => deflate.end()), written]);
  return { method: 8, crc32: checksum, size, data: { file: scratch, offset: 0, length: (await stat(scratch)).size } };
}

/**
 * A scratch file that packed data is appended to, so that many small entries
 * (the captures) are kept on disk rather than in memory until zipped.
 */
export class PackedStore {
  private position = 0;
  private readonly handle: FileHandle;
  readonly file: string;
  private constructor(handle: FileHandle, file: string) {
    this.handle = handle;
    this.file = file;
  }

  /** Opens a new store, or with `append`, an existing one to add to (what it holds stays where it is). */
  static async open(file: string, append = false): Promise<PackedStore> {
    await mkdir(dirname(file), { recursive: true });
    const store = new PackedStore(await open(file, append ? 'r+' : 'w'), file);
    if (append) store.position = (await store.handle.stat()).size;
    return store;
  }

  /** Moves packed bytes from memory to the store. */
  async keep(packed: PackedData): Promise<PackedData> {
    if (!('bytes' in packed.data)) return packed;
    const { bytes } = packed.data;
    const offset = this.position;
    this.position += bytes.length;
    await this.handle.write(bytes, 0, bytes.length, offset);
    return { ...packed, data: { file: this.file, offset, length: bytes.length } };
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

const MAX_32 = 0xffffffff;
const MAX_16 = 0xffff;
/** Version 4.5 (ZIP64) where ZIP64 records are used, else 2.0 (deflate). */
const versionNeeded = (zip64: boolean) => (zip64 ? 45 : 20);
/** Made by Unix (3), version 4.5: external attributes hold a Unix mode. */
const VERSION_MADE_BY = (3 << 8) | 45;
const UTF8_NAMES = 0x0800;
const UNIX_FILE_0644 = (0o100644 << 16) >>> 0;

/** The MS-DOS date and time of midnight on a YYYY-MM-DD date. */
function dosDateTime(date: string): { date: number; time: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { date: ((year - 1980) << 9) | (month << 5) | day, time: 0 };
}

/** Builds a record of the zip format: little-endian numbers and raw bytes. */
class LittleEndian {
  private readonly bytes: Buffer;
  private at = 0;
  constructor(length: number) {
    // A slice of Node's shared pool, not a zero-filled buffer of its own: the 100,000-article release writes
    // hundreds of thousands of records, and a fresh ArrayBuffer for each cost 17 s (and garbage collection
    // over a 6 GiB heap). done() checks that every byte was written.
    this.bytes = Buffer.allocUnsafe(length);
  }
  u16(value: number): this {
    this.at = this.bytes.writeUInt16LE(value, this.at);
    return this;
  }
  u32(value: number): this {
    this.at = this.bytes.writeUInt32LE(value >>> 0, this.at);
    return this;
  }
  u64(value: number): this {
    this.at = this.bytes.writeBigUInt64LE(BigInt(value), this.at);
    return this;
  }
  raw(bytes: Uint8Array): this {
    this.bytes.set(bytes, this.at);
    this.at += bytes.length;
    return this;
  }
  done(): Buffer {
    if (this.at !== this.bytes.length) throw new Error(`zip: a record of ${this.bytes.length} bytes had ${this.at} written`);
    return this.bytes;
  }
}

/** The ZIP64 extended information extra field holding the values given (those that overflow 32 bits). */
function zip64Extra(values: number[]): Buffer {
  const field = new LittleEndian(4 + 8 * values.length).u16(0x0001).u16(8 * values.length);
  for (const value of values) field.u64(value);
  return field.done();
}

/** Bytes a zip's output gathers, at most, before it writes them. */
const OUTPUT_CHUNK = 4 << 20;
/** Room for an entry's headers in both the local and the central records, for sizing the output buffer. */
const HEADERS_BYTES = 256;

/**
 * Writes the output of a zip through one buffer, hashing it on the way; reads
 * entries' data from their files (through one open handle per file) straight
 * into that buffer, so that copying gigabytes allocates nothing.
 */
class ZipOutput {
  readonly hash = createHash('sha256');
  offset = 0;
  private readonly buffer: Buffer;
  private filled = 0;
  private readonly sources = new Map<string, FileHandle>();
  private readonly handle: FileHandle;
  private constructor(handle: FileHandle, bufferBytes: number) {
    this.handle = handle;
    this.buffer = Buffer.allocUnsafe(bufferBytes);
  }

  /** Opens `target` for a zip of about `expectedBytes`: the buffer is no larger (5,000 event bundles are small). */
  static async open(target: string, expectedBytes: number): Promise<ZipOutput> {
    await mkdir(dirname(target), { recursive: true });
    return new ZipOutput(await open(target, 'w'), Math.min(OUTPUT_CHUNK, Math.max(expectedBytes, 1 << 16)));
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.hash.update(bytes);
    this.offset += bytes.length;
    for (let done = 0; done < bytes.length; ) {
      if (this.filled === this.buffer.length) await this.flush();
      const length = Math.min(bytes.length - done, this.buffer.length - this.filled);
      this.buffer.set(bytes.subarray(done, done + length), this.filled);
      this.filled += length;
      done += length;
    }
  }

  async copy(data: ZipData): Promise<void> {
    if ('bytes' in data) return this.write(data.bytes);
    let source = this.sources.get(data.file);
    if (!source) this.sources.set(data.file, (source = await open(data.file, 'r')));
    for (let done = 0; done < data.length; ) {
      if (this.filled === this.buffer.length) await this.flush();
      const length = Math.min(data.length - done, this.buffer.length - this.filled);
      const { bytesRead } = await source.read(this.buffer, this.filled, length, data.offset + done);
      if (bytesRead === 0) throw new Error(`${data.file} ends before byte ${data.offset + data.length}`);
      this.hash.update(this.buffer.subarray(this.filled, this.filled + bytesRead));
      this.filled += bytesRead;
      this.offset += bytesRead;
      done += bytesRead;
    }
  }

  async flush(): Promise<void> {
    await writeAll(this.handle, this.buffer.subarray(0, this.filled));
    this.filled = 0;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
    for (const source of this.sources.values()) await source.close();
  }
}

/** Writes all of `data` at the end of what the handle has written (a write may take only part). */
export async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  for (let done = 0; done < data.length; ) done += (await handle.write(data, done)).bytesWritten;
}

/** Writes `entries`, in the order given, into the zip file `target`; resolves with its size and SHA-256. */
export async function writeZip(target: string, entries: readonly ZipEntry[], date: string): Promise<{ bytes: number; sha256: string }> {
  const when = dosDateTime(date);
  const output = await ZipOutput.open(target, entries.reduce((sum, entry) => sum + dataLength(entry.data) + HEADERS_BYTES + 2 * entry.path.length, 0));
  const central: Buffer[] = [];
  try {
    for (const entry of entries) {
      const name = Buffer.from(entry.path, 'utf8');
      const compressed = dataLength(entry.data);
      const offset = output.offset;
      // The local header's ZIP64 field holds both sizes, whenever either overflows.
      const largeSizes = entry.size >= MAX_32 || compressed >= MAX_32;
      const localExtra = largeSizes ? zip64Extra([entry.size, compressed]) : Buffer.alloc(0);
      await output.write(new LittleEndian(30 + name.length + localExtra.length)
        .u32(0x04034b50).u16(versionNeeded(largeSizes)).u16(UTF8_NAMES).u16(entry.method).u16(when.time).u16(when.date)
        .u32(entry.crc32).u32(largeSizes ? MAX_32 : compressed).u32(largeSizes ? MAX_32 : entry.size)
        .u16(name.length).u16(localExtra.length).raw(name).raw(localExtra).done());
      await output.copy(entry.data);
      // The central directory's ZIP64 field holds only the values that overflow, in this order.
      const overflowing = [entry.size, compressed, offset].filter((value) => value >= MAX_32);
      const centralExtra = overflowing.length > 0 ? zip64Extra(overflowing) : Buffer.alloc(0);
      central.push(new LittleEndian(46 + name.length + centralExtra.length)
        .u32(0x02014b50).u16(VERSION_MADE_BY).u16(versionNeeded(overflowing.length > 0)).u16(UTF8_NAMES).u16(entry.method)
        .u16(when.time).u16(when.date).u32(entry.crc32)
        .u32(Math.min(compressed, MAX_32)).u32(Math.min(entry.size, MAX_32))
        .u16(name.length).u16(centralExtra.length).u16(0).u16(0).u16(0).u32(UNIX_FILE_0644).u32(Math.min(offset, MAX_32))
        .raw(name).raw(centralExtra).done());
    }
    const directoryOffset = output.offset;
    for (const record of central) await output.write(record);
    const directorySize = output.offset - directoryOffset;
    if (entries.length >= MAX_16 || directoryOffset >= MAX_32 || directorySize >= MAX_32) {
      const zip64End = output.offset;
      await output.write(new LittleEndian(56)
        .u32(0x06064b50).u64(44).u16(VERSION_MADE_BY).u16(45).u32(0).u32(0)
        .u64(entries.length).u64(entries.length).u64(directorySize).u64(directoryOffset).done());
      await output.write(new LittleEndian(20).u32(0x07064b50).u32(0).u64(zip64End).u32(1).done());
    }
    await output.write(new LittleEndian(22)
      .u32(0x06054b50).u16(0).u16(0).u16(Math.min(entries.length, MAX_16)).u16(Math.min(entries.length, MAX_16))
      .u32(Math.min(directorySize, MAX_32)).u32(Math.min(directoryOffset, MAX_32)).u16(0).done());
  } finally {
    await output.close();
  }
  return { bytes: output.offset, sha256: output.hash.digest('hex') };
}
