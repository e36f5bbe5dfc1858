/** Worker-thread entry of the benchmark generator: writes the article range it is given (see write.ts). */
import { workerData } from 'node:worker_threads';
import { writeArticles, type ArticleJob } from './write.ts';

await writeArticles(workerData as ArticleJob);
