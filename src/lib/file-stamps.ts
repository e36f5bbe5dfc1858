/**
 * What says a file is unchanged since an earlier build without reading it: its
 * size, modification time (ns) and inode, as make and rsync judge it. The
 * content loader and the bodies stage read again only the files whose stamp
 * changed.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { eachConcurrently } from './concurrency.ts';

/** A file's stamp, compared as text. */
async function fileStamp(path: string): Promise<string> {
  const info = await stat(path, { bigint: true });
  return `${info.size}:${info.mtimeNs}:${info.ino}`;
}

/** The stamp of each file (paths relative to `root`), in the files' order. */
export async function fileStamps(root: string, files: readonly string[]): Promise<Map<string, string>> {
  const stamps: string[] = [];
  await eachConcurrently([...files.keys()], async (i) => void (stamps[i] = await fileStamp(join(root, files[i]!))));
  return new Map(files.map((file, i) => [file, stamps[i]!]));
}
