/** Which writing system (ISO 15924) a text is in, from Unicode's script property. */
import { memoize } from './memoize.ts';

const SCRIPTS = ['Latn', 'Arab', 'Deva', 'Cyrl', 'Grek', 'Hebr', 'Beng', 'Guru', 'Gujr', 'Taml', 'Telu', 'Knda', 'Mlym', 'Sinh', 'Thai', 'Hani', 'Hang', 'Hira', 'Kana', 'Ethi', 'Geor', 'Armn'] as const;
const SCRIPT_NAMES: Record<(typeof SCRIPTS)[number], string> = {
  Latn: 'Latin', Arab: 'Arabic', Deva: 'Devanagari', Cyrl: 'Cyrillic', Grek: 'Greek', Hebr: 'Hebrew', Beng: 'Bengali',
  Guru: 'Gurmukhi', Gujr: 'Gujarati', Taml: 'Tamil', Telu: 'Telugu', Knda: 'Kannada', Mlym: 'Malayalam', Sinh: 'Sinhala',
  Thai: 'Thai', Hani: 'Han', Hang: 'Hangul', Hira: 'Hiragana', Kana: 'Katakana', Ethi: 'Ethiopic', Geor: 'Georgian', Armn: 'Armenian',
};
const PATTERNS = SCRIPTS.map((code) => [code, new RegExp(`\\p{Script=${SCRIPT_NAMES[code]}}`, 'u')] as const);

/**
 * The scripts a text uses, in order of first appearance (letters only).
 * @example scriptsOf('Putin और لوكاشينكو') // ['Latn', 'Deva', 'Arab']
 */
export function scriptsOf(text: string): string[] {
  const found = new Set<string>();
  for (const char of text) {
    const script = scriptOfLetter(char);
    if (script) found.add(script);
  }
  return [...found];
}

/** The script of one character when it is a letter or mark of a script listed here. */
function scriptOfLetter(char: string): string | undefined {
  if (!/\p{L}|\p{M}/u.test(char)) return undefined;
  return PATTERNS.find(([, pattern]) => pattern.test(char))?.[0];
}

/** The main script of a text: the first one it uses, or "Zyyy" (common) when it has no letters. */
export function scriptOf(text: string): string {
  for (const char of text) {
    const script = scriptOfLetter(char);
    if (script) return script;
  }
  return 'Zyyy';
}

/** A stretch of a text: in the text's own script, or (with `script`) in another one. */
export interface ScriptRun {
  text: string;
  script?: string;
}

/**
 * A text written in `ownScript` cut into runs, each stretch of another script
 * set apart (from its first letter to its last), so that it can be marked with
 * its own language and direction: an Arabic phrase quoted in an English note.
 * @example scriptRuns('The word "المناطق" repeats', 'Latn') // [{ text: 'The word "' }, { text: 'المناطق', script: 'Arab' }, { text: '" repeats' }]
 */
export function scriptRuns(text: string, ownScript: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  /** The foreign run being read: its script, where it starts, and where its last letter ends. */
  let foreign: { script: string; start: number; end: number } | undefined;
  let ownStart = 0;
  const close = () => {
    if (!foreign) return;
    if (foreign.start > ownStart) runs.push({ text: text.slice(ownStart, foreign.start) });
    runs.push({ text: text.slice(foreign.start, foreign.end), script: foreign.script });
    ownStart = foreign.end;
    foreign = undefined;
  };
  let at = 0;
  for (const char of text) {
    // A mark goes with the letter it sits on (Arabic vowel marks belong to no script of their own).
    const script = foreign?.end === at && /\p{M}/u.test(char) ? foreign.script : scriptOfLetter(char);
    if (script && script !== ownScript) {
      if (foreign?.script !== script) {
        close();
        foreign = { script, start: at, end: at };
      }
      foreign.end = at + char.length;
    } else if (script) close();
    at += char.length;
  }
  close();
  if (ownStart < text.length) runs.push({ text: text.slice(ownStart) });
  return runs;
}

/**
 * The language whose stemmer suits a script, from CLDR's likely subtags.
 * Memoized: the search asks it for every name of every page.
 * @example languageForScript('Deva') // "hi"
 */
export const languageForScript = memoize((script: string): string => new Intl.Locale(`und-${script}`).maximize().language);

/** Bits of a letter table: the code unit is a letter; it is a letter of the table's script. */
const LETTER = 1;
const IN_SCRIPT = 2;

interface LetterTable {
  /** LETTER and IN_SCRIPT for each code unit of the Basic Multilingual Plane (0 for surrogates). */
  units: Uint8Array;
  /** The script's letters beyond it, matched one character at a time. */
  pattern: RegExp;
}
const LETTER_TABLES = new Map<string, LetterTable>();

/** LETTER and IN_SCRIPT for one character (a whole code point). */
const letterKind = (char: string, inScript: RegExp) => (/\p{L}/u.test(char) ? LETTER | (inScript.test(char) ? IN_SCRIPT : 0) : 0);

/** The letter table of a script (ISO 15924), filled once from the regex engine's Unicode data. */
function letterTable(script: string): LetterTable {
  let table = LETTER_TABLES.get(script);
  if (!table) {
    // Simplified and Traditional Han are both Han; an unknown script matches any letter.
    const code = script === 'Hans' || script === 'Hant' ? 'Hani' : script;
    const name = SCRIPT_NAMES[code as keyof typeof SCRIPT_NAMES];
    const pattern = new RegExp(name ? `\\p{Script=${name}}` : '\\p{L}', 'u');
    const units = new Uint8Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit++) if (unit < 0xd800 || unit > 0xdfff) units[unit] = letterKind(String.fromCharCode(unit), pattern);
    table = { units, pattern };
    LETTER_TABLES.set(script, table);
  }
  return table;
}

/**
 * How many letters a text has, and how many of them are in a script (ISO
 * 15924), in one pass: a table answers for each character of the Basic
 * Multilingual Plane, about six times faster than counting regex matches
 * (which made half the time of content:check's script rule).
 * @example letterCounts('नमस्ते Putin', 'Deva') // { letters: 9, inScript: 4 }
 */
export function letterCounts(text: string, script: string): { letters: number; inScript: number } {
  const { units, pattern } = letterTable(script);
  let letters = 0;
  let inScript = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let kind = units[unit]!;
    const next = text.charCodeAt(i + 1);
    // A surrogate pair: a character beyond the table, asked of the regex.
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      kind = letterKind(String.fromCodePoint(text.codePointAt(i)!), pattern);
      i++;
    }
    letters += kind & LETTER;
    inScript += (kind & IN_SCRIPT) >> 1;
  }
  return { letters, inScript };
}
