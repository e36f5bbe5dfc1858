/** Serves dist/ on a free loopback port for the site tests, with the server `npm run preview` uses. */
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { DIST } from './dist.ts';

export type { StaticServer };

/** Starts a static server over a built site (dist/ by default) on 127.0.0.1 and returns its origin. */
export const serveDist = (dir: string = DIST): Promise<StaticServer> => serveStatic(dir);
