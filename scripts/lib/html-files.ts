/** Walking the built site's HTML files. */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every .html file under `dir`, as paths relative to it with forward slashes, sorted. */
export async function listHtmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}
