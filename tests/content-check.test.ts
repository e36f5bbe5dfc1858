/** `npm run content:check` on the real corpus and on a broken copy of it. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { appendFile, cp, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { checkContent } from '../scripts/lib/content-rules.ts';
import { loadDataset } from '../src/lib/dataset-file.ts';
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

  const before = await treeDigest(join(copy, 'content'));
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
  assert.equal(await treeDigest(join(copy, 'content')), before, 'content:check changed a file');
});

test('a later run re-checks the files that changed and remembers the verdicts on the rest', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'content-cache-'));
  try {
    await cp(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    assert.equal((await run('--root', dir)).code, 0);
    await stat(join(dir, '.cache', 'content-check.sqlite'));
    const file = 'content/articles/2024-12-06-russia-belarus-sign-military-agreement-newsit.md';
    const original = await readFile(join(dir, file), 'utf8');
    await writeFile(join(dir, file), `${original}\nTODO: check this paragraph against the capture.\n`);
    const changed = await run('--root', dir, '--format', 'json');
    assert.equal(changed.code, 1);
    assert.deepEqual((JSON.parse(changed.stdout) as { rule: string; file: string }[]).map((p) => [p.rule, p.file]), [['todo', file]]);
    const remembered = await run('--root', dir, '--format', 'json');
    assert.equal(remembered.stdout, changed.stdout, 'the verdict on an unchanged file is the one found before');
    await writeFile(join(dir, file), original);
    assert.equal((await run('--root', dir)).code, 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('files judged in worker threads get the same verdicts as files judged in the main thread', async () => {
  // The broken copy of the test above: problems of every kind, in several files.
  const inProcess = await checkContent(copy, { cache: false, inWorkersFrom: Infinity });
  const inWorkers = await checkContent(copy, { cache: false, inWorkersFrom: 1 });
  assert.ok(inProcess.length >= 4);
  assert.deepEqual(inWorkers, inProcess);
  // Then with the cache: the workers write nothing, and read back what the main thread wrote.
  assert.deepEqual(await checkContent(copy, { inWorkersFrom: 1 }), inProcess);
  assert.deepEqual(await checkContent(copy, { inWorkersFrom: 1 }), inProcess, 'verdicts read from the cache in the workers');
});

/** The files under content/ that `check` reads with readFileSync (as the checker does), relative to `root`. */
async function contentRead<T>(root: string, check: () => Promise<T>): Promise<{ result: T; read: string[] }> {
  const { readFileSync: original } = fs;
  const read: string[] = [];
  fs.readFileSync = ((path: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (typeof path === 'string' && path.startsWith(join(root, 'content'))) read.push(path.slice(root.length + 1));
    return (original as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof original;
  syncBuiltinESMExports();
  try {
    return { result: await check(), read: read.sort() };
  } finally {
    fs.readFileSync = original;
    syncBuiltinESMExports();
  }
}

test('with the cache warm, only the files and captures whose stamp changed are read', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'content-stamps-'));
  const check = () => checkContent(dir, { inWorkersFrom: Infinity });
  try {
    await cp(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    const cold = await contentRead(dir, check);
    assert.deepEqual(cold.result, []);
    assert.ok(cold.read.length > 20, 'a cold check reads every file and capture');
    assert.deepEqual((await contentRead(dir, check)).read, [], 'nothing changed: nothing read');

    const article = 'content/articles/2024-12-06-russia-belarus-sign-military-agreement-newsit.md';
    await utimes(join(dir, article), new Date(), new Date('2030-01-01'));
    assert.deepEqual(await contentRead(dir, check), { result: [], read: [article] }, 'touched: read and hashed again');
    assert.deepEqual((await contentRead(dir, check)).read, []);

    const { capture } = /capture:\n\s+path: (?<capture>\S+)/.exec(await readFile(join(dir, article), 'utf8'))!.groups!;
    await appendFile(join(dir, 'content', capture!), '\n<!-- edited -->\n');
    const edited = await contentRead(dir, check);
    assert.deepEqual(edited.read, [article, `content/${capture}`], 'the changed capture is hashed, and the article that names it read to locate the problem');
    assert.deepEqual(edited.result.map((p) => [p.rule, p.file]), [['capture-hash', article]]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** One content file edited in a fresh copy of the corpus, and the problem content:check must report. */
interface RuleCase {
  rule: string;
  file: string;
  edit: (text: string) => string;
  /** The line the problem must be reported on, found in the edited text. */
  line: (edited: string) => number;
  fix: RegExp;
  /** What the message must say, when the rule has more than one. */
  message?: RegExp;
  /** When the case adds a file rather than editing one. */
  newFile?: string;
  /** Another file the case adds, made from an existing one. */
  also?: { file: string; from: string; edit: (text: string) => string };
}

const HINDI = 'content/articles/2024-12-06-russia-belarus-sign-military-agreement-newsit.md';
const ARABIC = 'content/articles/2024-12-06-new-nuclear-umbrella-russia-belarus-euronews.md';
const lineOf = (needle: string) => (edited: string) => edited.split('\n').findIndex((l) => l.includes(needle)) + 1;
const appendToBody = (extra: string) => (text: string) => `${text.trimEnd()}\n\n${extra}\n`;

/** The newest release of the project's dataset, and the versions a maintainer would give the next ones. */
const NEWEST = (await loadDataset(ROOT)).releases[0]!.version;
const [MAJOR, MINOR, PATCH] = NEWEST.split('.').map(Number) as [number, number, number];
const NEXT_MINOR = `${MAJOR}.${MINOR + 1}.0`;
const NEXT_PATCH = `${MAJOR}.${MINOR}.${PATCH + 1}`;
const literally = (text: string) => text.replaceAll('.', '\\.');

/** A release of content/dataset.yaml, as a maintainer writes it above the others. */
function release(version: string, lists: Partial<Record<'added' | 'corrected' | 'withdrawn', string[]>>): string {
  const list = (name: 'added' | 'corrected' | 'withdrawn') => {
    const ids = lists[name] ?? [];
    return ids.length === 0 ? `    ${name}: []` : `    ${name}:\n${ids.map((id) => `      - ${id}`).join('\n')}`;
  };
  return [`  - version: ${version}`, '    date: 2026-11-30', '    summary: A test release.', list('added'), list('corrected'), list('withdrawn'), ''].join('\n');
}

const ruleCases: [string, RuleCase][] = [
  ['a TODO left by content:new', { rule: 'todo', file: HINDI, edit: (t) => t.replace('topics:', 'byline: "TODO: who wrote it"\ntopics:'), line: lineOf('TODO'), fix: /remove the TODO/ }],
  ['a script element', { rule: 'no-script', file: ARABIC, edit: appendToBody('<script>alert(1)</script>'), line: lineOf('<script>'), fix: /remove it/ }],
  ['an event handler', { rule: 'no-script', file: ARABIC, edit: appendToBody('<p onmouseover="alert(1)">نص</p>'), line: lineOf('onmouseover'), fix: /remove it/ }],
  ['an image with onerror', { rule: 'no-script', file: ARABIC, edit: appendToBody('<img src=x onerror=alert(1)>'), line: lineOf('onerror'), fix: /remove it/ }],
  ['an iframe', { rule: 'no-script', file: ARABIC, edit: appendToBody('<iframe src="https://example.org"></iframe>'), line: lineOf('<iframe'), fix: /remove it/ }],
  ['an SVG with script', { rule: 'no-script', file: ARABIC, edit: appendToBody('<svg><script>alert(1)</script></svg>'), line: lineOf('<svg>'), fix: /remove it/ }],
  ['a javascript: link', { rule: 'no-script', file: ARABIC, edit: appendToBody('[انقر](javascript:alert(1))'), line: lineOf('javascript:'), fix: /http\(s\)/ }],
  ['raw HTML outside the allow-list', { rule: 'no-script', file: ARABIC, edit: appendToBody('<div class="ad">إعلان</div>'), line: lineOf('<div'), fix: /only <figure>/ }],
  ['a malformed link', { rule: 'link', file: ARABIC, edit: appendToBody('[موقع](www.example.org/page)'), line: lineOf('www.example.org'), fix: /absolute http\(s\) URL/ }],
  ['a right-to-left override in a title', { rule: 'invisible-characters', file: HINDI, edit: (t) => t.replace(/^title: (.*)$/m, 'title: \u202E$1'), line: lineOf('title:'), fix: /U\+202E/ }],
  ['a zero-width space in an id list', { rule: 'invisible-characters', file: HINDI, edit: (t) => t.replace('  - vladimir-putin', '  - vladimir-putin\u200B'), line: lineOf('vladimir-putin\u200B'), fix: /U\+200B/ }],
  ['a bidirectional override in the text', { rule: 'invisible-characters', file: ARABIC, edit: appendToBody('نص \u202Dمخفي'), line: lineOf('مخفي'), fix: /delete it/ }],
  ['a body in another script than its language', { rule: 'script-matches-language', file: HINDI, edit: (t) => t.replace('language: hi', 'language: ar'), line: lineOf('language: ar'), fix: /correct the language/ }],
  ['a date in the future', { rule: 'plausible-dates', file: HINDI, edit: (t) => t.replace(/^added: .*$/m, 'added: 2999-01-01'), line: lineOf('added: 2999'), fix: /check the date/ }],
  ['YAML that does not parse', { rule: 'yaml-syntax', file: HINDI, edit: (t) => t.replace('language: hi', 'language: hi: x'), line: lineOf('language: hi: x'), fix: /YAML syntax/ }],
  ['Windows line endings', { rule: 'canonical-format', file: HINDI, edit: (t) => t.replaceAll('\n', '\r\n'), line: () => 1, fix: /content:fix/, message: /CRLF/ }],
  ['a front matter that is not canonical', { rule: 'canonical-format', file: HINDI, edit: (t) => t.replace('language: hi', "language: 'hi'"), line: lineOf("language: 'hi'"), fix: /content:fix/ }],
  ['a release version that is not semantic', { rule: 'schema', file: 'content/dataset.yaml', edit: (t) => t.replace(`- version: ${NEWEST}`, '- version: "1.0"'), line: lineOf('version: "1.0"'), fix: /correct "releases\.0\.version"/ }],
  ['a release naming no article', { rule: 'reference', file: 'content/dataset.yaml', edit: (t) => t.replace('- 2025-putin-russia-iran-trade-growth-rt', '- 2025-putin-russia-iran-trade-growth-r'), line: lineOf('trade-growth-r'), fix: /did you mean "2025-putin-russia-iran-trade-growth-rt"/ }],
  ['a topic listed twice', {
    rule: 'schema', file: HINDI, edit: (t) => t.replace('topics:\n  - union-state\n', 'topics:\n  - union-state\n  - union-state\n'),
    line: (t) => t.split('\n').indexOf('topics:') + 3, message: /lists "union-state" again \(it is already item 0\): remove this one/, fix: /correct "topics\.1"/,
  }],
  ['an entity listed twice', {
    rule: 'schema', file: HINDI, edit: (t) => t.replace('  - vladimir-putin\n', '  - vladimir-putin\n  - vladimir-putin\n'),
    line: (t) => t.split('\n').lastIndexOf('  - vladimir-putin') + 1, message: /lists "vladimir-putin" again/, fix: /correct "entities\.\d+"/,
  }],
  ['an event listed twice', {
    rule: 'schema', file: HINDI, edit: (t) => t.replace(/^events:\n {2}- (.*)$/m, 'events:\n  - $1\n  - $1'),
    line: (t) => t.split('\n').indexOf('events:') + 3, message: /lists "2024-12-06-minsk-security-guarantees-treaty" again/, fix: /correct "events\.1"/,
  }],
  ['a topic not in the vocabulary', { rule: 'reference', file: HINDI, edit: (t) => t.replace('topics:\n  - union-state\n', 'topics:\n  - union-states\n'), line: lineOf('- union-states'), fix: /did you mean "union-state"\? If not, add content\/topics\/union-states\.yaml/ }],
  ['an article no release adds', {
    rule: 'release', file: 'content/articles/2024-12-06-zz-unreleased.md', newFile: HINDI,
    edit: (t) => t.replace('id: 2024-12-06-russia-belarus-sign-military-agreement-newsit', 'id: 2024-12-06-zz-unreleased'),
    line: lineOf('id: '), fix: new RegExp(`list "2024-12-06-zz-unreleased" under "added" in the release that publishes it.*${literally(NEXT_MINOR)}`),
  }],
  ['an article added by two releases', {
    rule: 'release', file: 'content/dataset.yaml',
    edit: (t) => t.replace('releases:\n', `releases:\n${release(NEXT_MINOR, { added: ['2025-putin-russia-iran-trade-growth-rt'] })}`),
    line: lineOf('- 2025-putin-russia-iran-trade-growth-rt'), fix: /remove it/, message: /release 1\.0\.0 added it/,
  }],
  ['an article added to a release made before it', {
    rule: 'release', file: 'content/dataset.yaml',
    edit: (t) => t.replace('    added:\n', '    added:\n      - 2024-12-06-zz-added-later\n'),
    line: lineOf('- 2024-12-06-zz-added-later'), fix: new RegExp(`list it in a new release above ${literally(NEWEST)}: a published release never changes`),
    also: { file: 'content/articles/2024-12-06-zz-added-later.md', from: HINDI, edit: (t) => t.replace('id: 2024-12-06-russia-belarus-sign-military-agreement-newsit', 'id: 2024-12-06-zz-added-later').replace(/^added: .*$/m, 'added: 2026-11-30') },
  }],
  ['a release withdrawing an article that is not withdrawn', {
    rule: 'release', file: 'content/dataset.yaml',
    edit: (t) => t.replace('releases:\n', `releases:\n${release(NEXT_PATCH, { withdrawn: ['2025-putin-russia-iran-trade-growth-rt'] })}`),
    line: lineOf('- 2025-putin-russia-iran-trade-growth-rt'), fix: /set withdrawn: \{ date, reason \} in content\/articles\/2025-putin-russia-iran-trade-growth-rt\.md/,
  }],
  ['a withdrawn article no release withdraws', {
    rule: 'release', file: HINDI,
    edit: (t) => t.replace(/^added: (.*)$/m, 'withdrawn:\n  date: 2026-11-28\n  reason: The publisher asked for it.\nadded: $1\nmodified: 2026-11-28'),
    line: lineOf('withdrawn:'), fix: /under "withdrawn" in the release that withdraws it/,
  }],
  ['an article saved as .txt', { rule: 'stray-file', file: 'content/articles/2025-01-01-draft.txt', newFile: HINDI, edit: (t) => t, line: () => 1, fix: /rename it to "2025-01-01-draft\.md"/ }],
  ['the same capture archived twice', {
    rule: 'duplicate-text', file: 'content/articles/2024-12-06-zz-archived-again.md', newFile: HINDI,
    edit: (t) => t.replace('id: 2024-12-06-russia-belarus-sign-military-agreement-newsit', 'id: 2024-12-06-zz-archived-again'),
    line: lineOf('sha256:'), fix: /keep one record/,
  }],
];

for (const [what, c] of ruleCases) {
  test(`content:check reports ${what} as [${c.rule}] at its line, with a fix, and changes nothing`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'content-rule-'));
    try {
      await cp(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
      const edited = c.edit(await readFile(join(dir, c.newFile ?? c.file), 'utf8'));
      await writeFile(join(dir, c.file), edited);
      if (c.also) await writeFile(join(dir, c.also.file), c.also.edit(await readFile(join(dir, c.also.from), 'utf8')));
      const before = await treeDigest(join(dir, 'content'));
      const { code, stdout } = await run('--root', dir, '--format', 'json');
      assert.equal(code, 1, 'exit code');
      const problems: { file: string; line: number; rule: string; message: string; fix: string }[] = JSON.parse(stdout);
      const line = c.line(edited);
      const found = problems.find((p) => p.rule === c.rule && p.file === c.file && p.line === line);
      assert.ok(found, `no [${c.rule}] problem at ${c.file}:${line}; got ${JSON.stringify(problems.map((p) => [p.rule, p.file, p.line]))}`);
      assert.match(found.fix, c.fix);
      if (c.message) assert.match(found.message, c.message);
      assert.equal(await treeDigest(join(dir, 'content')), before, 'content:check changed a file');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

test('a file that cannot be read is its own problem: records that refer to it are not reported too', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'content-unreadable-'));
  try {
    await cp(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    // The Arabic article's editorial notes point at this one.
    const referred = 'content/articles/2025-putin-russia-iran-trade-growth-rt.md';
    assert.match(await readFile(join(dir, ARABIC), 'utf8'), /see: 2025-putin-russia-iran-trade-growth-rt/);
    await writeFile(join(dir, referred), (await readFile(join(dir, referred), 'utf8')).replace(/^language: ar$/m, 'language: [ar'));
    const { code, stdout } = await run('--root', dir);
    assert.equal(code, 1);
    const files = [...stdout.matchAll(/^(content\/\S+?):\d+:\d+  error/gm)].map((m) => m[1]);
    assert.ok(files.length > 0, stdout);
    assert.deepEqual([...new Set(files)], [referred], stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('text output names the file, line, column, severity, rule and fix', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'content-text-'));
  try {
    await cp(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    await writeFile(join(dir, HINDI), (await readFile(join(dir, HINDI), 'utf8')).replace('source: newsit', 'source: newsitt'));
    const { code, stdout } = await run('--root', dir);
    assert.equal(code, 1);
    assert.match(stdout, new RegExp(`^${HINDI}:\\d+:\\d+  error  source: refers to "newsitt", which is not in content/sources/  \\[reference\\]$`, 'm'));
    assert.match(stdout, /^ {4}fix: did you mean "newsit"\? If not, add content\/sources\/newsitt\.yaml$/m);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
