/**
 * Shares batches of work out to a pool of worker threads: each worker holds up
 * to BATCHES_IN_HAND batches and is sent another as soon as it answers one, so
 * that the work spreads evenly and a worker never waits while the main thread
 * takes in its last answer; each answer is handed to `onResult` as it comes.
 */
import { Worker } from 'node:worker_threads';

/** Batches a worker holds at once: the one it works on, and the next, queued. */
const BATCHES_IN_HAND = 2;
/**
 * The workers' young generation, three times V8's semi-space (64 MB each, from
 * 16 MB): the workers make many short-lived strings of a whole text each, and
 * fewer of them then survive into the old generation to be collected there.
 */
const YOUNG_GENERATION_MB = 192;

export async function inWorkers<Batch, Result>(script: URL, batches: readonly Batch[], workers: number, onResult: (result: Result) => void): Promise<void> {
  const queue = [...batches];
  const pool = Array.from({ length: Math.min(workers, queue.length) }, () => ({ worker: new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }), inHand: 0 }));
  const send = (member: (typeof pool)[number]) => {
    const batch = queue.shift();
    if (batch === undefined) return;
    member.inHand++;
    member.worker.postMessage(batch);
  };
  // Dealt round by round, so that every worker starts with work.
  for (let round = 0; round < BATCHES_IN_HAND; round++) pool.forEach(send);
  await Promise.all(
    pool.map(
      (member) =>
        new Promise<void>((done, fail) => {
          member.worker.on('message', (result: Result) => {
            member.inHand--;
            send(member);
            onResult(result);
            if (member.inHand === 0) void member.worker.terminate().then(() => done());
          });
          member.worker.once('error', fail);
        }),
    ),
  );
}
