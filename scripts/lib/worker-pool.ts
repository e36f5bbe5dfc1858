/**
 * Shares batches of work out to a pool of worker threads: each worker is sent
 * a batch, and the next one as soon as it answers, so that the work spreads
 * evenly; each answer is handed to `onResult` as it comes.
 */
import { Worker } from 'node:worker_threads';

export async function inWorkers<Batch, Result>(script: URL, batches: readonly Batch[], workers: number, onResult: (result: Result) => void): Promise<void> {
  const queue = [...batches];
  const pool = Array.from({ length: Math.min(workers, queue.length) }, () => new Worker(script));
  await Promise.all(
    pool.map(
      (worker) =>
        new Promise<void>((done, fail) => {
          const next = () => {
            const batch = queue.shift();
            if (batch) worker.postMessage(batch);
            else void worker.terminate().then(() => done());
          };
          worker.on('message', (result: Result) => {
            onResult(result);
            next();
          });
          worker.once('error', fail);
          next();
        }),
    ),
  );
}
