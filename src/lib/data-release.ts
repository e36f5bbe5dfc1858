/** What the /data/ pages show of a release: files grouped by table, sizes in words, the dataset citation. */
import type { Dataset } from '../schema/dataset.ts';
import type { PackagedResource } from './dataset-file.ts';

export interface TableDownloads {
  table: string;
  description: string;
  rows: number;
  /** The table's file in each format (csv, jsonl, parquet), in that order. */
  files: PackagedResource[];
}

const FORMAT_ORDER = ['csv', 'jsonl', 'parquet'];

/** Groups the data package's tabular resources by table, in package order. */
export function groupByTable(resources: readonly PackagedResource[]): TableDownloads[] {
  const tables = new Map<string, TableDownloads>();
  for (const resource of resources) {
    if (!FORMAT_ORDER.includes(resource.format)) continue;
    const table = resource.path.split('/').at(-1)!.replace(/\.[a-z]+$/, '');
    const entry = tables.get(table) ?? { table, description: resource.description ?? '', rows: resource.rows ?? 0, files: [] };
    entry.files.push(resource);
    tables.set(table, entry);
  }
  for (const entry of tables.values()) entry.files.sort((a, b) => FORMAT_ORDER.indexOf(a.format) - FORMAT_ORDER.indexOf(b.format));
  return [...tables.values()];
}

/**
 * A file size for readers, in the units and digits of `lang`.
 * @example formatBytes(1536, 'en') // "1.5 kB"
 */
export function formatBytes(bytes: number, lang: string): string {
  const units = [['byte', 1], ['kilobyte', 1e3], ['megabyte', 1e6], ['gigabyte', 1e9]] as const;
  const [unit, size] = units.findLast(([, threshold]) => bytes >= threshold) ?? units[0];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 }).format(bytes / size);
}

/** The dataset's citation in plain text and BibTeX, for the release shown. */
export function citeDataset(dataset: Dataset, url: string): { plain: string; bibtex: string } {
  const release = dataset.releases[0]!;
  const authors = dataset.contributors.map((c) => c.title).join('; ');
  return {
    plain: `${authors}. ${dataset.title}. Version ${release.version}, ${release.date}. ${url}`,
    bibtex: [
      `@dataset{${dataset.name.replaceAll('-', '_')}_${release.version.replaceAll('.', '_')},`,
      `  author = {{${authors}}},`,
      `  title = {${dataset.title}},`,
      `  version = {${release.version}},`,
      `  date = {${release.date}},`,
      `  url = {${url}}`,
      '}',
    ].join('\n'),
  };
}
