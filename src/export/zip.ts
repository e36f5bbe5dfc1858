/**
 * Writes deterministic zip files with yazl: entries in the order given, every
 * timestamp set to one date, deflated by Node's zlib (native, and off the main
 * thread) at the fastest level, which is several times faster than a
 * JavaScript deflate. Files compressed already (Parquet, zip) are stored.
 * yazl writes ZIP64 where sizes need it, so a release of any size fits.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

/** One entry: its path in the zip and where its bytes come from. */
export type ZipEntry = { path: string } & ({ file: string } | { bytes: Uint8Array });

const STORED = /\.(parquet|zip)$/;

/** Writes `entries` into the zip file `target`; resolves with its size and SHA-256. */
export async function writeZip(target: string, entries: readonly ZipEntry[], date: string): Promise<{ bytes: number; sha256: string }> {
  const zip = new yazl.ZipFile();
  const mtime = new Date(`${date}T00:00:00Z`);
  for (const entry of entries) {
    const options = { mtime, mode: 0o100644, compressionLevel: STORED.test(entry.path) ? 0 : 1 };
    if ('file' in entry) zip.addFile(entry.file, entry.path, options);
    else zip.addBuffer(Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength), entry.path, options);
  }
  zip.end();
  await mkdir(dirname(target), { recursive: true });
  return writeHashed([zip.outputStream], target);
}

/** Pipes a source (and the transforms after it) into the file `target`, hashing the bytes on the way. */
export async function writeHashed(streams: [NodeJS.ReadableStream, ...NodeJS.ReadWriteStream[]], target: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline([...streams, tap, createWriteStream(target)]);
  return { bytes, sha256: hash.digest('hex') };
}
