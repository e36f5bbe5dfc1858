/** A worker thread of content:check: reads, hashes and judges the batches it is sent (see judgeBatch). */
import { parentPort } from 'node:worker_threads';
import { openCheckCacheReader, type CheckCacheReader } from './check-cache.ts';
import { judgeBatch, type JudgeBatch } from './content-rules.ts';

/** The cache, read-only: the main thread writes the new verdicts. */
let cache: CheckCacheReader | undefined;

parentPort!.on('message', (batch: JudgeBatch) => {
  if (batch.cached) cache ??= openCheckCacheReader(batch.root);
  parentPort!.postMessage(judgeBatch(batch, cache));
});
