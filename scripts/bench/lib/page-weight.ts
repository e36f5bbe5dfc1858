/**
 * What a reader downloads, counted in Chromium: every response of a page, as a
 * server with gzip sends it. Shared by the benchmark and the scale test.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { PageWeight } from './budgets.ts';

const round = (n: number) => Math.round(n * 10) / 10;

/** Counts the bytes a page downloads from now on: compressed files (Pagefind's, fonts) as they are, the rest gzipped. */
export function countBytes(page: Page): { total: () => number; scripts: () => number } {
  let total = 0;
  let scripts = 0;
  page.on('response', async (response) => {
    const body = await response.body().catch(() => Buffer.alloc(0));
    const compressed = /\.(pf_\w+|pagefind|woff2?)$/.test(new URL(response.url()).pathname);
    total += compressed ? body.length : gzipSync(body).length;
    if (response.request().resourceType() === 'script') scripts++;
  });
  return { total: () => total, scripts: () => scripts };
}

/** Loads a page with its fonts and weighs everything it downloaded. */
export async function pageWeight(browser: Browser, origin: string, path: string): Promise<PageWeight> {
  const page = await browser.newPage();
  const bytes = countBytes(page);
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
  await page.close();
  return { path, gzip_kb: round(bytes.total() / 1024), scripts: bytes.scripts() };
}

/** The URL path of the page with the largest HTML under `section` of a built site (`dist`). */
export async function largestPage(dist: string, section: string): Promise<string> {
  let largest = { path: '', bytes: -1 };
  for (const entry of await readdir(join(dist, section), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = (await stat(path)).size;
    if (bytes > largest.bytes) largest = { path, bytes };
  }
  return `/${largest.path.slice(dist.length + 1).replace(/index\.html$/, '')}`;
}
