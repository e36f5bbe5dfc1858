/** Reads a record's Markdown body from its file and renders it, at page-build time. */
import { readFile } from 'node:fs/promises';
import { renderMarkdown } from '../markdown/render.ts';
import { splitFrontMatter } from '../schema/parse.ts';

/** The rendered HTML of the body of the Markdown file at `file` (relative to the project root). */
export async function renderBodyOf(file: string): Promise<string> {
  const split = splitFrontMatter(await readFile(file, 'utf8'));
  return renderMarkdown(split?.body ?? '');
}
