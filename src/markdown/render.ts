/**
 * Renders one body of Markdown to safe HTML and its plain text. Pages call this
 * for their own record (through the body cache), so no rendered body is ever
 * held in Astro's data store.
 */
import { createHash } from 'node:crypto';
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { countWords } from '../lib/words.ts';
import { markdownOptions } from './options.ts';
import { articleSanitizeSchema } from './rehype-sanitize-article.ts';
import { remarkPlainText } from './remark-plain-text.ts';

/** A body as its page shows it and as search and the dataset read it. */
export interface RenderedBody {
  html: string;
  text: string;
  /** Words in the text, by Unicode word segmentation (UAX #29). */
  words: number;
}

/**
 * Identifies this renderer's output: cached bodies rendered under another
 * fingerprint are rendered again. Raise the revision when a plugin's behaviour
 * changes in a way the options below do not show.
 */
export const RENDERER_FINGERPRINT = createHash('sha256')
  .update(JSON.stringify({ revision: 3, gfm: markdownOptions.gfm, smartypants: markdownOptions.smartypants, sanitize: articleSanitizeSchema }))
  .digest('hex')
  .slice(0, 16);

let renderer: Promise<MarkdownRenderer> | undefined;

/** Renders Markdown to HTML and plain text through the shared remark/rehype pipeline (created once per process). */
export async function renderBody(markdown: string): Promise<RenderedBody> {
  renderer ??= createMarkdownProcessor({ ...markdownOptions, remarkPlugins: [...markdownOptions.remarkPlugins, remarkPlainText], syntaxHighlight: false });
  const { code, metadata } = await (await renderer).render(markdown, { frontmatter: {} });
  const text = String(metadata.frontmatter.plainText ?? '');
  return { html: code, text, words: countWords(text, 'und') };
}

/** Renders Markdown to HTML through the shared remark/rehype pipeline. */
export async function renderMarkdown(markdown: string): Promise<string> {
  return (await renderBody(markdown)).html;
}
