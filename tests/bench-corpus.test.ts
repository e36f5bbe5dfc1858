/** `npm run bench:corpus`: deterministic output that passes the content checker. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '..');
const GENERATOR = join(ROOT, 'scripts', 'bench', 'corpus.ts');
const CHECKER = join(ROOT, 'scripts', 'content-check.ts');
const ARTICLES = 1000;

/** Runs a script with this Node; resolves with its exit code and output, never rejects on a non-zero exit. */
const run = (script: string, ...args: string[]) =>
  promisify(execFile)(process.execPath, [script, ...args], { maxBuffer: 64 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

/** SHA-256 of every file under `dir`, by path relative to it. */
async function hashTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
  const hashes = new Map<string, string>();
  for (const file of files) hashes.set(file, createHash('sha256').update(await readFile(join(dir, file))).digest('hex'));
  return hashes;
}

let first: string;
let second: string;
before(async () => {
  [first, second] = await Promise.all([mkdtemp(join(tmpdir(), 'bench-corpus-a-')), mkdtemp(join(tmpdir(), 'bench-corpus-b-'))]);
  // The same seed with different numbers of worker threads: the output must not depend on them.
  const results = await Promise.all([
    run(GENERATOR, '--articles', String(ARTICLES), '--out', first, '--seed', '1', '--workers', '0'),
    run(GENERATOR, '--articles', String(ARTICLES), '--out', second, '--seed', '1', '--workers', '2'),
  ]);
  for (const { code, stderr } of results) assert.equal(code, 0, stderr);
});
after(() => Promise.all([first, second].map((dir) => dir && rm(dir, { recursive: true, force: true }))));

test('--help prints the usage', async () => {
  const { code, stdout } = await run(GENERATOR, '--help');
  assert.equal(code, 0);
  assert.match(stdout, /Usage: npm run bench:corpus -- --articles N --out DIR/);
});

test('the same N and seed give byte-identical trees', async () => {
  const [a, b] = await Promise.all([hashTree(first), hashTree(second)]);
  assert.ok(a.size > ARTICLES * 2);
  assert.deepEqual([...a], [...b]);
});

test('the corpus passes content:check', async () => {
  const { code, stdout } = await run(CHECKER, '--root', first);
  assert.equal(code, 0, stdout.slice(0, 4000));
  assert.match(stdout, /no problems/);
});

test('the corpus has the intended shape', async () => {
  const count = async (folder: string) => (await readdir(join(first, 'content', folder))).length;
  assert.equal(await count('articles'), ARTICLES);
  assert.equal(await count('captures'), ARTICLES);
  for (const folder of ['events', 'sources', 'entities']) assert.ok((await count(folder)) > 0, `${folder} is empty`);

  const languages = new Map<string, number>();
  const folder = join(first, 'content', 'articles');
  for (const file of await readdir(folder)) {
    const language = /^language: (\S+)$/m.exec(await readFile(join(folder, file), 'utf8'))?.[1];
    assert.ok(language, `${file} has no language`);
    languages.set(language, (languages.get(language) ?? 0) + 1);
  }
  assert.ok(languages.size >= 4, `languages: ${[...languages.keys()].join(', ')}`);
  for (const language of ['hi', 'ar', 'ms', 'en']) assert.ok(languages.get(language), `no ${language} article`);
});
