import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CORE_SCHEMA, load } from 'js-yaml';
import { stringify } from 'yaml';
import { detached, quickYaml, readQuickYaml } from './quick-yaml.ts';

const LIBRARY_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces chosen to hit the library's quoting rules: indicators, ": ", " #", quotes, numbers, booleans, null, scripts, edges.
const PIECES = [
  'a', 'Lukashenko', 'लुकाशेंको', 'لوكاشينكو', ' ', ': ', ':', ' #', '#', '-', '- ', '?', '? ', '"', "'", '\\', ',', '[', ']', '{', '}', '&', '*', '!',
  '|', '>', '%', '@', '`', '0', '42', '-7', '+3', '1.5', '1e3', '0x1F', '0o17', '.inf', '.nan', 'true', 'False', 'null', 'NULL', '~', '---', '...',
  '2008-05', '2024-01-31', 'https://example.org/a?b=c#d', '\t', '\n', '\u0007', '\u0085', '\u00a0', '\u200f', '\u2028', '\ud800', '😀', 'e\u0301',
];

function string(next: () => number): string {
  const length = Math.floor(next() * 5);
  let text = '';
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

function value(next: () => number, depth: number): unknown {
  const kind = next();
  if (depth < 3 && kind < 0.15) return map(next, depth + 1);
  if (depth < 3 && kind < 0.3) return Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1));
  if (kind < 0.35) return Math.floor((next() - 0.5) * 1e6);
  if (kind < 0.38) return next() < 0.5;
  if (kind < 0.39) return next() < 0.5 ? null : 0.25;
  return string(next);
}

function map(next: () => number, depth: number): Record<string, unknown> {
  const keys = ['id', 'title', 'value', 'precision', 'evidence', 'names', 'text', 'lang', 'true', 'null', 'a b', 'x1', 'key_2'];
  const entries = Array.from({ length: Math.floor(next() * 5) }, () => [keys[Math.floor(next() * keys.length)]!, value(next, depth)] as const);
  return Object.fromEntries(entries);
}

test('quickYaml writes what the library writes, or leaves the value to it', () => {
  const next = random(20261201);
  let written = 0;
  for (let i = 0; i < 20000; i++) {
    const data = map(next, 0);
    const quick = quickYaml(data);
    if (quick === undefined) continue;
    written++;
    assert.equal(quick, stringify(data, LIBRARY_OPTIONS), `for ${JSON.stringify(data)}`);
  }
  // The subset must be wide enough to matter: most generated records fall in it.
  assert.ok(written > 3000, `only ${written} of 20000 records were written quickly`);
});

test('quickYaml writes a typical article front matter, quoting where YAML needs it', () => {
  const data = {
    id: '2008-05-energy-buda-wire-ms-1u1',
    title: 'Rusia: "perkongsian strategik"',
    published: { value: '2008-05', precision: 'month', evidence: 'The date line reads "Mei 2008".' },
    events: ['2008-03-27-visit-kajesu-0'],
    capture: { path: 'captures/a.txt', origin: { description: "A page: headline, date line and the reporter's text" } },
    editorial_notes: [{ action: 'removed', text: 'Mei 2008' }],
    withdrawn: false,
    count: 12,
    code: '42',
  };
  const expected = stringify(data, LIBRARY_OPTIONS);
  assert.equal(quickYaml(data), expected);
  assert.match(expected, /^title: 'Rusia: "perkongsian strategik"'$/m);
  assert.match(expected, /^code: "42"$/m);
});

test('quickYaml leaves to the library what it was not taught', () => {
  for (const data of [{ a: 0.5 }, { a: 'two\nlines' }, { 'a b': 1 }, { a: 'bell\u0007' }, [1], 'text']) {
    assert.equal(quickYaml(data), undefined, JSON.stringify(data));
  }
});

/** js-yaml's reading of a text (the parser content files are read with), or an error's message. */
function jsYaml(text: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA });
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

test('readQuickYaml reads what quickYaml writes as js-yaml does', () => {
  const next = random(20261202);
  let read = 0;
  for (let i = 0; i < 20000; i++) {
    const text = quickYaml(map(next, 0));
    if (text === undefined) continue;
    const quick = readQuickYaml(text);
    assert.notEqual(quick, undefined, text);
    assert.deepEqual(quick, jsYaml(text), text);
    read++;
  }
  assert.ok(read > 3000);
});

