/** Plain text of a Markdown body: what a reader reads, without Markdown or HTML. */
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse);

/**
 * The text of Markdown with blocks separated by blank lines.
 * @example markdownToText('## Head\n\nSome *text*.') // "Head\n\nSome text."
 */
export function markdownToText(markdown: string): string {
  const tree = parser.parse(markdown);
  return tree.children
    .map((node) => (node.type === 'html' ? node.value.replace(/<[^>]*>/g, '') : toString(node)).trim())
    .filter(Boolean)
    .join('\n\n');
}
