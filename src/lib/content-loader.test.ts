import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { archiveLoader, frontMatterDigest, recordDigest } from './content-loader.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'content-loader-'));
  await mkdir(join(root, 'content'), { recursive: true });
  await cp(join(PROJECT, 'content', 'sources'), join(root, 'content', 'sources'), { recursive: true });
});
after(() => rm(root, { recursive: true, force: true }));

/** The parts of Astro's data store and meta store the loader uses, kept between loads as Astro keeps them between builds. */
const entries = new Map<string, { id: string; data: Record<string, unknown>; digest?: string | number }>();
const metaValues = new Map<string, string>();
const logged: string[] = [];
/** Setting meta marks Astro's whole data store to be written again. */
let metaSets = 0;
const context = {
  store: {
    keys: () => [...entries.keys()],
    has: (id: string) => entries.has(id),
    delete: (id: string) => void entries.delete(id),
    set: (entry: { id: string; data: Record<string, unknown>; digest?: string | number }) => (entries.set(entry.id, entry), true),
  },
  meta: { get: (key: string) => metaValues.get(key), set: (key: string, value: string) => void (metaSets++, metaValues.set(key, value)) },
  get config() {
    return { root: pathToFileURL(`${root}/`) };
  },
  generateDigest: (text: string) => text.length,
  logger: { info: (message: string) => void logged.push(message) },
};
const load = () => archiveLoader('sources').load(context as never).then(() => logged.at(-1));

test('the first load reads every file; the next reads only the files that changed, and forgets removed ones', async () => {
  const first = await load();
  const count = entries.size;
  assert.ok(count > 1);
  assert.equal(first, `${count} sources (${count} read, 0 unchanged)`);
  const setsBefore = metaSets;
  assert.equal(await load(), `${count} sources (0 read, ${count} unchanged)`);
  assert.equal(metaSets, setsBefore, 'nothing changed: the data store is not marked to be written');

  const file = join(root, 'content', 'sources', 'euronews.yaml');
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/^name: .*$/m, 'name: Euronews (corrected)'));
  assert.equal(await load(), `${count} sources (1 read, ${count - 1} unchanged)`);
  assert.equal(entries.get('euronews')?.data.name, 'Euronews (corrected)');

  await rm(file);
  assert.equal(await load(), `${count - 1} sources (0 read, ${count - 1} unchanged)`);
  assert.equal(entries.has('euronews'), false);
  await writeFile(file, text);
});

test('a changed file with a problem fails the load, naming the file and the field; put right, it loads again', async () => {
  await load();
  const file = join(root, 'content', 'sources', 'euronews.yaml');
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/^id: euronews$/m, 'id: rt'));
  await assert.rejects(load(), /content\/sources\/euronews\.yaml.*id/s);
  await writeFile(file, text);
  await load();
  assert.equal(entries.get('euronews')?.data.id, 'euronews');
});

test('a record\'s digest holds its front matter\'s, which the page keys of lists read alone', () => {
  assert.equal(frontMatterDigest(recordDigest('9f1c', 'e3b0')), '9f1c');
  assert.notEqual(recordDigest('9f1c', 'e3b0'), recordDigest('9f1c', 'e3b1'), 'a change to the body changes the whole');
  const stored = entries.get('euronews')!;
  assert.equal(typeof stored.digest, 'string');
  assert.equal(frontMatterDigest(String(stored.digest)), String(JSON.stringify(stored.data).length), 'the loader digests the front matter as its data');
});
