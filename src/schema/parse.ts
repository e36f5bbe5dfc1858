/**
 * The one way content text becomes a validated record. Every problem is
 * reported with the file, line and column of the offending key, the field,
 * what is wrong and how to fix it.
 */
import type { z } from 'astro/zod';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { CORE_SCHEMA, load } from 'js-yaml';
import { collections, type CollectionName, type RecordOf } from './index.ts';
import { readQuickYaml } from './quick-yaml.ts';
import { serializeParsedRecord } from './serialize.ts';

/** Parses YAML with js-yaml, several times faster than \`yaml\` but without positions. */
function parseQuickly(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: load(text, { schema: CORE_SCHEMA }) ?? {} };
  } catch {
    return { ok: false };
  }
}

/** One thing wrong with a content file, located as precisely as possible. */
export interface ContentProblem {
  /** Path of the file, as given to the parser (relative to the project root). */
  file: string;
  line: number;
  column: number;
  /** Dotted path of the field, or "" for the file as a whole. */
  field: string;
  message: string;
  fix: string;
  /** Stable rule identifier, e.g. "schema", "yaml-syntax". */
  rule: string;
}

/** A parsed, validated content record and where its Markdown body starts. */
export interface ParsedRecord<C extends CollectionName> {
  data: RecordOf<C>;
  /** The Markdown body ("" for YAML collections). */
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
}

export type ParseResult<C extends CollectionName> =
  | { ok: true; record: ParsedRecord<C> }
  | { ok: false; problems: ContentProblem[] };

/** Formats a problem as `path:line:column field: message (fix: …)`. */
export function formatProblem(p: ContentProblem): string {
  const field = p.field ? `${p.field}: ` : '';
  return `${p.file}:${p.line}:${p.column} ${field}${p.message} (fix: ${p.fix}) [${p.rule}]`;
}

interface SplitFile {
  yaml: string;
  /** Lines before the YAML text starts (1 for the opening "---"). */
  yamlLineOffset: number;
  body: string;
  bodyLine: number;
}

/**
 * Splits a Markdown file into its YAML front matter and body.
 * @example splitFrontMatter('---\nid: x\n---\nText\n') // { yaml: 'id: x\n', body: 'Text\n', bodyLine: 4, … }
 */
export function splitFrontMatter(text: string): SplitFile | undefined {
  const match = /^---\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  const yaml = match[1] ?? '';
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
  return { yaml, yamlLineOffset: 1, body: text.slice(match[0].length), bodyLine };
}

/** Finds the YAML node for a field path: the key where it exists, else the nearest parent. */
function locate(doc: Document, path: readonly PropertyKey[]): { offset: number; found: boolean } {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (!pair) return { offset, found: false };
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (node && typeof node === 'object' && 'items' in node && typeof key === 'number') {
      const item = (node as { items: Node[] }).items[key];
      if (!item) return { offset, found: false };
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return { offset, found: false };
    }
  }
  return { offset, found: true };
}

