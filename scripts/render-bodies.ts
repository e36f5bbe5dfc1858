/**
 * Renders every article and event body that the body cache lacks (see
 * src/lib/body-cache.ts), in worker threads, one per CPU, which read the
 * content files themselves; the main thread stores what they render. The
 * site, the search index and the exports then read each body from the cache.
 * A cold build renders everything; a rebuild renders only the bodies that
 * changed, and reads only the files whose stamp (size, modification time and
 * inode: src/lib/file-stamps.ts) changed since they were last read: the cache
 * keeps each file's body key. At 100,000 articles reading and hashing every
 * file was most of the 19 s this stage took in a rebuild, which every other
 * stage waits for.
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BODY_CACHE_FILE, openBodyCache, type FileRead } from '../src/lib/body-cache.ts';
import { listCollectionFiles } from '../src/lib/content-files.ts';
import { fileStamps } from '../src/lib/file-stamps.ts';
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
const stamps = await fileStamps(root, files);
// The keys of the bodies in use: those of the files unchanged since they were last read (whose bodies are
// cached), and those the workers read now.
const used = new Set<string>();
const lastRead = cache.readFiles();
const toRead = files.filter((file) => {
  const read = lastRead.get(file);
  if (!read || read.stamp !== stamps.get(file) || !cache.has(read.key)) return true;
  used.add(read.key);
  return false;
});
const batches: RenderBatch[] = [];
for (let i = 0; i < toRead.length; i += BATCH) batches.push({ root, files: toRead.slice(i, i + BATCH) });
// The workers read the files too, so that reading and hashing 100,000 of them is shared out as well.
const rendered = new Set<string>();
const readNow: [string, FileRead][] = [];
await inWorkers(new URL('./lib/render-worker.ts', import.meta.url), batches, workers, (answer: RenderedBatch) => {
  answer.files.forEach((file, i) => readNow.push([file, { stamp: stamps.get(file)!, key: answer.keys[i]! }]));
  for (const key of answer.keys) used.add(key);
  for (const [key] of answer.rendered) rendered.add(key);
  cache.put(answer.rendered);
});
cache.putReadFiles(readNow, [...lastRead.keys()].filter((file) => !stamps.has(file)));
const pruned = cache.prune(used);
cache.close();
console.log(
  `bodies: ${used.size} bodies, ${rendered.size} rendered (${Math.min(workers, batches.length)} workers), ` +
    `${used.size - rendered.size} from the cache, ${pruned} pruned; ${toRead.length} of ${files.length} files read, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
