/**
 * Renders every article and event body that the body cache lacks (see
 * src/lib/body-cache.ts), in worker threads, one per CPU: the site, the search
 * index and the exports then read each body from the cache. A cold build
 * renders everything; a rebuild renders only the bodies that changed.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BODY_CACHE_FILE, bodyKey, openBodyCache } from '../src/lib/body-cache.ts';
import { listCollectionFiles } from '../src/lib/content-files.ts';
import { RENDERER_FINGERPRINT, type RenderedBody } from '../src/markdown/render.ts';
import { splitFrontMatter } from '../src/schema/parse.ts';
import { inWorkers } from './lib/worker-pool.ts';

const USAGE = `Usage: node scripts/render-bodies.ts [--root DIR] [--workers N]

Renders the article and event bodies under DIR/content (default .) that
DIR/${BODY_CACHE_FILE} lacks, with N worker threads (default: one per CPU).`;

/** Bodies sent to a worker at a time: large enough to keep messages few, small enough to share the work evenly. */
const BATCH = 200;

const { values } = parseArgs({
  options: { root: { type: 'string', default: '.' }, workers: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const root = resolve(values.root);
const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
if (!Number.isSafeInteger(workers) || workers < 1) throw new Error('--workers must be a whole number of at least 1');

const started = performance.now();
const markdownByKey = new Map<string, string>();
for (const collection of ['articles', 'events'] as const) {
  for (const file of await listCollectionFiles(root, collection)) {
    const markdown = splitFrontMatter(await readFile(join(root, file), 'utf8'))?.body ?? '';
    markdownByKey.set(bodyKey(markdown), markdown);
  }
}
const cache = openBodyCache(join(root, BODY_CACHE_FILE), RENDERER_FINGERPRINT, 'write');
const pruned = cache.prune(new Set(markdownByKey.keys()));
const missing = cache.missing(markdownByKey.keys());

/** Renders `keys` in a pool of worker threads, storing each batch as it comes back. */
async function renderInWorkers(keys: string[]): Promise<void> {
  const batches: [string, string][][] = [];
  for (let i = 0; i < keys.length; i += BATCH) batches.push(keys.slice(i, i + BATCH).map((key) => [key, markdownByKey.get(key)!]));
  await inWorkers(new URL('./lib/render-worker.ts', import.meta.url), batches, workers, (rendered: [string, RenderedBody][]) => cache.put(rendered));
}

await renderInWorkers(missing);
cache.close();
console.log(
  `bodies: ${markdownByKey.size} bodies, ${missing.length} rendered (${Math.min(workers, Math.ceil(missing.length / BATCH))} workers), ` +
    `${markdownByKey.size - missing.length} from the cache, ${pruned} pruned, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
