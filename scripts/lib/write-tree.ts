/**
 * Brings a folder to hold exactly the files given: writes those that are new
 * or whose bytes changed, leaves the others alone and deletes the rest.
 *
 * For the search bundles, which Pagefind builds whole: after a one-article
 * change, all but a few dozen of a shard's 44,000 files have the same bytes.
 * Deleting the folder and writing every file again cost the kernel far more
 * than the writes: ext4 passes over the inodes freed in the last minutes when
 * it makes a file, so each new file of the shard searched past the old ones.
 *
 * A changed file is written to a new name and renamed over the old one: so it
 * is a new inode, and a hard link to the old file (dist/, scripts/lib/link-tree.ts)
 * keeps the old bytes until that folder is mirrored. A new file is written in place.
 */
import { lstat, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { eachConcurrently } from '../../src/lib/concurrency.ts';
import { filesUnder, staleFiles } from '../../src/lib/stale-output.ts';

/** A file to have in the folder: its path in it, and its bytes. */
export interface TreeFile {
  path: string;
  content: Uint8Array;
}

/** What bringing a folder up to date did. */
export interface TreeSummary {
  written: number;
  unchanged: number;
  removed: number;
}

/**
 * Makes folders (with their parents) for files written side by side: one mkdir a folder, shared by the files
 * that go into it at once.
 */
export function folderMaker(): (folder: string) => Promise<unknown> {
  const made = new Map<string, Promise<unknown>>();
  return (folder) => made.get(folder) ?? made.set(folder, mkdir(folder, { recursive: true })).get(folder)!;
}

/** Whether the file at `path` holds exactly `content` (read only when the sizes agree). */
async function holds(path: string, content: Uint8Array): Promise<boolean> {
  if ((await lstat(path)).size !== content.length) return false;
  return Buffer.from(content.buffer, content.byteOffset, content.length).equals(await readFile(path));
}

/** Makes `folder` (created if missing) hold exactly `files`, writing only what differs; see above. */
export async function writeTree(folder: string, files: readonly TreeFile[]): Promise<TreeSummary> {
  const present = new Set(await filesUnder(folder));
  const summary: TreeSummary = { written: 0, unchanged: 0, removed: 0 };
  const makeFolder = folderMaker();
  await eachConcurrently(files, async ({ path, content }) => {
    const target = join(folder, path);
    if (present.has(path) && (await holds(target, content))) {
      summary.unchanged++;
      return;
    }
    await makeFolder(dirname(target));
    if (present.has(path)) {
      await writeFile(`${target}.writing`, content);
      await rename(`${target}.writing`, target);
    } else {
      await writeFile(target, content);
    }
    summary.written++;
  });
  await eachConcurrently(staleFiles(present, new Set(files.map((file) => file.path))), async (path) => {
    await unlink(join(folder, path));
    summary.removed++;
  });
  return summary;
}
