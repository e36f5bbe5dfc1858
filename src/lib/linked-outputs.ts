/**
 * The build's outputs that are not pages: each written by its own stage (or
 * kept in content/) and linked into a folder of dist/ by `npm run build`
 * (scripts/lib/link-tree.ts). The site's in-place output leaves these folders
 * to that step (src/integrations/output-in-place.ts).
 */
import { join } from 'node:path';
import { BUILD_EXPORT_DIR } from './dataset-file.ts';

export interface LinkedOutput {
  /** The folder the output is written to, relative to the project. */
  from: string;
  /** Its folder in dist/. */
  to: string;
  /** Files Astro writes into that folder of dist/, which the output does not hold. */
  pages: readonly string[];
}

/** Where the search stage writes its bundles. */
export const SEARCH_INDEX_DIR = join('.cache', 'pagefind');

/** The search bundles, written by the search stage. */
export const SEARCH_OUTPUT: LinkedOutput = { from: SEARCH_INDEX_DIR, to: 'pagefind', pages: [] };
/** The dataset, written by the exports; the /data/ page lives in the folder that serves it. */
export const DATASET_OUTPUT: LinkedOutput = { from: BUILD_EXPORT_DIR, to: 'data', pages: ['index.html'] };
/** The raw captures, byte for byte, at /captures/<file>: linked, not rendered one by one as pages. */
export const CAPTURES_OUTPUT: LinkedOutput = { from: join('content', 'captures'), to: 'captures', pages: [] };

export const LINKED_OUTPUTS: readonly LinkedOutput[] = [SEARCH_OUTPUT, DATASET_OUTPUT, CAPTURES_OUTPUT];
