/**
 * What says a file is unchanged since an earlier build without reading it: its
 * size, modification time (ns) and inode, as make and rsync judge it. The
 * content loader, the record cache, the bodies stage and content:check read
 * again only the files whose stamp changed.
 */
import type { BigIntStats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { eachConcurrently } from './concurrency.ts';

/** The stamp of a file with these stats (from stat with `{ bigint: true }`), compared as text. */
export function stampOf(info: BigIntStats): string {
  return `${info.size}:${info.mtimeNs}:${info.ino}`;
}

/** A file's stamp. */
async function fileStamp(path: string): Promise<string> {
  return stampOf(await stat(path, { bigint: true }));
}

/** The stamp of each file (paths relative to `root`), in the files' order. */
export async function fileStamps(root: string, files: readonly string[]): Promise<Map<string, string>> {
  const stamps: string[] = [];
  await eachConcurrently([...files.keys()], async (i) => void (stamps[i] = await fileStamp(join(root, files[i]!))));
  return new Map(files.map((file, i) => [file, stamps[i]!]));
}
