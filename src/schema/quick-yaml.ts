/**
 * The text that `yaml`'s stringify gives (with lineWidth 0: lines never folded)
 * for the data content records are made of, written directly; `undefined` for
 * anything outside that subset, which the caller then hands to the library.
 *
 * Why: content:check serializes every file to check that it is in canonical
 * form, and the library builds a document tree first, about 190 µs a front
 * matter: at 100,000 articles that was 28% of the check's time. The subset is
 * block maps with simple keys, block sequences, empty collections, integers,
 * booleans, null and one-line strings (plain, or quoted where the library
 * quotes them); fractions, multi-line text and control characters are left to
 * the library. `quick-yaml.test.ts` compares the two on generated data.
 */
import { Schema, type ScalarTag } from 'yaml';

/**
 * The core schema's tags other than strings, as one pattern: a plain string it
 * matches (42, true, null, 0x1F, .inf…) would be read back as another type, so
 * it is quoted. Each tag's test is anchored at both ends and has no flags, so
 * the alternation matches exactly what one of them would.
 */
const OTHER_TYPE = new RegExp(
  new Schema({ schema: 'core' }).tags
    .filter((tag): tag is ScalarTag & { test: RegExp } => Boolean(tag.default && tag.tag !== 'tag:yaml.org,2002:str' && 'test' in tag && tag.test))
    .map((tag) => `(?:${tag.test.source})`)
    .join('|'),
);
/** What cannot start or be in a plain scalar (the library's own rule, in plainString). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** Line breaks, control characters, C1 controls, lone surrogates, document markers: left to the library. */
const UNTAUGHT = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u{D800}-\u{DFFF}]|^(?:---|\.\.\.)/u;
const SIMPLE_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
const isNonEmptyCollection = (value: unknown) => (Array.isArray(value) && value.length > 0) || (isMap(value) && Object.keys(value).length > 0);
/** Keys already found simple and not of another type: the schema's few dozen keys, which repeat in every file. */
const plainKeys = new Set<string>();
function isPlainKey(key: string): boolean {
  if (plainKeys.has(key)) return true;
  if (!SIMPLE_KEY.test(key) || OTHER_TYPE.test(key)) return false;
  plainKeys.add(key);
  return true;
}

/** A one-line string as the library writes it as a value: plain where it can be, else quoted. */
function scalarString(value: string): string | undefined {
  if (UNTAUGHT.test(value)) return undefined;
  if (!NOT_PLAIN.test(value) && !OTHER_TYPE.test(value)) return value;
  const hasDouble = value.includes('"');
  // Single quotes only for a text with double quotes and no single ones; JSON's escaping is YAML's for this subset.
  return hasDouble && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
}

