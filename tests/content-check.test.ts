/** `npm run content:check` on the real corpus and on a broken copy of it. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from './helpers/dist.ts';

const SCRIPT = join(ROOT, 'scripts', 'content-check.ts');
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [SCRIPT, ...args]).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );

async function treeDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await readdir(dir, { recursive: true })).sort()) {
    hash.update(file);
    hash.update(await readFile(join(dir, file)).catch(() => Buffer.from('dir')));
  }
  return hash.digest('hex');
}

let copy: string;
before(async () => {
  copy = await mkdtemp(join(tmpdir(), 'content-check-'));
  await cp(join(ROOT, 'content'), join(copy, 'content'), { recursive: true });
});
after(() => rm(copy, { recursive: true, force: true }));

test('--help explains the command', async () => {
  const { code, stdout } = await run('--help');
  assert.equal(code, 0);
  assert.match(stdout, /Usage: npm run content:check/);
});

test('the real corpus is clean', async () => {
  const { code, stdout } = await run('--root', ROOT);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /no problems/);
});

test('a broken copy is reported file by file, line by line, and left untouched', async () => {
  const event = 'content/events/2024-12-06-minsk-security-guarantees-treaty.md';
  const eventText = await readFile(join(copy, event), 'utf8');
  await writeFile(join(copy, event), eventText.replace(/participants:\n(\s+)- vladimir-putin/, 'participants:\n$1- vladimir-putn'));
  const captures = (await readdir(join(copy, 'content/captures'))).sort();
  await appendFile(join(copy, 'content/captures', captures[0]!), ' ');
  const entity = 'content/entities/minsk.yaml';
  await writeFile(join(copy, entity), (await readFile(join(copy, entity), 'utf8')).replace('description:', 'colour: blue\ndescription:'));
  const decomposable = 'content/entities/alexander-lukashenko.yaml'; // its Arabic names have أ, which NFD decomposes
  await writeFile(join(copy, decomposable), (await readFile(join(copy, decomposable), 'utf8')).normalize('NFD'));

  const before = await treeDigest(copy);
  const { code, stdout } = await run('--root', copy, '--format', 'json');
  assert.equal(code, 1);
  const problems: { file: string; line: number; rule: string; field: string; fix: string }[] = JSON.parse(stdout);
  const find = (rule: string, file: string) => problems.find((p) => p.rule === rule && p.file === file);

  const participantLine = eventText.split('\n').findIndex((l) => l.includes('- vladimir-putin')) + 1;
  const reference = problems.find((p) => p.rule === 'reference' && p.file === event && p.field === 'participants.0');
  assert.equal(reference?.line, participantLine);
  assert.match(reference?.fix ?? '', /content\/entities\/vladimir-putn\.yaml/);
  assert.ok(problems.some((p) => p.rule === 'capture-hash' && p.field === 'capture.sha256'));
  assert.match(find('schema', entity)?.fix ?? '', /remove "colour"/);
  assert.ok(find('unicode', decomposable));
  assert.equal(await treeDigest(copy), before, 'content:check changed a file');
});
