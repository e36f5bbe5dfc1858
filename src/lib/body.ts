/** Reads a record's Markdown body from its file and gives its rendered HTML, at page-build time. */
import { readFile } from 'node:fs/promises';
import { renderBody, RENDERER_FINGERPRINT } from '../markdown/render.ts';
import { splitFrontMatter } from '../schema/parse.ts';
import { BODY_CACHE_FILE, openBodyCache, type BodyCache } from './body-cache.ts';
import { bodyKey } from './body-key.ts';

let cache: BodyCache | undefined;

/**
 * The rendered HTML of the body of the Markdown file at `file` (relative to the
 * project root): from the body cache that `npm run build` fills first, or
 * rendered here when it is not there (as under `astro dev`).
 */
export async function renderBodyOf(file: string): Promise<string> {
  const markdown = splitFrontMatter(await readFile(file, 'utf8'))?.body ?? '';
  cache ??= openBodyCache(BODY_CACHE_FILE, RENDERER_FINGERPRINT, 'read');
  return (cache.get(bodyKey(markdown)) ?? (await renderBody(markdown))).html;
}
