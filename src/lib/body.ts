/** Reads a record's Markdown body from its file and gives it rendered, at page-build time. */
import { readFile } from 'node:fs/promises';
import { renderBody, RENDERER_FINGERPRINT, type RenderedBody } from '../markdown/render.ts';
import { splitFrontMatter } from '../schema/parse.ts';
import { BODY_CACHE_FILE, openBodyCache, type BodyCache } from './body-cache.ts';
import { bodyKey } from './body-key.ts';

let cache: BodyCache | undefined;

/**
 * The body of the Markdown file at `file` (relative to the project root), as
 * HTML and plain text: from the body cache that `npm run build` fills first, or
 * rendered here when it is not there (as under `astro dev`).
 */
export async function renderBodyOf(file: string): Promise<RenderedBody> {
  const markdown = splitFrontMatter(await readFile(file, 'utf8'))?.body ?? '';
  cache ??= openBodyCache(BODY_CACHE_FILE, RENDERER_FINGERPRINT, 'read');
  return cache.get(bodyKey(markdown)) ?? (await renderBody(markdown));
}
