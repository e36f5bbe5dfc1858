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

/**
 * The language whose stemmer suits a script, from CLDR's likely subtags.
 * Memoized: the search asks it for every name of every page.
 * @example languageForScript('Deva') // "hi"
 */
export const languageForScript = memoize((script: string): string => new Intl.Locale(`und-${script}`).maximize().language);

const LETTER_PATTERNS = new Map<string, RegExp>();
/**
 * A global regex for the letters of a script (ISO 15924), for counting them in one pass.
 * Simplified and Traditional Han are both Han. An unknown script matches any letter.
 * @example 'नमस्ते'.match(letterPattern('Deva'))?.length // 4
 */
export function letterPattern(script: string): RegExp {
  const code = script === 'Hans' || script === 'Hant' ? 'Hani' : script;
  let pattern = LETTER_PATTERNS.get(code);
  if (!pattern) {
    const name = SCRIPT_NAMES[code as keyof typeof SCRIPT_NAMES];
    // A v-flag set intersection: about four times faster to match than a lookahead for the letter.
    pattern = new RegExp(name ? `[\\p{L}&&\\p{Script=${name}}]` : '\\p{L}', 'gv');
    LETTER_PATTERNS.set(code, pattern);
  }
  return pattern;
}
