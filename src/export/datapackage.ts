/** The Frictionless Data Package (v2) descriptor of the export, from the tables and the dataset record. */
import type { Dataset } from '../schema/dataset.ts';
import type { Source } from '../schema/index.ts';
import type { Column, Table } from './tables.ts';

/** A written file: its path in the export, size and SHA-256. */
export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** A Table Schema field for a column. */
function field(column: Column): Record<string, unknown> {
  const constraints = { ...(column.required ? { required: true } : {}), ...(column.enum ? { enum: column.enum } : {}) };
  return {
    name: column.name,
    type: column.type,
    description: column.description,
    ...(column.type === 'array' ? { itemType: column.itemType ?? 'string' } : {}),
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

const FORMATS = {
  csv: { format: 'csv', mediatype: 'text/csv' },
  jsonl: { format: 'jsonl', mediatype: 'application/jsonl' },
  parquet: { format: 'parquet', mediatype: 'application/vnd.apache.parquet' },
} as const;

export interface DataPackageInput {
  dataset: Dataset;
  tables: readonly Table[];
  sources: readonly Source[];
  /** The written files, by path in the export. */
  files: ReadonlyMap<string, WrittenFile>;
  /** Path of each table's file in each format. */
  tablePath: (table: string, format: keyof typeof FORMATS) => string;
  sqlitePath: string;
}

/** The datapackage.json descriptor. */
export function buildDataPackage(input: DataPackageInput): Record<string, unknown> {
  const { dataset } = input;
  const release = dataset.releases[0]!;
  const file = (path: string) => {
    const written = input.files.get(path);
    if (!written) throw new Error(`datapackage: ${path} was not written`);
    return { path, bytes: written.bytes, hash: `sha256:${written.sha256}` };
  };
  const resources = input.tables.flatMap((table) => {
    const schema = {
      fields: table.columns.map(field),
      primaryKey: table.primaryKey,
      ...(table.foreignKeys.length > 0 ? { foreignKeys: table.foreignKeys } : {}),
    };
    return (Object.keys(FORMATS) as (keyof typeof FORMATS)[]).map((format) => ({
      name: format === 'csv' ? table.name : `${table.name}-${format}`,
      type: 'table',
      title: `${table.name} (${format === 'jsonl' ? 'JSON Lines' : format === 'csv' ? 'CSV' : 'Parquet'})`,
      description: table.description,
      ...file(input.tablePath(table.name, format)),
      ...FORMATS[format],
      encoding: 'utf-8',
      rows: table.rows.length,
      // Only the CSV resources carry the schema's foreign keys: references name CSV resources.
      schema: format === 'csv' ? schema : { fields: schema.fields, primaryKey: schema.primaryKey },
      ...(format === 'csv' ? { dialect: { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true } } : {}),
    }));
  });
  resources.push({
    name: 'sqlite',
    title: 'All tables in one SQLite database',
    description: 'Every table with primary and foreign keys, and articles_fts, an FTS5 full-text index over article titles and text. Open with Datasette or the sqlite3 shell.',
    ...file(input.sqlitePath),
    format: 'sqlite',
    mediatype: 'application/vnd.sqlite3',
  } as never);
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: dataset.name,
    id: `${dataset.name}-${release.version}`,
    title: dataset.title,
    description: dataset.description,
    version: release.version,
    created: `${release.date}T00:00:00Z`,
    homepage: dataset.homepage,
    keywords: ['news', 'multilingual', 'events', 'archive', 'Hindi', 'Arabic', 'Malay'],
    licenses: dataset.licenses,
    rights: dataset.rights,
    contributors: dataset.contributors,
    sources: [...input.sources].sort((a, b) => a.id.localeCompare(b.id)).map((s) => ({ title: s.name_latin, ...(s.home ? { path: s.home } : {}) })),
    resources,
  };
}
