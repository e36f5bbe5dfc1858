/** Serves the built site in dist/ (`npm run preview`), as a static host would: see lib/static-server.ts. */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serveStatic } from './lib/static-server.ts';

const USAGE = `Usage: npm run preview [-- --port N --host ADDRESS]

Serves dist/ (made by "npm run build") on http://localhost:4321/, or on the
port and address given (--host 0.0.0.0 to reach it from other machines).`;

const { values } = parseArgs({
  options: { port: { type: 'string', default: '4321' }, host: { type: 'string', default: 'localhost' }, help: { type: 'boolean', short: 'h', default: false } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`preview: --port ${values.port} is not a port number (0 to 65535).\n\n${USAGE}`);
  process.exit(2);
}
if (!existsSync('dist/index.html')) {
  console.error('preview: dist/ holds no built site; run "npm run build" first.');
  process.exit(1);
}
const server = await serveStatic('dist', { port, host: values.host }).catch((error: NodeJS.ErrnoException) => {
  console.error(`preview: cannot listen on ${values.host}:${port} (${error.code ?? error.message}); try another --port.`);
  process.exit(1);
});
// Shown as asked: "localhost" listens on 127.0.0.1 or ::1, and either is reached by that name.
const shown = values.host === 'localhost' ? `http://localhost:${new URL(server.origin).port}` : server.origin;
console.log(`preview: serving dist/ on ${shown}/ (Ctrl+C to stop)`);
