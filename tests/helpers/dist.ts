/** Reading the built site in tests: pages as HTML trees, queried with CSS selectors. */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';

export const DIST = join(import.meta.dirname, '..', '..', 'dist');
export const ROOT = join(import.meta.dirname, '..', '..');

/** Every HTML file of the build, as site paths ("/events/x/index.html"). */
export async function listHtmlFiles(): Promise<string[]> {
  const entries = await readdir(DIST, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => '/' + relative(DIST, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** The built page at a URL path such as "/ar/events/". */
export async function loadPage(urlPath: string): Promise<Root> {
  const file = urlPath.endsWith('.html') ? urlPath : join(urlPath, 'index.html');
  return fromHtml(await readFile(join(DIST, file), 'utf8'));
}

export { select, selectAll, toText };
export type { Element, Root };

/** A property of an element as a string ("" when absent); hast names properties in camelCase (dateTime, ariaLabel). */
export function attr(element: Element | undefined, name: string): string {
  const value = element?.properties?.[name];
  return Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? '' : String(value);
}

/** Every file under a folder with its SHA-256, by relative path; `skip` leaves out some (by relative path). */
export async function digestTree(dir: string, skip: (path: string) => boolean = () => false): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || skip(relative(dir, path))) continue;
    files.set(relative(dir, path), createHash('sha256').update(await readFile(path)).digest('hex'));
  }
  return files;
}

/**
 * What a built /data/ page says of the export: each file it links to under /data/
 * with the SHA-256 it shows beside the link, by path under /data/.
 */
export function listedChecksums(dataPageHtml: string): Map<string, string> {
  const listed = new Map<string, string>();
  // Each link runs to the next; a link with a checksum has it (in a .hash element) before the next link.
  for (const piece of dataPageHtml.split('href="/data/').slice(1)) {
    const hash = /class="hash"[^>]*>(?:SHA-256 )?([0-9a-f]{64})</.exec(piece.slice(0, piece.search(/<a\b|$/)))?.[1];
    if (hash) listed.set(piece.slice(0, piece.indexOf('"')), hash);
  }
  return listed;
}

/** SHA256SUMS of an export folder, by path. */
export async function readChecksums(exportDir: string): Promise<Map<string, string>> {
  const lines = (await readFile(join(exportDir, 'SHA256SUMS'), 'utf8')).trim().split('\n');
  return new Map(lines.map((line) => [line.slice(66), line.slice(0, 64)]));
}
