/**
 * Writing the corpus to disk with fs/promises, in bounded batches: each batch
 * is built while the previous one is being written, so memory stays flat and
 * the disk stays busy. Article ranges can run in worker threads.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { articleFiles, type ArticlePlan } from './articles.ts';
import type { EventPlan } from './events.ts';
import type { SentencePools } from './text.ts';
import type { World } from './world.ts';

/** Files built and written per batch. */
export const BATCH = 500;

/** Young-generation size of an article worker: V8's default on a large machine lets each worker grow to hundreds of MB of short-lived garbage. */
const YOUNG_GENERATION_MB = 16;

/** One file to write: its path and its text or bytes. */
export type OutputFile = readonly [path: string, data: string | Buffer];

/** Writes the files `make(i)` for i in [start, end), a batch at a time, building each batch while the previous one is written. */
export async function writeInBatches(start: number, end: number, make: (i: number) => OutputFile[]): Promise<void> {
  let pending: Promise<unknown> = Promise.resolve();
  for (let first = start; first < end; first += BATCH) {
    const files: OutputFile[] = [];
    for (let i = first; i < Math.min(end, first + BATCH); i++) files.push(...make(i));
    await pending;
    pending = Promise.all(files.map(([path, data]) => writeFile(path, data)));
  }
  await pending;
}

/** Everything needed to write articles [start, end) and their captures into `content`. */
export interface ArticleJob {
  seed: string;
  content: string;
  start: number;
  end: number;
  world: World;
  events: EventPlan[];
  plan: ArticlePlan;
  pools: SentencePools;
}

/** Writes the articles of a job and their captures. */
export function writeArticles(job: ArticleJob): Promise<void> {
  const { seed, content, plan, events, world, pools } = job;
  return writeInBatches(job.start, job.end, (i) => {
    const files = articleFiles(seed, i, plan, events, world, pools);
    return [
      [join(content, 'articles', `${files.id}.md`), files.text],
      [join(content, 'captures', files.captureName), files.capture],
    ];
  });
}

/** Runs a job in a worker thread (lib/article-worker.ts); settles when the worker exits. */
export function writeArticlesInWorker(job: ArticleJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./article-worker.ts', import.meta.url), { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`article worker for ${job.start}–${job.end} exited with code ${code}`))));
  });
}

/** Splits [0, count) into `parts` contiguous ranges of nearly equal size. */
export function splitRange(count: number, parts: number): [start: number, end: number][] {
  return Array.from({ length: parts }, (_, k) => [Math.floor((count * k) / parts), Math.floor((count * (k + 1)) / parts)]);
}