/** A value written on its key's or dash's line: a scalar, or an empty collection in flow style. */
function scalar(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (isMap(value)) return Object.keys(value).length === 0 ? '{}' : undefined;
  if (typeof value === 'string') return scalarString(value);
  if (typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  return undefined;
}

/**
 * Lines of a block collection at `indent`. `lead` is written before the first
 * line instead of the indent (a sequence item's "- "), so a map that is an
 * item starts on the dash's line.
 */
function block(value: unknown, indent: string, lead: string, out: string[]): boolean {
  if (Array.isArray(value)) {
    let first = true;
    for (const item of value) {
      const dash = `${first ? lead : indent}- `;
      first = false;
      if (isNonEmptyCollection(item)) {
        if (!block(item, `${indent}  `, dash, out)) return false;
      } else {
        const text = scalar(item);
        if (text === undefined) return false;
        out.push(`${dash}${text}`);
      }
    }
    return true;
  }
  if (!isMap(value)) return false;
  let first = true;
  for (const key of Object.keys(value)) {
    if (!isPlainKey(key)) return false;
    const item = value[key];
    const start = `${first ? lead : indent}${key}:`;
    first = false;
    if (isNonEmptyCollection(item)) {
      out.push(start);
      // Maps and sequences in a map are both indented by two (for sequences, the library's indentSeq).
      if (!block(item, `${indent}  `, `${indent}  `, out)) return false;
    } else {
      const text = scalar(item);
      if (text === undefined) return false;
      out.push(`${start} ${text}`);
    }
  }
  return true;
}

/** The library's YAML for a record (a map), or undefined when it holds something outside the subset. */
export function quickYaml(data: unknown): string | undefined {
  const lines: string[] = [];
  return isMap(data) && isNonEmptyCollection(data) && block(data, '', '', lines) ? `${lines.join('\n')}\n` : undefined;
}

/** Returned by the reader's parts when the text is outside the subset. */
const OUTSIDE = Symbol('outside the subset');
type Read<T> = T | typeof OUTSIDE;
/** A collection's end, for columnOf. */
const END = -1;
/** A sequence item or a map entry whose text begins with a key: no plain scalar holds ": " or ends with ":". */
const ENTRY = /^[A-Za-z][A-Za-z0-9_]*:(?: |$)/;

/** Leading spaces of a line. */
function indentOf(line: string): number {
  let spaces = 0;
  while (line.charCodeAt(spaces) === 32) spaces++;
  return spaces;
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8
 * makes a substring of 13 characters or more (slice, split) a view of its
 * parent, so a value cut from an article file would keep the whole file, body
 * and all, alive for as long as its record: measured in the site's heap at
 * 10,000 articles, 3,883 whole files held by their front matter's values; at
 * 100,000 articles, half the site's live heap (2.2 GB, now 1.1). Concatenating
 * makes a new string, which slicing then flattens into a copy; shorter
 * substrings are copies already.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** A scalar as quickYaml writes it: empty collections, quoted and plain strings, integers, booleans and null. */
function readScalar(text: string): Read<unknown> {
  if (text === '[]') return [];
  if (text === '{}') return {};
  const first = text.charCodeAt(0);
  if (first === 34 /* " */) {
    try {
      // JSON's escapes mean the same in YAML's double-quoted style.
      return JSON.parse(text) as unknown;
    } catch {
      return OUTSIDE;
    }
  }
  if (first === 39 /* ' */) {
    const inner = text.slice(1, -1);
    return text.length >= 2 && text.endsWith("'") && !inner.includes("'") ? detached(inner) : OUTSIDE;
  }
  // JSON.parse above makes new strings; a plain scalar is a cut of the file.
  if (text === '' || !OTHER_TYPE.test(text)) return detached(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null') return null;
  return /^(?:0|-?[1-9][0-9]*)$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : OUTSIDE;
}

/**
 * Reads back the YAML that quickYaml writes, several times faster than a YAML
 * library; undefined for text outside that form. It is not a YAML parser: it
 * can misread YAML outside the form (a comment, say, is read as part of a
 * value), so its result must be certified, by checking that writing it again
 * gives the same text (see parseCanonicalFile), before it is trusted.
 */
export function readQuickYaml(text: string): Record<string, unknown> | undefined {
  if (!text.endsWith('\n')) return undefined;
  const lines = text.slice(0, -1).split('\n');
  let at = 0;

  /**
   * Where the collection at `indent` goes on in the current line: at `first` on
   * its first line, else at `indent`; END when a shallower line ends it, OUTSIDE
   * for a deeper one.
   */
  function columnOf(indent: number, first: number | undefined): number | typeof OUTSIDE {
    if (first !== undefined) return first;
    const spaces = indentOf(lines[at]!);
    return spaces < indent ? END : spaces > indent ? OUTSIDE : indent;
  }

  /** A map whose keys are at `indent`; its first key may start further in (after a sequence's "- "). */
  function map(indent: number, firstColumn: number): Read<Record<string, unknown>> {
    const result: Record<string, unknown> = {};
    for (let first: number | undefined = firstColumn; at < lines.length; first = undefined) {
      const column = columnOf(indent, first);
      if (column === END) break;
      if (column === OUTSIDE) return OUTSIDE;
      const line = lines[at]!;
      const colon = line.indexOf(':', column);
      if (colon < 0) return OUTSIDE;
      const key = line.slice(column, colon);
      if (!isPlainKey(key) || Object.hasOwn(result, key)) return OUTSIDE;
      at++;
      let value: Read<unknown>;
      if (colon === line.length - 1) value = block(indent + 2);
      else value = line.charCodeAt(colon + 1) === 32 ? readScalar(line.slice(colon + 2)) : OUTSIDE;
      if (value === OUTSIDE) return OUTSIDE;
      result[key] = value;
    }
    return result;
  }

  /** A sequence whose dashes are at `indent`; its first dash may be further in (after an outer sequence's "- "). */
  function sequence(indent: number, firstColumn: number): Read<unknown[]> {
    const result: unknown[] = [];
    for (let first: number | undefined = firstColumn; at < lines.length; first = undefined) {
      const column = columnOf(indent, first);
      if (column === END) break;
      if (column === OUTSIDE) return OUTSIDE;
      const line = lines[at]!;
      if (!line.startsWith('- ', column)) return OUTSIDE;
      const rest = line.slice(column + 2);
      let item: Read<unknown>;
      // An item that is a collection starts on the dash's line, its lines then indented by two.
      if (ENTRY.test(rest)) item = map(indent + 2, column + 2);
      else if (rest.startsWith('- ')) item = sequence(indent + 2, column + 2);
      else {
        at++;
        item = readScalar(rest);
      }
      if (item === OUTSIDE) return OUTSIDE;
      result.push(item);
    }
    return result;
  }

  /** The nested collection of a key written alone on its line: a map or a sequence, at `indent`. */
  function block(indent: number): Read<unknown> {
    const line = lines[at];
    if (line === undefined || indentOf(line) !== indent) return OUTSIDE;
    return line.startsWith('- ', indent) ? sequence(indent, indent) : map(indent, indent);
  }

  const result = map(0, 0);
  return result === OUTSIDE || at < lines.length || Object.keys(result).length === 0 ? undefined : result;
}
