/** A worker thread of content:check: judges the batches of files it is sent (see judgeFiles). */
import { parentPort } from 'node:worker_threads';
import { judgeFiles, type ContentFile } from './content-rules.ts';

parentPort!.on('message', (files: ContentFile[]) => {
  parentPort!.postMessage(judgeFiles(files));
});
