/**
 * The one Markdown configuration: astro.config.mjs hands it to `unified()`
 * for Astro's own Markdown, and render.ts uses it for article and event bodies.
 */
import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import { sanitizeArticlePlugins } from './rehype-sanitize-article.ts';

export const markdownOptions = {
  gfm: true,
  // SmartyPants costs two-thirds of Markdown time and its English quote rules are wrong for Hindi and Arabic.
  smartypants: false,
  remarkPlugins: [],
  rehypePlugins: sanitizeArticlePlugins,
} satisfies UnifiedProcessorOptions;
