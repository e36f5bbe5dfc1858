/**
 * Puts the files of one folder into another as hard links: at 100,000 articles
 * the build's outputs (search bundles with a file per page, a 9 GB dataset) are
 * far too large to copy file by file, and a link costs one system call. Safe
 * because nothing here rewrites an output in place: the exports and each search
 * bundle are deleted and written anew. Falls back to copying across file systems.
 */
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** Replaces `to` with the files of `from`, hard-linked (copied where a link cannot cross file systems). */
export async function linkTree(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  await mkdir(to, { recursive: true });
  const made = new Set<string>([to]);
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    const folder = dirname(target);
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    await link(source, target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EXDEV') throw error;
      return copyFile(source, target);
    });
  }
}
