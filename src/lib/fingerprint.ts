/**
 * A digest of some of the project's own code, for caches whose entries that
 * code made: after any change to it, or to a pinned dependency, the entries
 * are not reused.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This project's folder (from the URL, which Vite provides to the content loader too). */
export const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The SHA-256 of the files and folders given (paths relative to `project`;
 * TypeScript and JSON, tests left out) and of package.json, which pins every
 * dependency to one version (the lock file is not in a benchmark's or a test's copy).
 */
export function codeFingerprint(paths: readonly string[], project = PROJECT): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    const files = statSync(join(project, path)).isDirectory()
      ? readdirSync(join(project, path), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|json)$/.test(f) && !f.endsWith('.test.ts')).sort().map((f) => `${path}/${f}`)
      : [path];
    for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(project, file)));
  }
  return hash.update(readFileSync(join(project, 'package.json'))).digest('hex');
}
