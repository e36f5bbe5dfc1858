/**
 * Puts the files of one folder into another as hard links: at 100,000 articles
 * the build's outputs (search bundles with a file per page, a 9 GB dataset) are
 * far too large to copy file by file, and a link costs one system call. Safe
 * because nothing here rewrites an output in place: the exports and each search
 * bundle are deleted and written anew. Falls back to copying across file systems.
 */
import { copyFile, link, mkdir, readdir, unlink } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/**
 * Links every file of `from` into `to` (copies where a link cannot cross file
 * systems), replacing a file of the same name and leaving the others: Astro
 * writes the /data/ page into the folder that receives the dataset.
 */
export async function linkTree(from: string, to: string): Promise<void> {
  const made = new Set<string>();
  for (const entry of await readdir(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    const folder = dirname(target);
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    await link(source, target).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') {
        await unlink(target);
        return link(source, target);
      }
      if (error.code === 'EXDEV') return copyFile(source, target);
      throw error;
    });
  }
}
