/** Plain text of a Markdown body: what a reader reads, without Markdown or HTML. */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { plainTextOf } from '../markdown/remark-plain-text.ts';

const parser = unified().use(remarkParse);

/**
 * The text of Markdown with blocks separated by blank lines (the same text the
 * renderer records, for callers that have no rendered body at hand).
 * @example markdownToText('## Head\n\nSome *text*.') // "Head\n\nSome text."
 */
export function markdownToText(markdown: string): string {
  return plainTextOf(parser.parse(markdown) as Root);
}
