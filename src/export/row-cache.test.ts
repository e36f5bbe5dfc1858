import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { RowCache } from './row-cache.ts';
import type { Table } from './tables.ts';
import { rowSpan, writeJsonLines, type EarlierRow } from './writers.ts';

const dir = await mkdtemp(join(tmpdir(), 'row-cache-'));
after(() => rm(dir, { recursive: true, force: true }));

/** A table whose rows are made from their keys and texts: a row's key says all it holds, as in the export. */
const table = (keys: readonly string[], texts: readonly string[]): Table => ({
  name: 'articles',
  description: '',
  columns: [{ name: 'id', type: 'string', description: '' }, { name: 'text', type: 'string', description: '' }],
  primaryKey: ['id'],
  foreignKeys: [],
  rows: texts.map((text, i) => ({ id: keys[i], text })),
});

/** Writes a table's JSON Lines with the cache, as the export does, and keeps the file for the next export. */
async function exportRows(cache: RowCache, texts: readonly string[], keys: readonly string[], name: string) {
  const earlier = await cache.earlier('articles.jsonl', keys);
  const copied: number[] = [];
  const row: EarlierRow = (i) => {
    const bytes = earlier.row(i);
    if (bytes) copied.push(i);
    return bytes;
  };
  const file = join(dir, name);
  const written = await writeJsonLines(table(keys, texts), file, row).finally(earlier.close);
  await cache.keep('articles.jsonl', file, keys, written);
  return { copied, found: earlier.found, bytes: await readFile(file), written };
}

test('a row whose key is unchanged is copied from the last file; a new or changed one is made', async () => {
  const cache = await RowCache.open(join(dir, 'cache'), 'code-1');
  const texts = ['بوتين', 'लुकाशेंको', 'x'.repeat(20_000), 'Minsk'];
  const first = await exportRows(cache, texts, ['k0', 'k1', 'k2', 'k3'], 'one.jsonl');
  assert.deepEqual(first.copied, [], 'nothing is copied the first time');

  // Row 1 changed (its key too), a row added before the others' end; the rest copied, byte for byte.
  const changed = ['بوتين', 'लुकाशेंको!', 'x'.repeat(20_000), 'new', 'Minsk'];
  const second = await exportRows(cache, changed, ['k0', 'k1b', 'k2', 'k4', 'k3'], 'two.jsonl');
  assert.deepEqual(second.copied, [0, 2, 4]);
  assert.equal(second.found, 3);
  await writeJsonLines(table(['k0', 'k1b', 'k2', 'k4', 'k3'], changed), join(dir, 'fresh.jsonl'));
  assert.ok(second.bytes.equals(await readFile(join(dir, 'fresh.jsonl'))), 'the same file as one made without the cache');
  // Row i of the second file is the row with its key, wherever it was in the first.
  const line = (bytes: Buffer, written: typeof second.written, i: number) => { const { position, length } = rowSpan(written, i); return bytes.subarray(position, position + length).toString(); };
  assert.equal(line(second.bytes, second.written, 4), line(first.bytes, first.written, 3));

  // Only the last file is kept.
  assert.deepEqual((await readdir(join(dir, 'cache'))).sort(), [`articles.jsonl.${second.written.sha256}`, 'articles.jsonl.json'].sort());
});

test('rows larger than a piece or a write chunk are copied whole, and so are the rows read after them into the same buffer', async () => {
  const cache = await RowCache.open(join(dir, 'large'), 'code-1');
  // Rows of 9 and 5 MiB (more than the 8 MiB piece and the 4 MiB chunk), between small ones that share pieces.
  const texts = ['a', 'ब'.repeat(3 << 20), 'c', 'd'.repeat(5 << 20), ...Array.from({ length: 50 }, (_, i) => `row ${i} بوتين`)];
  const keys = texts.map((_, i) => `k${i}`);
  await exportRows(cache, texts, keys, 'large-one.jsonl');
  const changed = [...texts.slice(0, 2), 'c changed', ...texts.slice(3)];
  const changedKeys = keys.map((key, i) => (i === 2 ? 'k2b' : key));
  const again = await exportRows(cache, changed, changedKeys, 'large-two.jsonl');
  assert.equal(again.copied.length, texts.length - 1);
  await writeJsonLines(table(changedKeys, changed), join(dir, 'large-fresh.jsonl'));
  assert.ok(again.bytes.equals(await readFile(join(dir, 'large-fresh.jsonl'))), 'the same file as one made without the cache');
});

test('rows kept by other code are not reused', async () => {
  const cacheDir = join(dir, 'other-code');
  await exportRows(await RowCache.open(cacheDir, 'code-1'), ['a', 'b'], ['k0', 'k1'], 'three.jsonl');
  const later = await exportRows(await RowCache.open(cacheDir, 'code-2'), ['a', 'b'], ['k0', 'k1'], 'four.jsonl');
  assert.deepEqual(later.copied, []);
  assert.equal(later.found, 0);
});
