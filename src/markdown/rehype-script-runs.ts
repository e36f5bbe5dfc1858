/**
 * Marks each stretch of a body written in another script than the body's own
 * (an Arabic phrase quoted in an English event summary, an Arabic name in a
 * Hindi article) as a span with its language and direction. A body is rendered
 * without knowing its record's language (the body cache is keyed by the
 * Markdown alone), so its own script is the one most of its letters are in,
 * and within an element that says its language, that language's. Latin-script
 * stretches are left alone: names and figures in Latin letters are common in
 * Hindi and Arabic text, and the content marks an English caption itself.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { likelyScript } from '../lib/languages.ts';
import { quotedRuns } from '../lib/quoted-runs.ts';
import { languageForScript, letterCounts } from '../lib/scripts.ts';

/** The scripts a body may quote that are marked, and the letters foreign to a text in each script. */
const MARKED = ['Arab', 'Deva'] as const;
const FOREIGN_LETTERS: Record<string, RegExp> = {
  Latn: /[\p{Script=Arabic}\p{Script=Devanagari}]/u,
  Arab: /\p{Script=Devanagari}/u,
  Deva: /\p{Script=Arabic}/u,
};

/** The language a quoted stretch is marked with: Arabic and Devanagari ones only. */
const marked = (script: string) => ((MARKED as readonly string[]).includes(script) ? languageForScript(script) : undefined);

/** The script most of a text's letters are in, of Latin, Arabic and Devanagari. */
function mainScript(text: string): string {
  const counts = (['Latn', ...MARKED] as const).map((script) => [script, letterCounts(text, script).inScript] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** The children of `parent` with every foreign stretch of their text in a span of its own. */
function markRuns(parent: Root | Element, ownScript: string): void {
  parent.children = parent.children.flatMap((child): ElementContent[] => {
    if (child.type === 'element') {
      if (child.tagName !== 'code' && child.tagName !== 'pre') {
        const lang = child.properties.lang;
        markRuns(child, typeof lang === 'string' ? likelyScript(lang) : ownScript);
      }
      return [child];
    }
    // A text with no letter foreign to its script (most of them) is passed over after one test. (A sanitized
    // body holds no doctype: every other child is element content.)
    if (child.type !== 'text' || !FOREIGN_LETTERS[ownScript]?.test(child.value)) return [child as ElementContent];
    return quotedRuns(child.value, ownScript, marked).map((run): ElementContent => (typeof run === 'string'
      ? { type: 'text', value: run }
      : { type: 'element', tagName: 'span', properties: { lang: run.lang, dir: run.dir }, children: [{ type: 'text', value: run.text }] }));
  });
}

/** The rehype plugin (after the sanitizer: the spans it adds are its own). */
export function rehypeScriptRuns() {
  return (tree: Root) => markRuns(tree, mainScript(toText(tree)));
}
