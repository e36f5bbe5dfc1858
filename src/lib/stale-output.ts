/**
 * What to delete from an output folder that a build writes in place rather
 * than emptying first: every file this build did not produce or keep.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { eachConcurrently } from './concurrency.ts';

/**
 * Folders read at a time. Node's recursive readdir reads one folder after
 * another, each a round trip to the thread pool: at 100,000 articles, the
 * 280,000 folders of dist/ (one a page) took about a minute; several in flight
 * keep the thread pool busy.
 */
const FOLDERS_AT_ONCE = 64;

/**
 * Every file under `folder`, as "/"-separated paths relative to it ([] when the
 * folder does not exist), leaving out its top-level folders named in `skipped`
 * (not even listed: they may hold hundreds of thousands of files). In no
 * particular order.
 */
export async function filesUnder(folder: string, skipped: readonly string[] = []): Promise<string[]> {
  const files: string[] = [];
  // Read level by level, from the top ('' is `folder` itself): the folders found in one level are the next one's.
  let level = [''];
  while (level.length > 0) {
    const next: string[] = [];
    await eachConcurrently(level, async (inner) => {
      const top = inner === '';
      const entries = await readdir(join(folder, inner), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        if (top && error.code === 'ENOENT') return [];
        throw error;
      });
      for (const entry of entries) {
        const path = top ? entry.name : `${inner}/${entry.name}`;
        if (!entry.isDirectory()) files.push(path);
        else if (!top || !skipped.includes(entry.name)) next.push(path);
      }
    }, FOLDERS_AT_ONCE);
    level = next;
  }
  return files;
}

/**
 * The files of `present` (paths relative to the output folder, "/"-separated)
 * that are neither in `produced` nor under one of `keptFolders`.
 * @example staleFiles(['a/index.html', 'b/index.html', '_astro/x.css'], new Set(['a/index.html']), ['_astro']) // ["b/index.html"]
 */
export function staleFiles(present: Iterable<string>, produced: ReadonlySet<string>, keptFolders: readonly string[] = []): string[] {
  const prefixes = keptFolders.map((folder) => `${folder.replace(/\/$/, '')}/`);
  const stale: string[] = [];
  for (const file of present) {
    if (!produced.has(file) && !prefixes.some((prefix) => file.startsWith(prefix))) stale.push(file);
  }
  return stale;
}

/**
 * The folders that deleting `files` may leave empty: each one's parents up to
 * the output folder, deepest first, so that they can be removed in order.
 * @example foldersOf(['a/b/index.html', 'a/c/index.html']) // ["a/b", "a/c", "a"]
 */
export function foldersOf(files: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const file of files) {
    for (let end = file.lastIndexOf('/'); end > 0; end = file.lastIndexOf('/', end - 1)) folders.add(file.slice(0, end));
  }
  return [...folders].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
}