/** The fix to suggest for one Zod issue. */
function fixFor(issue: z.core.$ZodIssue, field: string, found: boolean): string {
  if (issue.code === 'unrecognized_keys') {
    return `remove ${issue.keys.map((k) => `"${k}"`).join(', ')} or correct the spelling; the fields are listed at /docs/data-dictionary/`;
  }
  if (!found && issue.code === 'invalid_type') {
    return `add "${field.split('.').at(-1)}" (${issue.expected}); see /docs/data-dictionary/`;
  }
  if (issue.code === 'invalid_value') {
    return `use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return `correct "${field || 'the file'}" as the message says; see /docs/data-dictionary/`;
}

/** Turns a schema failure into located problems. */
function problemsFromZod(
  error: z.ZodError,
  file: string,
  doc: Document,
  lineCounter: LineCounter,
  lineOffset: number,
): ContentProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    // Point an unknown key at the key itself, not its parent.
    const target = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...path, issue.keys[0]] : path;
    const { offset, found } = locate(doc, target);
    const { line, col } = lineCounter.linePos(offset);
    const field = path.join('.');
    const missing = !found && issue.code === 'invalid_type';
    return {
      file,
      line: line + lineOffset,
      column: col,
      field,
      message: missing ? `is required but missing` : issue.message,
      fix: fixFor(issue, field, found),
      rule: 'schema',
    };
  });
}

/**
 * The 1-based line and column of a field in the text of a content file, or of
 * the nearest parent that exists (line 1, column 1 when nothing matches).
 * @example locateField('articles', text, ['events', 0]) // { line: 16, column: 5 }
 */
export function locateField(collection: CollectionName, text: string, path: readonly (string | number)[]): { line: number; column: number } {
  if (collections[collection].extension === '.yaml') return yamlLocator(text)(path);
  const split = splitFrontMatter(text);
  if (!split) return { line: 1, column: 1 };
  const { line, column } = yamlLocator(split.yaml)(path);
  return { line: line + split.yamlLineOffset, column };
}

/**
 * Finds fields in a YAML text: the 1-based line and column of each path asked
 * for, or of its nearest parent that exists. The text is parsed (with positions,
 * the slow way) once, when the first field is asked for.
 * @example yamlLocator('releases:\n  - version: 1.0.0\n')(['releases', 0, 'version']) // { line: 2, column: 5 }
 */
export function yamlLocator(yamlText: string): (path: readonly (string | number)[]) => { line: number; column: number } {
  let parsed: { doc: Document; lineCounter: LineCounter } | undefined;
  return (path) => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      parsed = { doc: parseDocument(yamlText, { lineCounter }), lineCounter };
    }
    const { line, col } = parsed.lineCounter.linePos(locate(parsed.doc, path).offset);
    return { line, column: col };
  };
}

/** A YAML text's syntax errors as located problems. */
function yamlSyntaxProblems(doc: Document, lineCounter: LineCounter, file: string, lineOffset: number): ContentProblem[] {
  return doc.errors.map((e) => {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    return {
      file,
      line: line + lineOffset,
      column: col,
      field: '',
      message: `YAML syntax: ${e.message.split('\n')[0]}`,
      fix: 'correct the YAML syntax; quote values that contain ": " or start with a special character',
      rule: 'yaml-syntax',
    };
  });
}

/**
 * Parses and validates a YAML file that is not a record of a collection
 * (content/dataset.yaml) with `schema`, every problem located.
 */
export function parseYamlFile<T>(schema: z.ZodType<T>, file: string, text: string): { ok: true; data: T } | { ok: false; problems: ContentProblem[] } {
  // As for records: js-yaml first; only a failing file is read again with positions.
  const fast = parseQuickly(text);
  if (fast.ok) {
    const quick = schema.safeParse(fast.value);
    if (quick.success) return { ok: true, data: quick.data };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, problems: yamlSyntaxProblems(doc, lineCounter, file, 0) };
  const result = schema.safeParse(doc.toJS());
  if (!result.success) return { ok: false, problems: problemsFromZod(result.error, file, doc, lineCounter, 0) };
  return { ok: true, data: result.data };
}

/**
 * Parses and validates the text of one content file of `collection`.
 * `file` names the file in messages; its base name must equal the record's id.
 */
export function parseContentFile<C extends CollectionName>(collection: C, file: string, text: string): ParseResult<C> {
  const spec = collections[collection];
  const problem = (line: number, column: number, field: string, message: string, fix: string, rule: string): ParseResult<C> => ({
    ok: false,
    problems: [{ file, line, column, field, message, fix, rule }],
  });

  let yamlText = text;
  let lineOffset = 0;
  let body = '';
  let bodyLine = 0;
  if (spec.extension === '.md') {
    const split = splitFrontMatter(text);
    if (!split) {
      return problem(1, 1, '', 'has no YAML front matter', 'start the file with a line "---", the fields, then a line "---"', 'front-matter');
    }
    yamlText = split.yaml;
    lineOffset = split.yamlLineOffset;
    body = split.body;
    bodyLine = split.bodyLine;
  }

  // Fast path: js-yaml (YAML 1.2 core schema, so dates stay strings) and the schema. Most files are valid;
  // only a failing one is read again with \`yaml\`, which knows where every key is.
  const fast = parseQuickly(yamlText);
  if (fast.ok) {
    const quick = spec.schema.safeParse(fast.value);
    if (quick.success) {
      const data = quick.data as RecordOf<C>;
      if (file.split(/[\\/]/).at(-1) === `${data.id}${spec.extension}`) return { ok: true, record: { data, body, bodyLine } };
    }
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, problems: yamlSyntaxProblems(doc, lineCounter, file, lineOffset) };

  const result = spec.schema.safeParse(doc.toJS());
  if (!result.success) {
    return { ok: false, problems: problemsFromZod(result.error, file, doc, lineCounter, lineOffset) };
  }

  const data = result.data as RecordOf<C>;
  const expectedName = `${data.id}${spec.extension}`;
  const baseName = file.split(/[\\/]/).at(-1);
  if (baseName !== expectedName) {
    const { offset } = locate(doc, ['id']);
    const { line, col } = lineCounter.linePos(offset);
    return problem(line + lineOffset, col, 'id', `"${data.id}" does not match the file name "${baseName}"`, `rename the file to "${expectedName}" or correct the id`, 'id-matches-file');
  }
  return { ok: true, record: { data, body, bodyLine } };
}

/**
 * parseContentFile for content that is almost always in canonical form, as
 * content:check reads it. The YAML is read with readQuickYaml, and that reading
 * is kept only when the validated record, written back canonically, gives the
 * file's text byte for byte: that proves the reading right (the canonical text
 * of a record reads back as that record) and the file canonical at once, for
 * the price of the canonical-format check alone. Any other file is parsed by
 * parseContentFile, and `canonical` is then false (not proven; it may still be).
 */
export function parseCanonicalFile<C extends CollectionName>(collection: C, file: string, text: string): { result: ParseResult<C>; canonical: boolean } {
  const spec = collections[collection];
  const split = spec.extension === '.md' ? splitFrontMatter(text) : { yaml: text, body: '', bodyLine: 0 };
  const value = split && readQuickYaml(split.yaml);
  const valid = value && spec.schema.safeParse(value);
  if (split && valid && valid.success) {
    const data = valid.data as RecordOf<C>;
    if (file.split(/[\\/]/).at(-1) === `${data.id}${spec.extension}` && serializeParsedRecord(collection, data, split.body) === text) {
      return { result: { ok: true, record: { data, body: split.body, bodyLine: split.bodyLine } }, canonical: true };
    }
  }
  return { result: parseContentFile(collection, file, text), canonical: false };
}
