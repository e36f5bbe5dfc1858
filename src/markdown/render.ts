/**
 * Renders one body of Markdown to safe HTML. Pages call this for their own
 * record, so no rendered body is ever held in Astro's data store.
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { markdownOptions } from './options.ts';

let renderer: Promise<MarkdownRenderer> | undefined;

/** Renders Markdown to HTML through the shared remark/rehype pipeline (created once per process). */
export async function renderMarkdown(markdown: string): Promise<string> {
  renderer ??= createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
  return (await renderer).render(markdown).then((result) => result.code);
}
