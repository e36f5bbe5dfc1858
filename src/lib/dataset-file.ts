/** Reading the dataset record (content/dataset.yaml) and a written export's data package. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DatasetSchema, type Dataset } from '../schema/dataset.ts';

/** Reads content/dataset.yaml under `root`, with a located message when it is invalid. */
export async function loadDataset(root: string): Promise<Dataset> {
  const result = DatasetSchema.safeParse(parse(await readFile(join(root, 'content', 'dataset.yaml'), 'utf8')));
  if (!result.success) {
    throw new Error(result.error.issues.map((i) => `content/dataset.yaml ${i.path.join('.')}: ${i.message}`).join('\n'));
  }
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

/** The folder the build exports into before the site is built (then copied to dist/data/). */
export const BUILD_EXPORT_DIR = join('.cache', 'data');

/** Reads the datapackage.json the export wrote, failing with what to run when there is none. */
export async function readDataPackage(dir: string): Promise<{ version: string; created: string; resources: PackagedResource[] }> {
  const text = await readFile(join(dir, 'datapackage.json'), 'utf8').catch(() => {
    throw new Error(`No export in ${dir}: the /data/ pages list the exported files; run "npm run build", which exports first`);
  });
  return JSON.parse(text) as { version: string; created: string; resources: PackagedResource[] };
}
