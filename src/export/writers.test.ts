import assert from 'node:assert/strict';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Table } from './tables.ts';
import { partitionPasses, readRows, writeCsv, writeJsonLines } from './writers.ts';

test('partitions are cut, in order, into passes of at most the limit of rows', () => {
  assert.deepEqual(partitionPasses([['a', 6n], ['b', 5n], ['c', 4n]], 10), [['a', 'a'], ['b', 'c']]);
  assert.deepEqual(partitionPasses([['a', 1], ['b', 2], ['c', 3]], 10), [['a', 'c']]);
  assert.deepEqual(partitionPasses([['a', 3], ['big', 50], ['c', 3]], 10), [['a', 'a'], ['big', 'big'], ['c', 'c']], 'a partition larger than the limit has a pass of its own');
  assert.deepEqual(partitionPasses([], 10), []);
});

const table = (rows: Record<string, unknown>[]): Table => ({
  name: 'articles', description: 'x', primaryKey: ['id'], foreignKeys: [],
  columns: [{ name: 'id', type: 'string', description: 'x' }, { name: 'body', type: 'string', description: 'x' }, { name: 'events', type: 'array', itemType: 'string', description: 'x' }],
  rows,
});
const rows = [
  { id: 'a', body: 'पुतिन और\nलुकाशेंको', events: ['e1'] },
  { id: 'b', body: '', events: ['e1', 'e2'] },
  { id: 'c', body: 'بوتين, "quoted"', events: [] },
  { id: 'd', body: null, events: ['e2'] },
];

test('a subset of rows cut from the written files is byte for byte that subset written alone', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-writers-'));
  try {
    const whole = { csv: await writeCsv(table(rows), join(dir, 'all.csv')), jsonl: await writeJsonLines(table(rows), join(dir, 'all.jsonl')) };
    for (const indexes of [[1, 3], [2], []]) {
      const subset = table(indexes.map((i) => rows[i]!));
      await writeCsv(subset, join(dir, 'subset.csv'));
      await writeJsonLines(subset, join(dir, 'subset.jsonl'));
      for (const format of ['csv', 'jsonl'] as const) {
        const file = await open(join(dir, `all.${format}`));
        const cut = await readRows(file, whole[format].rows, indexes).finally(() => file.close());
        assert.deepEqual(cut, await readFile(join(dir, `subset.${format}`)), `${format} rows ${indexes.join(', ')}`);
      }
    }
    const csv = await readFile(join(dir, 'all.csv'), 'utf8');
    assert.ok(csv.startsWith('id,body,events\r\na,"पुतिन और\nलुकाशेंको","[""e1""]"\r\nb,"",'), csv);
    assert.equal((await readFile(join(dir, 'all.csv'), 'utf8')).split('\r\n')[0], 'id,body,events');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
