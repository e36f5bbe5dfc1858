/** A worker thread of content:check: judges the batches of files it is sent (see judgeFiles). */
import { parentPort } from 'node:worker_threads';
import { judgeFiles, type ContentFile } from './content-rules.ts';

parentPort!.on('message', async ({ root, files }: { root: string; files: ContentFile[] }) => {
  parentPort!.postMessage(await judgeFiles(root, files));
});
