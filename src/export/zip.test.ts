import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { crc32, inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { packBytes, packFile, PackedStore, writeZip, type ZipEntry } from './zip.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atlas-zip-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const encode = (text: string) => new TextEncoder().encode(text);
const entry = async (path: string, text: string): Promise<ZipEntry> => ({ path, ...(await packBytes(path, encode(text))) });

test('entries from memory, from a store and from files read back unchanged, in order, by another reader', async () => {
  const store = await PackedStore.open(join(dir, 'store'));
  const capture = { path: 'captures/001.txt', ...(await store.keep(await packBytes('captures/001.txt', encode('पुतिन और लुकाशेंको\n'.repeat(50))))) };
  await store.close();
  await writeFile(join(dir, 'table.csv'), 'id,title\r\n1,بوتين\r\n');
  await writeFile(join(dir, 'table.parquet'), 'PAR1 not really');
  const entries: ZipEntry[] = [
    await entry('bag/bagit.txt', 'BagIt-Version: 1.0\n'),
    capture,
    { path: 'bag/data/table.csv', ...(await packFile('table.csv', join(dir, 'table.csv'), join(dir, 'scratch', 'table.csv.deflate'))) },
    { path: 'bag/data/table.parquet', ...(await packFile('table.parquet', join(dir, 'table.parquet'), join(dir, 'unused'))) },
    await entry('empty.txt', ''),
  ];
  assert.equal(entries[1]!.method, 8);
  assert.equal(entries[3]!.method, 0, 'Parquet is stored, not deflated again');
  const written = await writeZip(join(dir, 'a.zip'), entries, '2026-11-25');
  const bytes = await readFile(join(dir, 'a.zip'));
  assert.equal(written.bytes, bytes.length);
  const files = unzipSync(new Uint8Array(bytes));
  assert.deepEqual(Object.keys(files), ['bag/bagit.txt', 'captures/001.txt', 'bag/data/table.csv', 'bag/data/table.parquet', 'empty.txt']);
  assert.equal(new TextDecoder().decode(files['captures/001.txt']), 'पुतिन और लुकाशेंको\n'.repeat(50));
  assert.equal(new TextDecoder().decode(files['bag/data/table.csv']), 'id,title\r\n1,بوتين\r\n');
  assert.equal(new TextDecoder().decode(files['bag/data/table.parquet']), 'PAR1 not really');
  assert.equal(files['empty.txt']!.length, 0);
});

test('a file of many pieces is packed whole: the same bytes back, its CRC-32 and SHA-256 taken in the same reading', async () => {
  // Five and a bit pieces of 1 MiB, each unlike the others, so that a piece read into a buffer still in use would show.
  const bytes = Buffer.concat(Array.from({ length: 5 }, (_, i) => Buffer.from(`${i} बेलारूस روسيا\n`.repeat(40_000)).subarray(0, 1 << 20)).concat([Buffer.from('end')]));
  await writeFile(join(dir, 'large.csv'), bytes);
  await writeFile(join(dir, 'large.parquet'), bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  for (const path of ['large.csv', 'large.parquet']) {
    const hash = createHash('sha256');
    const packed = await packFile(path, join(dir, path), join(dir, 'scratch', `${path}.deflate`), hash);
    assert.equal(packed.size, bytes.length);
    assert.equal(packed.crc32, crc32(bytes));
    assert.equal(hash.digest('hex'), sha256);
    const data = packed.data as { file: string; offset: number; length: number };
    const stored = (await readFile(data.file)).subarray(data.offset, data.offset + data.length);
    assert.ok((packed.method === 8 ? inflateRawSync(stored) : stored).equals(bytes), path);
  }
});

test('the same entries give the same bytes, with the release date as every timestamp', async () => {
  const entries = [await entry('a.txt', 'one'), await entry('b/c.txt', 'two')];
  const first = await writeZip(join(dir, 'x.zip'), entries, '2026-11-25');
  const second = await writeZip(join(dir, 'y.zip'), entries, '2026-11-25');
  assert.equal(first.sha256, second.sha256);
  const bytes = await readFile(join(dir, 'x.zip'));
  // The local header's DOS date: (2026 - 1980) << 9 | 11 << 5 | 25, time 0.
  assert.equal(bytes.readUInt16LE(12), ((2026 - 1980) << 9) | (11 << 5) | 25);
  assert.equal(bytes.readUInt16LE(10), 0);
});

test('a zip of more than 65,535 entries has ZIP64 end records that another reader follows', async () => {
  const one = await packBytes('x.txt', encode('x'));
  const entries = Array.from({ length: 70_000 }, (_, i): ZipEntry => ({ path: `f/${i}.txt`, ...one }));
  await writeZip(join(dir, 'many.zip'), entries, '2026-11-25');
  const bytes = await readFile(join(dir, 'many.zip'));
  assert.equal(bytes.readUInt32LE(bytes.length - 22 - 20 - 56), 0x06064b50, 'ZIP64 end of central directory record');
  const files = unzipSync(new Uint8Array(bytes));
  assert.equal(Object.keys(files).length, 70_000);
  assert.equal(new TextDecoder().decode(files['f/69999.txt']), 'x');
});
