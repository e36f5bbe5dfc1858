/**
 * Renders every article and event body that the body cache lacks (see
 * src/lib/body-cache.ts), in worker threads, one per CPU, which read the
 * content files themselves; the main thread stores what they render. The
 * site, the search index and the exports then read each body from the cache.
 * A cold build renders everything; a rebuild renders only the bodies that
 * changed.
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BODY_CACHE_FILE, openBodyCache } from '../src/lib/body-cache.ts';
import { listCollectionFiles } from '../src/lib/content-files.ts';
import { RENDERER_FINGERPRINT } from '../src/markdown/render.ts';
import type { RenderBatch, RenderedBatch } from './lib/render-worker.ts';
import { inWorkers } from './lib/worker-pool.ts';

const USAGE = `Usage: node scripts/render-bodies.ts [--root DIR] [--workers N]

Renders the article and event bodies under DIR/content (default .) that
DIR/${BODY_CACHE_FILE} lacks, with N worker threads (default: one per CPU).`;

/** Files sent to a worker at a time: large enough to keep messages few, small enough to share the work evenly. */
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
const files = [...(await listCollectionFiles(root, 'articles')), ...(await listCollectionFiles(root, 'events'))];
// Opened for writing first: a cache made by another renderer is emptied before the workers read it.
const cache = openBodyCache(join(root, BODY_CACHE_FILE), RENDERER_FINGERPRINT, 'write');
const batches: RenderBatch[] = [];
for (let i = 0; i < files.length; i += BATCH) batches.push({ root, files: files.slice(i, i + BATCH) });
// The workers read the files too, so that reading and hashing 100,000 of them is shared out as well.
const used = new Set<string>();
const rendered = new Set<string>();
await inWorkers(new URL('./lib/render-worker.ts', import.meta.url), batches, workers, (answer: RenderedBatch) => {
  for (const key of answer.keys) used.add(key);
  for (const [key] of answer.rendered) rendered.add(key);
  cache.put(answer.rendered);
});
const pruned = cache.prune(used);
cache.close();
console.log(
  `bodies: ${used.size} bodies, ${rendered.size} rendered (${Math.min(workers, batches.length)} workers), ` +
    `${used.size - rendered.size} from the cache, ${pruned} pruned, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
