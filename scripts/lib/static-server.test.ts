import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serveStatic, type StaticServer } from './static-server.ts';

let dir: string;
let server: StaticServer;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'static-server-'));
  await mkdir(join(dir, 'data'), { recursive: true });
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>home</title>');
  await writeFile(join(dir, '404.html'), '<!doctype html><title>missing</title>');
  await writeFile(join(dir, 'data', 'index.html'), '<!doctype html><title>data</title>');
  await writeFile(join(dir, 'data', 'SHA256SUMS'), `${'0'.repeat(64)}  csv/articles.csv\n`);
  await writeFile(join(dir, 'data', 'README.md'), '# بيانات\n');
  await writeFile(join(dir, 'data', 'coverage-atlas.sqlite'), 'SQLite format 3\0');
  await writeFile(join(dir, 'data', 'articles.parquet'), 'PAR1');
  await writeFile(join(dir, 'secret.txt'), 'outside');
  server = await serveStatic(join(dir, 'data'));
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(server.origin + path, { redirect: 'manual' });

test('a file without an extension is served as UTF-8 text, not taken for a page', async () => {
  const response = await get('/SHA256SUMS');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.match(await response.text(), /^0{64} {2}csv\/articles\.csv\n$/);
  assert.equal((await get('/SHA256SUMS/')).status, 404);
});

test('the dataset’s text files say their charset', async () => {
  const response = await get('/README.md');
  assert.equal(response.headers.get('content-type'), 'text/markdown; charset=utf-8');
  assert.equal(await response.text(), '# بيانات\n');
});

test('the database and Parquet files are served with their registered types, not as bytes of no kind', async () => {
  assert.equal((await get('/coverage-atlas.sqlite')).headers.get('content-type'), 'application/vnd.sqlite3');
  assert.equal((await get('/articles.parquet')).headers.get('content-type'), 'application/vnd.apache.parquet');
});

test('a folder’s page is served at the folder’s path', async () => {
  const page = await get('/');
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(await page.text(), /<title>data<\/title>/);
});

test('a missing path answers 404, with the site’s 404 page when it has one', async () => {
  const missing = await get('/nothing/here/');
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /Not found/);
});

test('nothing outside the served folder is reachable', async () => {
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
    const response = await get(path);
    assert.equal(response.status, 404, path);
    assert.doesNotMatch(await response.text(), /outside/, path);
  }
});

test('over a whole site: folders redirect to their slash, and the 404 page is the site’s', async () => {
  const site = await serveStatic(dir);
  try {
    const folder = await fetch(`${site.origin}/data?x=1`, { redirect: 'manual' });
    assert.equal(folder.status, 301);
    assert.equal(folder.headers.get('location'), '/data/?x=1');
    const missing = await fetch(`${site.origin}/nothing/`);
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await missing.text(), /<title>missing<\/title>/);
  } finally {
    await site.close();
  }
});
