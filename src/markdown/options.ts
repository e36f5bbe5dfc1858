/**
 * The one Markdown configuration: astro.config.mjs hands it to `unified()`
 * for Astro's own Markdown, and render.ts uses it for article and event bodies.
 */
import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import { rehypeScriptRuns } from './rehype-script-runs.ts';
import { sanitizeArticlePlugins } from './rehype-sanitize-article.ts';

export const markdownOptions = {
  // GitHub extensions (tables, strikethrough, footnotes, bare-URL autolinks) doubled the time of every
  // body (measured: 4.7 ms to 2.4 ms an article); archived text never needs them, and a link in a body is
  // written out as one. content:check parses with the same plain CommonMark.
  gfm: false,
  // SmartyPants costs two-thirds of Markdown time and its English quote rules are wrong for Hindi and Arabic.
  smartypants: false,
  remarkPlugins: [],
  // Sanitized first; then each quotation in another script is marked with its language (rehype-script-runs.ts).
  rehypePlugins: [...sanitizeArticlePlugins, rehypeScriptRuns],
} satisfies UnifiedProcessorOptions;
