/** Reading the dataset record (content/dataset.yaml) and a written export's data package. */
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DatasetSchema, type Dataset } from '../schema/dataset.ts';
import { formatProblem, parseYamlFile } from '../schema/parse.ts';

/** The dataset's own record, relative to the project root. */
export const DATASET_FILE = 'content/dataset.yaml';

/** Reads content/dataset.yaml under `root`, with a located message when it is invalid. */
export async function loadDataset(root: string): Promise<Dataset> {
  const result = parseYamlFile(DatasetSchema, DATASET_FILE, await readFile(join(root, DATASET_FILE), 'utf8'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.data;
}

/** One resource of a written data package. */
export interface PackagedResource {
  name: string;
  path: string;
  format: string;
  bytes: number;
  hash: string;
  rows?: number;
  title?: string;
  description?: string;
}

/** The folder the build exports into, beside the site (then linked into dist/data/). */
export const BUILD_EXPORT_DIR = join('.cache', 'data');

/**
 * The environment variable through which `npm run build` tells the site that
 * the exports are being written beside it: its value is a file that appears
 * once they are complete. Only the /data/ pages read the export, so the rest
 * of the site need not wait for it.
 */
export const EXPORT_READY_ENV = 'ATLAS_EXPORT_READY';

/** How often the /data/ pages look for the export's ready file. */
const EXPORT_POLL_MS = 200;

/**
 * Resolves once the export the site lists is complete: at once when no export
 * is being written beside the site (EXPORT_READY_ENV unset), else when the
 * build's ready file appears. The build stops the site if the exports fail.
 */
export async function exportReady(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const readyFile = env[EXPORT_READY_ENV];
  if (!readyFile) return;
  while (!(await access(readyFile).then(() => true, () => false))) await sleep(EXPORT_POLL_MS);
}

/** Reads the datapackage.json the export wrote, failing with what to run when there is none. */
export async function readDataPackage(dir: string): Promise<{ version: string; created: string; resources: PackagedResource[] }> {
  const text = await readFile(join(dir, 'datapackage.json'), 'utf8').catch(() => {
    throw new Error(`No export in ${dir}: the /data/ pages list the exported files; run "npm run build", which writes the exports`);
  });
  return JSON.parse(text) as { version: string; created: string; resources: PackagedResource[] };
}
