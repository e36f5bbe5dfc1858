/**
 * Makes untrusted article Markdown safe: parses any raw HTML first (so nothing
 * slips past as an unparsed string), then keeps only GitHub's safe subset plus
 * the language attributes our bodies need (`lang`, `dir` on text containers).
 * Scripts, event handlers, iframes, `javascript:` URLs and styles are dropped.
 */
import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import type { Schema } from 'hast-util-sanitize';
import type { RehypePlugins } from '@astrojs/markdown-remark';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const LANGUAGE_ATTRIBUTES: NonNullable<Schema['attributes']>[string] = ['lang', ['dir', 'ltr', 'rtl', 'auto']];
const TEXT_CONTAINERS = ['p', 'span', 'blockquote', 'figure', 'figcaption', 'q', 'cite', 'h2', 'h3', 'h4', 'li'];

/** The sanitizer's allow-list: GitHub's defaults plus language attributes, without images. */
export const articleSanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => tag !== 'img'), 'figure', 'figcaption'],
  attributes: {
    ...defaultSchema.attributes,
    ...Object.fromEntries(
      TEXT_CONTAINERS.map((tag) => [tag, [...(defaultSchema.attributes?.[tag] ?? []), ...LANGUAGE_ATTRIBUTES]]),
    ),
  },
};

/**
 * rehype-raw for a tree that holds raw HTML, and nothing for one that holds
 * none (most bodies): re-parsing a whole body through parse5 is about a tenth
 * of its rendering, and Astro's pipeline does it once more after the sanitizer.
 */
function rehypeRawWhereNeeded() {
  const parseRaw = rehypeRaw();
  return (tree: Root, file: VFile) => {
    let hasRaw = false;
    visit(tree, 'raw', () => {
      hasRaw = true;
      return EXIT;
    });
    return hasRaw ? parseRaw(tree, file) : tree;
  };
}

/** rehype plugins, in order, that turn untrusted HTML in Markdown into safe HTML. */
export const sanitizeArticlePlugins: RehypePlugins = [rehypeRawWhereNeeded, [rehypeSanitize, articleSanitizeSchema]];
