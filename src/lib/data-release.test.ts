import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citeDataset, formatBytes, groupByTable } from './data-release.ts';

test('resources group by table, formats in a fixed order', () => {
  const resource = (name: string, path: string, format: string) => ({ name, path, format, bytes: 1, hash: 'sha256:x', rows: 2, description: 'd' });
  const grouped = groupByTable([
    resource('a-parquet', 'parquet/a.parquet', 'parquet'), resource('a', 'csv/a.csv', 'csv'), resource('a-jsonl', 'jsonl/a.jsonl', 'jsonl'),
    resource('sqlite', 'db.sqlite', 'sqlite'),
  ]);
  assert.deepEqual(grouped.map((g) => [g.table, g.rows, g.files.map((f) => f.format)]), [['a', 2, ['csv', 'jsonl', 'parquet']]]);
});

test('sizes read in the reader’s language', () => {
  assert.equal(formatBytes(512, 'en'), '512 byte');
  assert.equal(formatBytes(1536, 'en'), '1.5 kB');
  assert.equal(formatBytes(2_500_000, 'en'), '2.5 MB');
  assert.match(formatBytes(2_500_000, 'hi'), /2\.5/);
});

test('the dataset citation names the version', () => {
  const dataset = {
    name: 'coverage-atlas', title: 'T', contributors: [{ title: 'M', roles: ['creator'] }],
    releases: [{ version: '1.2.0', date: '2026-11-25' }],
  } as never;
  const { plain, bibtex } = citeDataset(dataset, 'https://x.example/data/');
  assert.equal(plain, 'M. T. Version 1.2.0, 2026-11-25. https://x.example/data/');
  assert.match(bibtex, /^@dataset\{coverage_atlas_1_2_0,/);
});
