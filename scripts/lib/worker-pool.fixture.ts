/** A worker for worker-pool.test.ts: answers a batch of numbers with their sum and its own thread id, after a short wait. */
import { parentPort, threadId } from 'node:worker_threads';

parentPort!.on('message', (batch: number[]) => {
  setTimeout(() => parentPort!.postMessage({ sum: batch.reduce((a, b) => a + b, 0), threadId }), 5);
});