/** Edits that take a canonical text out of the form: comments, other indents and styles, duplicate keys, line ends. */
const EDITS: ((text: string, next: () => number) => string)[] = [
  (t, n) => t.replace(/\n/g, (m) => (n() < 0.2 ? ' # note\n' : m)),
  (t, n) => t.replace(/\n {2}/g, (m) => (n() < 0.3 ? '\n   ' : m)),
  (t, n) => t.replace(/\n {2}/g, (m) => (n() < 0.3 ? '\n' : m)),
  (t, n) => t.replace(/: /g, (m) => (n() < 0.3 ? ':  ' : m)),
  (t, n) => t.replace(/: /g, (m) => (n() < 0.3 ? ':\t' : m)),
  (t) => t.replace(/\n/g, '\r\n'),
  (t, n) => t.replace(/"/g, (m) => (n() < 0.5 ? "'" : m)),
  (t, n) => t.replace(/'/g, (m) => (n() < 0.5 ? '"' : m)),
  (t, n) => t.replace(/- /g, (m) => (n() < 0.3 ? '-  ' : m)),
  (t) => t.replace(/^([^\n]*\n)/, '$1$1'),
  (t) => `${t}${t.split('\n')[0]}\n`,
  (t) => t.replace(/\[\]/g, '[ ]').replace(/\{\}/g, '{ }'),
  (t) => t.replace(/: ([^\n]+)/, ': &a $1'),
  (t) => t.replace(/: ([^\n"']+)/, ': !!str $1'),
  (t) => t.replace(/: (-?\d+)\n/, ': +$1\n').replace(/: true\n/, ': True\n').replace(/: null\n/, ': ~\n'),
  (t) => t.replace(/\n$/, ''),
  (t) => `---\n${t}`,
  (t) => t.replace(/\\/g, '\\x5c'),
];

test('a reading that writes back to the same text is what js-yaml reads (the certification content:check relies on)', () => {
  const next = random(20261203);
  let certified = 0;
  let refused = 0;
  for (let i = 0; i < 20000; i++) {
    const canonical = quickYaml(map(next, 0));
    if (canonical === undefined) continue;
    let text = canonical;
    for (let edits = 1 + Math.floor(next() * 2); edits > 0; edits--) text = EDITS[Math.floor(next() * EDITS.length)]!(text, next);
    const quick = readQuickYaml(text);
    if (quick !== undefined && quickYaml(quick) === text) {
      assert.deepEqual(quick, jsYaml(text), text);
      certified++;
    } else if (text !== canonical) refused++;
  }
  // Both branches must be exercised: edits that change nothing certify, the others are refused.
  assert.ok(certified > 1000 && refused > 1000, `${certified} certified, ${refused} refused`);
});

test("readQuickYaml's values do not keep the file they were read from in memory", () => {
  v8.setFlagsFromString('--expose-gc');
  const collectGarbage = runInNewContext('gc') as () => void;
  /** The heap that stays in use after values are read from 50 files of about 1 MB each and the files dropped. */
  const heapKept = (read: (frontMatter: string) => unknown): number => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const kept: unknown[] = [];
    for (let i = 0; i < 50; i++) {
      const file = `id: article-${i}\ntitle: Lukashenko and Putin meet in Minsk ${i}\nnote: 'a quoted value long enough to be cut ${i}'\n---\n${'बेलारूस '.repeat(60_000)}`;
      kept.push(read(file.slice(0, file.indexOf('---'))));
    }
    collectGarbage();
    assert.equal(kept.length, 50);
    return process.memoryUsage().heapUsed - before;
  };
  // The premise: a cut of 13 characters or more keeps its whole parent (50 files of 0.96 MB as two-byte text).
  assert.ok(heapKept((text) => text.split('\n')[1]!.slice(7)) > 40e6, 'V8 no longer keeps the parent of a substring: detached() may be unneeded');
  assert.ok(heapKept((text) => readQuickYaml(text)) < 5e6);
  assert.ok(heapKept((text) => detached(text.split('\n')[1]!.slice(7))) < 5e6);
  assert.deepEqual(readQuickYaml("id: a\ntitle: Lukashenko and Putin meet in Minsk\nnote: 'a quoted value long enough'\n"), {
    id: 'a', title: 'Lukashenko and Putin meet in Minsk', note: 'a quoted value long enough',
  });
});
