/**
 * Serves a built site as a static host does: `npm run preview`, the site tests
 * and the benchmark all read dist/ through this one server.
 *
 * Why not `astro preview`: with `trailingSlash: 'always'` it answers 404 for
 * every path that has neither an extension nor a trailing slash, so the
 * dataset's SHA256SUMS, linked from the /data/ page, could not be previewed.
 * Files are served by sirv (the static middleware Vite's own preview uses),
 * read from disk on each request: listing a 100,000-article site up front
 * would take longer than previewing it.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

/**
 * Types for the dataset's files that sirv leaves without one, or without a
 * charset: its text files (SHA256SUMS, CITATION.cff, the tables), whose text is
 * in many scripts, and its database and Parquet files (IANA's registered types).
 */
const DATASET_TYPES: Readonly<Record<string, string>> = {
  '': 'text/plain; charset=utf-8',
  '.cff': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.sqlite': 'application/vnd.sqlite3',
  '.parquet': 'application/vnd.apache.parquet',
};

/** Starts serving `dir` on `host`:`port` (by default a free loopback port) and returns its origin. */
export async function serveStatic(dir: string, { port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const serveFile = sirv(root, { dev: true, etag: true, extensions: ['html'] });
  /** What `pathname` names under the root: a file, a folder, or nothing (also for a path that leaves the root). */
  const kindOf = (pathname: string) => {
    const path = join(root, pathname.replace(/\/+$/, ''));
    if (path !== root && !path.startsWith(root + sep)) return undefined;
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats?.isFile() ? 'file' : stats?.isDirectory() ? 'folder' : undefined;
  };
  const notFound = async (res: ServerResponse) => {
    res.statusCode = 404;
    const page = await readFile(join(root, '404.html')).catch(() => undefined);
    res.setHeader('Content-Type', page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
    res.end(page ?? 'Not found\n');
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname = url.pathname;
    try {
      pathname = decodeURIComponent(pathname);
    } catch {
      // A malformed escape: looked up as written, and not found.
    }
    const kind = kindOf(pathname);
    // A folder asked for without its slash: redirected, as static hosts do, so that relative links resolve.
    if (kind === 'folder' && !pathname.endsWith('/')) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      res.end();
      return;
    }
    // A file asked for as a folder: sirv would serve it; a static host does not.
    if (kind === 'file' && pathname.endsWith('/')) return void notFound(res);
    const type = kind === 'file' ? DATASET_TYPES[extname(pathname)] : undefined;
    if (type) res.setHeader('Content-Type', type);
    serveFile(req, res, () => void notFound(res));
  };
  const server = createServer(handle);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    origin,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
