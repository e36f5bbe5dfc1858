import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { after, before, test } from 'node:test';
import { bodyKey } from './body-key.ts';
import { loadCollection, loadCollectionKeys } from './content-files.ts';
import { RECORD_CACHE_DIR, readRecordCache } from './record-cache.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'record-cache-'));
  await mkdir(join(root, 'content'), { recursive: true });
  for (const folder of ['articles', 'entities']) await cp(join(PROJECT, 'content', folder), join(root, 'content', folder), { recursive: true });
});
after(() => rm(root, { recursive: true, force: true }));

const ARTICLE = 'content/articles/2024-12-06-new-nuclear-umbrella-russia-belarus-euronews.md';
const cacheOf = (collection: string) => join(root, RECORD_CACHE_DIR, `${collection}.json`);

test('records from the cache are the records parsing gives, bodies and all', async () => {
  for (const collection of ['articles', 'entities'] as const) {
    const parsed = await loadCollection(root, collection, { cache: false });
    assert.ok(parsed.records.length > 5);
    const first = await loadCollection(root, collection);
    const cached = await loadCollection(root, collection);
    assert.deepStrictEqual(first, parsed);
    assert.deepStrictEqual(cached, parsed);
    assert.ok((await stat(cacheOf(collection))).size > 0);
  }
});

test('an unchanged file is not parsed again: its record is the one kept', async () => {
  await loadCollection(root, 'articles');
  const kept = JSON.parse(await readFile(cacheOf('articles'), 'utf8'));
  kept.records[ARTICLE].data.title = 'Kept, not parsed';
  await writeFile(cacheOf('articles'), JSON.stringify(kept));
  const { records } = await loadCollection(root, 'articles');
  assert.equal(records.find((r) => r.file === ARTICLE)!.data.title, 'Kept, not parsed');
  await rm(cacheOf('articles'));
});

test('a changed file is parsed again, and a file with a problem is reported on every load and never kept', async () => {
  await loadCollection(root, 'articles');
  const path = join(root, ARTICLE);
  const original = await readFile(path, 'utf8');
  try {
    await writeFile(path, original.replace(/^title: .*$/m, 'title: A corrected title').replace(/\n*$/, '\n\nA corrected sentence.\n'));
    const changed = (await loadCollection(root, 'articles')).records.find((r) => r.file === ARTICLE)!;
    assert.equal(changed.data.title, 'A corrected title');
    assert.ok(changed.body.endsWith('A corrected sentence.\n'));

    await writeFile(path, original.replace(/^language: .*$/m, 'language: not a language'));
    for (let load = 0; load < 2; load++) {
      const { records, problems } = await loadCollection(root, 'articles');
      assert.equal(records.some((r) => r.file === ARTICLE), false);
      assert.ok(problems.some((p) => p.file === ARTICLE && p.field === 'language'), JSON.stringify(problems));
    }
    const kept = await readRecordCache(root, 'articles', JSON.parse(await readFile(cacheOf('articles'), 'utf8')).fingerprint);
    assert.equal(kept.has(ARTICLE), false);
  } finally {
    await writeFile(path, original);
  }
});

test('a cache another version of the code made is not read', async () => {
  await loadCollection(root, 'entities');
  const { fingerprint } = JSON.parse(await readFile(cacheOf('entities'), 'utf8'));
  assert.ok((await readRecordCache(root, 'entities', fingerprint)).size > 5);
  assert.equal((await readRecordCache(root, 'entities', 'other code')).size, 0);
});

/** The content files `load` reads with fs/promises' readFile (as content-files.ts imports it), relative to the root. */
async function filesRead(load: () => Promise<unknown>): Promise<string[]> {
  const { readFile: original } = fsPromises;
  const read: string[] = [];
  fsPromises.readFile = ((path: Parameters<typeof original>[0], ...rest: unknown[]) => {
    read.push(String(path).slice(root.length + 1));
    return (original as (...args: unknown[]) => Promise<unknown>)(path, ...rest);
  }) as typeof original;
  syncBuiltinESMExports();
  try {
    await load();
  } finally {
    fsPromises.readFile = original;
    syncBuiltinESMExports();
  }
  return read.filter((file) => file.startsWith('content/'));
}

test("records loaded by their bodies' keys are the records loadCollection gives, each body read when asked for", async () => {
  for (const cache of ['cold', 'warm']) {
    if (cache === 'cold') await rm(cacheOf('articles'), { force: true });
    const keyed = await loadCollectionKeys(root, 'articles');
    const { records, problems } = await loadCollection(root, 'articles', { cache: false });
    assert.deepStrictEqual(keyed.problems, problems);
    assert.deepStrictEqual(keyed.records.map(({ bodyKey: _, readBody, ...record }) => ({ ...record, body: readBody() })), records, cache);
    assert.deepStrictEqual(keyed.records.map((r) => r.bodyKey), records.map((r) => bodyKey(r.body)), cache);
  }
});

test('with the record cache warm, loading by keys reads only the files that changed', async () => {
  await loadCollection(root, 'articles');
  const path = join(root, ARTICLE);
  const original = await readFile(path, 'utf8');
  try {
    assert.deepStrictEqual(await filesRead(() => loadCollection(root, 'articles')), (await loadCollection(root, 'articles')).records.map((r) => r.file), 'loadCollection reads every file');
    assert.deepStrictEqual(await filesRead(() => loadCollectionKeys(root, 'articles')), []);
    await writeFile(path, original.replace(/\n*$/, '\n\nA corrected sentence.\n'));
    let keyed: Awaited<ReturnType<typeof loadCollectionKeys<'articles'>>> | undefined;
    assert.deepStrictEqual(await filesRead(async () => (keyed = await loadCollectionKeys(root, 'articles'))), [ARTICLE]);
    const changed = keyed!.records.find((r) => r.file === ARTICLE)!;
    assert.ok(changed.readBody().endsWith('A corrected sentence.\n'));
    assert.equal(changed.bodyKey, bodyKey(changed.readBody()));
  } finally {
    await writeFile(path, original);
  }
});
