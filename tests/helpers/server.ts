/** Serves dist/ on a free loopback port for browser tests. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { DIST } from './dist.ts';

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

/** Starts a static server over a built site (dist/ by default) on 127.0.0.1 and returns its origin. */
export async function serveDist(dir: string = DIST): Promise<StaticServer> {
  const serve = sirv(dir, { dev: false, etag: false, extensions: ['html'] });
  const server: Server = createServer((req, res) => serve(req, res, () => {
    res.statusCode = 404;
    res.end('not found');
  }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
