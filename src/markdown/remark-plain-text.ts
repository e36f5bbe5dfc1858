/**
 * Records the plain text of a body while it is rendered, so that search and the
 * dataset read the text a reader reads without parsing the Markdown a second
 * time. The text goes where Astro's Markdown pipeline lets plugins hand data
 * back: `file.data.astro.frontmatter` (here `plainText`).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { toString } from 'mdast-util-to-string';

/**
 * The text of a Markdown tree: blocks separated by blank lines, raw HTML reduced to its text.
 * @example plainTextOf(parse('## Head\n\nSome *text*.')) // "Head\n\nSome text."
 */
export function plainTextOf(tree: Root): string {
  return tree.children
    .map((node) => (node.type === 'html' ? node.value.replace(/<[^>]*>/g, '') : toString(node)).trim())
    .filter(Boolean)
    .join('\n\n');
}

/** The remark plugin: stores the body's plain text in `file.data.astro.frontmatter.plainText`. */
export function remarkPlainText() {
  return (tree: Root, file: VFile) => {
    const astro = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
    (astro.frontmatter ??= {}).plainText = plainTextOf(tree);
  };
}
