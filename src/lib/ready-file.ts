/**
 * How a stage of `npm run build` waits for another that runs beside it: the
 * build names, in an environment variable, a file that appears once the other
 * stage's output is complete (and stops the waiting stage if that one fails).
 * Unset, as when a command runs alone or under `astro dev`, nothing is waited for.
 */
import { access } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** How often a waiting stage looks for the ready file. */
const POLL_MS = 200;

/** Resolves at once when `variable` is unset, else once the file it names exists. */
export async function whenReady(variable: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const file = env[variable];
  if (!file) return;
  while (!(await access(file).then(() => true, () => false))) await sleep(POLL_MS);
}
