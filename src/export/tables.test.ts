import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { bodyKey } from '../lib/body-key.ts';
import { loadCollection } from '../lib/content-files.ts';
import { loadDataset } from '../lib/dataset-file.ts';
import { buildTables, computeBodyText, type ExportInput } from './tables.ts';

const root = join(import.meta.dirname, '..', '..');
const [articles, sources, dataset] = await Promise.all([loadCollection(root, 'articles', { cache: false }), loadCollection(root, 'sources', { cache: false }), loadDataset(root)]);

/** The articles table of this project's content, counting the bodies read; `change` edits the input first. */
function articleTable(change: (input: ExportInput) => ExportInput = (input) => input) {
  const read: string[] = [];
  const input: ExportInput = {
    articles: articles.records.map(({ data, body }) => ({ data, bodyKey: bodyKey(body), readBody: () => (read.push(data.id), body) })),
    events: [],
    sources: sources.records.map((r) => r.data),
    entities: [],
    topics: [],
    captures: new Map(articles.records.map(({ data }) => [data.capture.path, { bytes: 1, sha256: data.capture.sha256 }])),
    dataset,
    siteUrl: 'https://atlas.example',
    bodyText: computeBodyText,
  };
  const table = buildTables(change(input)).find((t) => t.name === 'articles')!;
  return { table, read };
}

test("an article's body is read only when one of its body columns is", () => {
  const { table, read } = articleTable();
  assert.ok(table.rows.length >= 5);
  assert.equal(table.rows[0]!.title, articles.records.find((r) => r.data.id === table.rows[0]!.id)!.data.title);
  assert.deepEqual(read, [], 'the front matter columns read no body');
  const first = table.rows[0]!;
  const { body } = articles.records.find((r) => r.data.id === first.id)!;
  assert.equal(first.body_markdown, body);
  assert.match(String(first.body_text), /\S/);
  assert.ok(Number(first.word_count) > 0);
  assert.match(String(first.body_sha256), /^[0-9a-f]{64}$/);
  assert.deepEqual(read, [first.id], 'read once for all four body columns');
  assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(first))).slice(-4), ['body_markdown', 'body_text', 'body_sha256', 'word_count'], 'the body columns are enumerable, last');
});

test("a row's key changes with anything its row is made from, and with nothing else", () => {
  const keys = articleTable().table.rowKeys!;
  assert.equal(keys.length, articles.records.length);
  assert.equal(new Set(keys).size, keys.length);
  assert.deepEqual(articleTable().table.rowKeys, keys, 'the same input, the same keys');
  const changedKeys = (change: (input: ExportInput) => ExportInput) => {
    const { table, read } = articleTable(change);
    assert.deepEqual(read, [], 'keys are worked out without reading a body');
    return table.rowKeys!.flatMap((key, i) => (key === keys[i] ? [] : [String(table.rows[i]!.id)]));
  };
  const [first, second] = [...articles.records].sort((a, b) => a.data.id.localeCompare(b.data.id, 'en'));
  const edit = (id: string, edit: (record: ExportInput['articles'][number]) => ExportInput['articles'][number]) => (input: ExportInput) => ({ ...input, articles: input.articles.map((r) => (r.data.id === id ? edit(r) : r)) });
  assert.deepEqual(changedKeys(edit(first!.data.id, (r) => ({ ...r, bodyKey: bodyKey('another body') }))), [first!.data.id], 'its body');
  assert.deepEqual(changedKeys(edit(second!.data.id, (r) => ({ ...r, data: { ...r.data, byline: 'Someone Else' } }))), [second!.data.id], 'its front matter');
  const source = first!.data.source;
  assert.deepEqual(
    changedKeys((input) => ({ ...input, sources: input.sources.map((s) => (s.id === source ? { ...s, name_latin: `${s.name_latin} (renamed)` } : s)) })),
    articles.records.filter((r) => r.data.source === source).map((r) => r.data.id).sort((a, b) => a.localeCompare(b, 'en')),
    "its source's name, which its rights column holds",
  );
  assert.deepEqual(changedKeys((input) => ({ ...input, siteUrl: 'https://elsewhere.example' })).length, keys.length, 'the site address, in every url column');
});
