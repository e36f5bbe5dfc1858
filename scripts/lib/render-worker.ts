/** A worker thread of scripts/render-bodies.ts: renders the batches of Markdown it is sent. */
import { parentPort } from 'node:worker_threads';
import { renderBody } from '../../src/markdown/render.ts';

parentPort!.on('message', async (batch: [key: string, markdown: string][]) => {
  const rendered = [];
  for (const [key, markdown] of batch) rendered.push([key, await renderBody(markdown)] as const);
  parentPort!.postMessage(rendered);
});
