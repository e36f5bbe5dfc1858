/**
 * Serialises records exactly as the archive keeps them: with the project's
 * canonical YAML writer (src/schema/serialize.ts, the `yaml` package's
 * stringify), which content:check compares every file against. Records are
 * built with their keys already in schema order, so they skip the schema
 * parse that serializeRecord does (content:check confirms the result).
 */
import type { RecordOf } from '../../../src/schema/index.ts';
import { serializeYaml } from '../../../src/schema/serialize.ts';

/** The canonical YAML text of a source or entity record. */
export function yamlText(data: RecordOf<'sources'> | RecordOf<'entities'>): string {
  return serializeYaml(data);
}

/** The canonical Markdown text of an article or event: front matter, a blank line, then the paragraphs. */
export function markdownText(data: RecordOf<'articles'> | RecordOf<'events'>, paragraphs: readonly string[]): string {
  return `---\n${serializeYaml(data)}---\n\n${paragraphs.join('\n\n')}\n`;
}
