/**
 * A text cut into its own stretches and the stretches it quotes in another
 * script, each of those with the language and direction to mark it with: shared
 * by the English texts of the pages (src/components/MixedText.astro) and the
 * bodies (src/markdown/rehype-script-runs.ts).
 */
import { textDirection } from './languages.ts';
import type { LangText } from './names.ts';
import { scriptRuns } from './scripts.ts';

/**
 * `text`, written in `ownScript`, as plain strings and quoted stretches; `languageOf` names a quoted script's
 * language, or leaves it unmarked (undefined).
 * @example quotedRuns('The word "المناطق"', 'Latn', () => 'ar') // ['The word "', { text: 'المناطق', lang: 'ar', dir: 'rtl' }, '"']
 */
export function quotedRuns(text: string, ownScript: string, languageOf: (script: string) => string | undefined): (string | LangText)[] {
  return scriptRuns(text, ownScript).map((run) => {
    const lang = run.script && languageOf(run.script);
    return lang ? { text: run.text, lang, dir: textDirection(lang) } : run.text;
  });
}
