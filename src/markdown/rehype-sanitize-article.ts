/**
 * Makes untrusted article Markdown safe: parses any raw HTML first (so nothing
 * slips past as an unparsed string), then keeps only GitHub's safe subset plus
 * the language attributes our bodies need (`lang`, `dir` on text containers).
 * Scripts, event handlers, iframes, `javascript:` URLs and styles are dropped.
 */
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import type { Schema } from 'hast-util-sanitize';
import type { RehypePlugins } from '@astrojs/markdown-remark';

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

/** rehype plugins, in order, that turn untrusted HTML in Markdown into safe HTML. */
export const sanitizeArticlePlugins: RehypePlugins = [rehypeRaw, [rehypeSanitize, articleSanitizeSchema]];
