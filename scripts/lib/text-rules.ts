/**
 * Content rules about the text itself: TODOs left by content:new, raw HTML and
 * anything that could run script, link syntax, invisible and bidirectional
 * control characters, the body's script against its declared language, dates,
 * and the same text archived twice.
 */
import { createHash } from 'node:crypto';
import type { Html, Link, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { likelyScript } from '../../src/lib/languages.ts';
import { letterCounts, scriptsOf } from '../../src/lib/scripts.ts';
import type { ContentProblem } from '../../src/schema/parse.ts';
import { locateField } from '../../src/schema/parse.ts';
import type { ContentRule, FileScope } from './content-rules.ts';

const markdown = unified().use(remarkParse);


/** Raw HTML the bodies may hold: language-marked captions and spans, nothing that can carry script. */
const ALLOWED_HTML = /^<\/?(?:figure|figcaption|span)(?:\s+(?:lang="[A-Za-z0-9-]+"|dir="(?:ltr|rtl|auto)"))*\s*>$/;
/** Markup that could run script or load something, in any case and spacing. */
const SCRIPT_CAPABLE = /<\s*\/?\s*(?:script|iframe|frame|object|embed|svg|math|style|link|meta|base|form|input|button|img|video|audio|source|template)\b|\son[a-z]+\s*=|javascript\s*:|vbscript\s*:|data\s*:\s*text\/html/i;
/** Control, zero-width and bidirectional formatting characters that hide or reorder text. */
const INVISIBLE_IN_FIELDS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
/** In running text, zero-width (non-)joiners are letters' business in Devanagari and Arabic; overrides never are. */
const INVISIBLE_IN_BODY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/** Characters of a body whose scripts are counted: enough to tell its script, without reading every letter of a long text. */
const SCRIPT_SAMPLE = 400;

/**
 * Up to `length` characters of `text`, in four slices spread evenly over it.
 * @example sampleText('abcdefgh', 4) // "aceg"
 */
export function sampleText(text: string, length: number): string {
  if (text.length <= length) return text;
  const slice = Math.ceil(length / 4);
  const step = (text.length - slice) / 3;
  return [0, 1, 2, 3].map((i) => text.slice(Math.round(i * step), Math.round(i * step) + slice)).join(' ');
}

/** Texts shorter than this (normalized) are not compared: a short note may well repeat. */
const DUPLICATE_MIN_LENGTH = 200;

/**
 * The key by which the duplicate-text rule compares article texts: a hash of
 * the text with spacing and case evened out (already NFC, or the unicode rule
 * says so), so that a hundred thousand bodies are not all kept in memory;
 * null for a text too short to compare.
 */
export function textKey(body: string): string | null {
  // Only runs of spacing other than one plain space are replaced: the same text as /\s+/g → ' ', in two thirds of the time.
  const normalized = body.replace(/\s{2,}|[^\S ]/g, ' ').trim().toLowerCase();
  // Hashed as UTF-16, as the string is held: no conversion to UTF-8 first (a fifth of the key's time).
  return normalized.length < DUPLICATE_MIN_LENGTH ? null : createHash('sha256').update(normalized, 'utf16le').digest('base64');
}

/**
 * Whether a body may hold a link, or raw HTML beyond the allow-list: only such
 * a body is parsed as Markdown (the costly part) to find them. Every tag must
 * pass ALLOWED_HTML (a "<" in the text makes the match fail, so it is parsed),
 * and CommonMark links, images and definitions all have "](" or "]:".
 * @example mayHoldUnsafeMarkup('<figure lang="en"><figcaption>Minsk</figcaption></figure>') // false
 */
export function mayHoldUnsafeMarkup(body: string): boolean {
  if (body.includes('](') || body.includes(']:')) return true;
  for (const [tag] of body.matchAll(/<[^>]*>?/g)) if (!ALLOWED_HTML.test(tag.trim())) return true;
  return false;
}

const problem = (file: string, line: number, column: number, field: string, message: string, fix: string, rule: string): ContentProblem => ({ file, line, column, field, message, fix, rule });

/** Line and column of an index into a text. */
function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Every Markdown record with its body, file and the line its body starts on. */
function bodies(files: FileScope) {
  return [...files.records.articles, ...files.records.events].map((r) => ({ file: r.file, body: r.body, bodyLine: r.bodyLine, data: r.data }));
}

export const textRules: ContentRule[] = [
  {
    id: 'todo',
    scope: 'file',
    description: 'nothing is left marked TODO',
    check: (files) => {
      const problems: ContentProblem[] = [];
      for (const [file, text] of files.texts) {
        for (const match of text.matchAll(/\bTODO\b/g)) {
          const at = position(text, match.index);
          problems.push(problem(file, at.line, at.column, '', 'is still marked TODO (left undecided by content:new)', 'decide it, write the value, and remove the TODO', 'todo'));
        }
      }
      return problems;
    },
  },
  {
    id: 'no-script',
    scope: 'file',
    description: 'no raw HTML beyond the allow-list, and nothing that could run script',
    check: (files) => {
      const problems: ContentProblem[] = [];
      // Front matter is shown as text, never as HTML, but markup there is an attack on the site all the same.
      for (const [file, text] of files.texts) {
        const end = file.endsWith('.md') ? /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text)?.[0].length ?? 0 : text.length;
        for (const [index, line] of text.slice(0, end).split('\n').entries()) {
          const match = SCRIPT_CAPABLE.exec(line);
          if (match) problems.push(problem(file, index + 1, match.index + 1, /^\s*(?:- )?(\w+):/.exec(line)?.[1] ?? '', `holds markup that could run script or load content: ${match[0]}`, 'remove it; fields hold plain text', 'no-script'));
        }
      }
      for (const { file, body, bodyLine } of bodies(files)) {
        if (!mayHoldUnsafeMarkup(body)) continue;
        const ast = markdown.parse(body) as Root;
        visit(ast, 'html', (node: Html) => {
          const line = bodyLine + (node.position?.start.line ?? 1) - 1;
          const column = node.position?.start.column ?? 1;
          for (const tag of node.value.match(/<[^>]*>?/g) ?? [node.value]) {
            if (SCRIPT_CAPABLE.test(tag)) {
              problems.push(problem(file, line, column, '', `holds markup that could run script or load content: ${tag.slice(0, 60)}`, 'remove it; the text of an article never needs it (the site strips it anyway)', 'no-script'));
            } else if (!ALLOWED_HTML.test(tag.trim())) {
              problems.push(problem(file, line, column, '', `holds raw HTML that is not allowed: ${tag.slice(0, 60)}`, 'use Markdown; only <figure>, <figcaption> and <span> with lang and dir are allowed', 'no-script'));
            }
          }
        });
        visit(ast, ['link', 'image', 'definition'], (node) => {
          const url = (node as Link).url;
          const line = bodyLine + (node.position?.start.line ?? 1) - 1;
          if (/^\s*(javascript|vbscript|data)\s*:/i.test(url)) {
            problems.push(problem(file, line, node.position?.start.column ?? 1, '', `links to a ${url.split(':')[0]}: URL, which could run script`, 'link to an http(s) address, or remove the link', 'no-script'));
          } else if (!/^(https?:\/\/|mailto:|\/|#)/i.test(url) || (/^https?:/i.test(url) && !URL.canParse(url))) {
            problems.push(problem(file, line, node.position?.start.column ?? 1, '', `has a malformed or relative link: ${url}`, 'write an absolute http(s) URL, a site path starting with /, or #fragment', 'link'));
          }
        });
      }
      return problems;
    },
  },
  {
    id: 'invisible-characters',
    scope: 'file',
    description: 'no control, zero-width or bidirectional-override characters in front matter, no overrides in text',
    check: (files) => {
      const problems: ContentProblem[] = [];
      const code = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      for (const [file, text] of files.texts) {
        // Read the raw text, so that a character the schema rejects is still named.
        const split = file.endsWith('.md') ? /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text)?.[0].length ?? 0 : text.length;
        for (const match of text.slice(0, split).matchAll(new RegExp(INVISIBLE_IN_FIELDS, 'gu'))) {
          const at = position(text, match.index);
          const field = /^\s*(?:- )?([\w]+):/.exec(text.split('\n')[at.line - 1]!)?.[1] ?? '';
          problems.push(problem(file, at.line, at.column, field, `holds an invisible or direction-changing character (${code(match[0])})`, `delete the ${code(match[0])} character (it can hide text or reorder it on screen)`, 'invisible-characters'));
        }
        const inBody = INVISIBLE_IN_BODY.exec(text.slice(split));
        if (inBody) {
          const at = position(text, split + inBody.index);
          problems.push(problem(file, at.line, at.column, '', `the text holds a control or bidirectional-override character (${code(inBody[0])})`, 'delete it; mark text in another direction with <span lang dir> instead', 'invisible-characters'));
        }
      }
      return problems;
    },
  },
  {
    id: 'script-matches-language',
    scope: 'file',
    description: 'the body is written in the script of its declared language',
    check: (files) => {
      const problems: ContentProblem[] = [];
      for (const { data, file, body } of files.records.articles) {
        if (data.withdrawn || body.trim() === '') continue;
        const expected = likelyScript(data.language);
        // Letters counted over an even sample of the text, language-marked spans and captions left out
        // (most bodies have none, and are not copied for it).
        const { letters, inScript } = letterCounts(sampleText(body.includes('</') ? body.replace(/<[^>]*>[^<]*<\/[^>]*>/g, '') : body, SCRIPT_SAMPLE), expected);
        if (letters > 0 && inScript / letters < 0.5) {
          const at = locateField('articles', files.texts.get(file)!, ['language']);
          const found = scriptsOf(body).join(', ');
          problems.push(problem(file, at.line, at.column, 'language', `is "${data.language}" (${expected} script), but the text is mostly in ${found}`, 'correct the language, or check that the right text is in the file', 'script-matches-language'));
        }
      }
      return problems;
    },
  },
  {
    id: 'plausible-dates',
    scope: 'archive',
    description: 'dates are not in the future, and coverage does not precede its event by long',
    check: (archive) => {
      const problems: ContentProblem[] = [];
      const today = new Date().toISOString().slice(0, 10);
      const events = new Map(archive.records.events.map((e) => [e.data.id, e.data]));
      const future = (file: string, collection: 'articles' | 'events', path: string[], value: string) => {
        if (value.length >= 4 && value > today) {
          const at = locateField(collection, archive.textOf(file), path);
          problems.push(problem(file, at.line, at.column, path.join('.'), `is in the future (${value})`, 'check the date against the evidence in the text', 'plausible-dates'));
        }
      };
      for (const { data, file } of archive.records.articles) {
        future(file, 'articles', ['published', 'value'], data.published.value);
        future(file, 'articles', ['added'], data.added);
        for (const id of data.events) {
          const event = events.get(id);
          // An article can announce an event, but not weeks before it: then the date or the link is wrong.
          if (event && Date.parse(data.published.value.padEnd(10, '-31').slice(0, 10)) + 31 * 864e5 < Date.parse(event.date.value.padEnd(10, '-01').slice(0, 10))) {
            const at = locateField('articles', archive.textOf(file), ['published', 'value']);
            problems.push(problem(file, at.line, at.column, 'published.value', `is more than a month before its event ${id} (${event.date.value})`, 'check the publication date and the event linked', 'plausible-dates'));
          }
        }
      }
      for (const { data, file } of archive.records.events) future(file, 'events', ['date', 'value'], data.date.value);
      return problems;
    },
  },
  {
    id: 'duplicate-text',
    scope: 'archive',
    description: 'the same capture or the same text is not archived twice',
    check: (archive) => {
      const problems: ContentProblem[] = [];
      const byCapture = new Map<string, string>();
      const byText = new Map<string, string>();
      for (const { data, file, bodyLine } of archive.records.articles) {
        // One capture may hold several articles, each with its own line range.
        const captureKey = `${data.capture.sha256}:${data.capture.lines?.join('-') ?? 'all'}`;
        const sameCapture = byCapture.get(captureKey);
        if (sameCapture) {
          const at = locateField('articles', archive.textOf(file), ['capture', 'sha256']);
          problems.push(problem(file, at.line, at.column, 'capture.sha256', `archives the same capture as ${sameCapture}`, 'keep one record; if the capture holds two articles, give each its capture.lines', 'duplicate-text'));
        } else byCapture.set(captureKey, file);
        const key = archive.textKeys.get(file);
        if (!key) continue;
        const sameText = byText.get(key);
        if (sameText) problems.push(problem(file, bodyLine, 1, '', `has the same text as ${sameText}`, 'archive each text once; link the other publication in its editorial notes', 'duplicate-text'));
        else byText.set(key, file);
      }
      return problems;
    },
  },
];
