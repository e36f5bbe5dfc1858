/** Running asynchronous work over many items, a bounded number at a time. */

/**
 * Runs `work` on every item, at most `concurrency` at a time, each worker
 * taking the next item as soon as it is free (file system calls and zlib run
 * on the thread pool, so many in flight keep the disk and every core busy).
 * Rejects with the first error.
 */
export async function eachConcurrently<T>(items: readonly T[], work: (item: T) => Promise<void>, concurrency = 64): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}
