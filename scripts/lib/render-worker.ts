/**
 * A worker thread of scripts/render-bodies.ts: reads the content files of each
 * batch it is sent, and renders each body the cache lacks (the cache is read
 * here, and written by the main thread).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { BODY_CACHE_FILE, openBodyCache, type BodyCache } from '../../src/lib/body-cache.ts';
import { bodyKey } from '../../src/lib/body-key.ts';
import { renderBody, RENDERER_FINGERPRINT, type RenderedBody } from '../../src/markdown/render.ts';
import { splitFrontMatter } from '../../src/schema/parse.ts';

/** Some content files whose bodies a worker reads, and renders where the cache lacks them. */
export interface RenderBatch {
  root: string;
  files: string[];
}
/** What a worker found: the key of every body it read (in the order of the batch's files), and the bodies it rendered. */
export interface RenderedBatch {
  files: string[];
  keys: string[];
  rendered: [key: string, body: RenderedBody][];
}

let cache: BodyCache | undefined;

parentPort!.on('message', async ({ root, files }: RenderBatch) => {
  cache ??= openBodyCache(join(root, BODY_CACHE_FILE), RENDERER_FINGERPRINT, 'read');
  const answer: RenderedBatch = { files, keys: [], rendered: [] };
  const renderedKeys = new Set<string>();
  for (const file of files) {
    const markdown = splitFrontMatter(readFileSync(join(root, file), 'utf8'))?.body ?? '';
    const key = bodyKey(markdown);
    answer.keys.push(key);
    if (cache.has(key) || renderedKeys.has(key)) continue;
    renderedKeys.add(key);
    answer.rendered.push([key, await renderBody(markdown)]);
  }
  parentPort!.postMessage(answer);
});
