import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DatasetSchema } from './dataset.ts';
import { formatProblem, parseCanonicalFile, parseContentFile, parseYamlFile, splitFrontMatter, yamlLocator } from './parse.ts';
import { serializeParsedRecord } from './serialize.ts';

const SHA = 'a'.repeat(64);
const validArticle = `---
id: 2024-12-06-example-article
title: रूस और बेलारूस
language: hi
published:
  value: 2024-12-06
  precision: day
  basis: stated
  evidence: "आज (06.12.2024)"
source: newsit
events: [2024-12-06-minsk-security-guarantees-treaty]
entities: [vladimir-putin]
topics: [union-state]
capture:
  path: captures/000.txt
  sha256: ${SHA}
  origin: { url: null, retrieved: null, description: Unknown aggregator. }
editorial_notes: []
added: 2026-11-25
---
Body text.
`;
const file = 'content/articles/2024-12-06-example-article.md';

describe('parseContentFile', () => {
  test('accepts a valid article and finds its body', () => {
    const result = parseContentFile('articles', file, validArticle);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.equal(result.record.data.language, 'hi');
    assert.equal(result.record.body, 'Body text.\n');
    assert.equal(result.record.bodyLine, 21);
  });

  const cases: [string, string, string, number, string][] = [
    ['an unknown field', validArticle.replace('topics:', 'colour: red\ntopics:'), 'colour', 13, 'remove "colour"'],
    ['a malformed language tag', validArticle.replace('language: hi', 'language: hindi_IN'), 'language', 4, 'BCP 47'],
    ['a language named instead of coded', validArticle.replace('language: hi', 'language: hindi'), 'language', 4, 'two- or three-letter ISO 639 code'],
    ['a date that does not match its precision', validArticle.replace('value: 2024-12-06', 'value: 2024-12'), 'published.value', 6, 'YYYY-MM-DD'],
    ['an impossible date', validArticle.replace('value: 2024-12-06', 'value: 2024-02-30'), 'published.value', 6, 'real date'],
    ['a bad checksum', validArticle.replace(SHA, 'abc'), 'capture.sha256', 16, 'sha256sum'],
    ['a non-ASCII slug in a list', validArticle.replace('[vladimir-putin]', '[Путин]'), 'entities.0', 12, 'lower-case ASCII'],
    ['an invalid enum value', validArticle.replace('precision: day', 'precision: week'), 'published.precision', 7, 'use one of "day", "month", "year"'],
  ];
  for (const [what, text, field, line, hint] of cases) {
    test(`reports ${what} at its field and line, with a fix`, () => {
      const result = parseContentFile('articles', file, text);
      assert.equal(result.ok, false);
      assert.ok(!result.ok);
      const problem = result.problems.find((p) => p.field === field || (field === 'colour' && p.message.includes('colour')));
      assert.ok(problem, `expected a problem for ${field}, got ${result.problems.map(formatProblem).join('; ')}`);
      assert.equal(problem.line, line);
      assert.match(formatProblem(problem), new RegExp(hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.match(formatProblem(problem), new RegExp(`^${file}:${line}:\\d+ `));
    });
  }

  test('requires title_missing when the title is null', () => {
    const result = parseContentFile('articles', file, validArticle.replace('title: रूस और बेलारूस', 'title: null'));
    assert.ok(!result.ok);
    assert.equal(result.problems[0]!.field, 'title_missing');
  });

  test('reports a missing required field', () => {
    const result = parseContentFile('articles', file, validArticle.replace('added: 2026-11-25\n', ''));
    assert.ok(!result.ok);
    assert.equal(result.problems[0]!.field, 'added');
    assert.equal(result.problems[0]!.message, 'is required but missing');
  });

  test('reports YAML syntax errors with their line', () => {
    const result = parseContentFile('articles', file, validArticle.replace('source: newsit', 'source: [newsit'));
    assert.ok(!result.ok);
    assert.equal(result.problems[0]!.rule, 'yaml-syntax');
    assert.ok(result.problems[0]!.line >= 10);
  });

  test('requires the id to match the file name', () => {
    const result = parseContentFile('articles', 'content/articles/other.md', validArticle);
    assert.ok(!result.ok);
    assert.equal(result.problems[0]!.rule, 'id-matches-file');
    assert.equal(result.problems[0]!.line, 2);
  });

  test('requires front matter in Markdown collections', () => {
    const result = parseContentFile('articles', file, 'Just text\n');
    assert.ok(!result.ok);
    assert.equal(result.problems[0]!.rule, 'front-matter');
  });

  test('parses YAML collections without a body', () => {
    const entity = 'id: minsk\nkind: place\nnames:\n  en: [Minsk]\n  ar: [مينسك]\ndescription: Capital of Belarus.\n';
    const result = parseContentFile('entities', 'content/entities/minsk.yaml', entity);
    assert.ok(result.ok);
    assert.deepEqual(result.record.data.names.ar, ['مينسك']);
  });

  test('requires English names for entities', () => {
    const entity = 'id: minsk\nkind: place\nnames:\n  ar: [مينسك]\ndescription: Capital of Belarus.\n';
    const result = parseContentFile('entities', 'content/entities/minsk.yaml', entity);
    assert.ok(!result.ok);
    assert.equal(result.problems[0]!.field, 'names');
    assert.equal(result.problems[0]!.line, 3);
  });
});

describe('splitFrontMatter', () => {
  test('splits at the closing fence and counts body lines', () => {
    assert.deepEqual(splitFrontMatter('---\na: 1\n---\nText\n'), { yaml: 'a: 1\n', yamlLineOffset: 1, body: 'Text\n', bodyLine: 4 });
  });
  test('returns undefined without front matter', () => {
    assert.equal(splitFrontMatter('# Title\n'), undefined);
  });
});

describe('parseCanonicalFile', () => {
  const parsed = parseContentFile('articles', file, validArticle);
  assert.ok(parsed.ok);
  const canonicalArticle = serializeParsedRecord('articles', parsed.record.data, parsed.record.body);

  test('proves a canonical file canonical, with the record parseContentFile gives', () => {
    const { result, canonical } = parseCanonicalFile('articles', file, canonicalArticle);
    assert.equal(canonical, true);
    assert.deepEqual(result, parseContentFile('articles', file, canonicalArticle));
  });

  const others: [string, string, string][] = [
    ['a valid file in another layout', file, validArticle],
    ['a comment', file, canonicalArticle.replace('language: hi\n', 'language: hi # Hindi\n')],
    ['a duplicate key', file, canonicalArticle.replace('language: hi\n', 'language: hi\nlanguage: ar\n')],
    ['a schema problem', file, canonicalArticle.replace('precision: day', 'precision: week')],
    ['a YAML syntax error', file, canonicalArticle.replace('language: hi', 'language: [hi')],
    ['an id that is not the file name', 'content/articles/other.md', canonicalArticle],
    ['Windows line ends', file, canonicalArticle.replace(/\n/g, '\r\n')],
  ];
  for (const [what, name, text] of others) {
    test(`leaves ${what} to parseContentFile, which gives the same result`, () => {
      const { result, canonical } = parseCanonicalFile('articles', name, text);
      assert.equal(canonical, false);
      assert.deepEqual(result, parseContentFile('articles', name, text));
    });
  }
});

test('a YAML file that is not a record is validated with its schema, every problem located', () => {
  const text = 'name: coverage-atlas\nreleases:\n  - version: "1.0"\n';
  const parsed = parseYamlFile(DatasetSchema, 'content/dataset.yaml', text);
  assert.equal(parsed.ok, false);
  const version = !parsed.ok && parsed.problems.find((p) => p.field === 'releases.0.version');
  assert.deepEqual(version && [version.line, version.column, version.rule], [3, 5, 'schema']);
  assert.deepEqual(yamlLocator(text)(['releases', 0, 'version']), { line: 3, column: 5 });
  const broken = parseYamlFile(DatasetSchema, 'content/dataset.yaml', 'name: [x\n');
  assert.equal(!broken.ok && broken.problems[0]!.rule, 'yaml-syntax');
});

test('a topic must be named in every language the interface speaks, and the problem says which are missing', () => {
  const text = 'id: trade\nnames:\n  en: Trade\n  ar: التجارة\ndescription: Trade between countries.\n';
  const parsed = parseContentFile('topics', 'content/topics/trade.yaml', text);
  assert.equal(parsed.ok, false);
  assert.deepEqual(parsed.ok ? [] : parsed.problems.map(({ line, field, message }) => ({ line, field, message })), [
    { line: 2, field: 'names', message: 'must name the topic in every language the interface speaks: add "hi", "ms"' },
  ]);
  assert.ok(parseContentFile('topics', 'content/topics/trade.yaml', text.replace('description:', '  hi: व्यापार\n  ms: Perdagangan\ndescription:')).ok);
});
