/** The human-readable files of a release: README with the data dictionary, changelog, citation and licence. */
import type { Dataset } from '../schema/dataset.ts';
import type { Table } from './tables.ts';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** README.md: what the dataset is, how to open and verify it, and every table and column. */
export function buildReadme(dataset: Dataset, tables: readonly Table[]): string {
  const release = dataset.releases[0]!;
  const lines = [
    `# ${dataset.title}`,
    '',
    `Version ${release.version}, released ${release.date}. ${dataset.description}`,
    '',
    '## Files',
    '',
    '- `datapackage.json`: the Frictionless Data Package (v2) descriptor: every resource with its schema, size and SHA-256.',
    '- `csv/`: one RFC 4180 CSV file per table (UTF-8, no byte-order mark, CRLF line ends, lists as JSON arrays; a missing value is an empty field, an empty string is `""`).',
    '- `jsonl/`: the same tables as JSON Lines, one object per row.',
    '- `parquet/`: the same tables as Parquet (ZSTD), with dates as dates and lists as lists.',
    '- `coverage-atlas.sqlite`: every table in one SQLite database, with `articles_fts`, a full-text index over article titles and text.',
    '- `captures/`: the raw captures, byte for byte.',
    '- `SHA256SUMS`: the SHA-256 of every file.',
    '',
    '## Opening the tables',
    '',
    '- **Spreadsheets**: import rather than double-click, so Arabic and Devanagari are read as UTF-8. LibreOffice Calc: open the file and choose *Unicode (UTF-8)*, separator comma. Excel: *Data → From Text/CSV*, *File origin: 65001: Unicode (UTF-8)*. Google Sheets reads UTF-8 as is.',
    "- **DuckDB**: `SELECT * FROM 'parquet/articles.parquet'` or `SELECT * FROM read_csv('csv/articles.csv', allow_quoted_nulls = false)` (which keeps a missing value and an empty string apart).",
    '- **Datasette**: `datasette coverage-atlas.sqlite`. **sqlite3**: `SELECT id, title FROM articles_fts JOIN articles USING (rowid) WHERE articles_fts MATCH \'معاهدة\';`',
    '',
    '## Verifying the download',
    '',
    '- `sha256sum -c SHA256SUMS` in this folder checks every file.',
    '- The release zip is a BagIt bag (RFC 8493): `bagit.py --validate FOLDER` or compare `manifest-sha256.txt` with `sha256sum`.',
    '',
    '## Rights',
    '',
    dataset.rights,
    '',
    ...dataset.licenses.map((l) => `- ${l.title} (${l.path}): ${l.scope}`),
    '',
    '## Data dictionary',
    '',
  ];
  for (const table of tables) {
    lines.push(`### ${table.name}`, '', `${table.description} Primary key: ${table.primaryKey.join(', ')}.`, '');
    for (const fk of table.foreignKeys) lines.push(`- ${fk.fields.join(', ')} → ${fk.reference.resource}.${fk.reference.fields.join(', ')}`);
    if (table.foreignKeys.length > 0) lines.push('');
    lines.push('| Column | Type | Required | Meaning |', '| --- | --- | --- | --- |');
    for (const c of table.columns) {
      const type = c.type === 'array' ? `array of ${c.itemType ?? 'string'}` : c.type;
      lines.push(`| \`${c.name}\` | ${type}${c.enum ? ` (${c.enum.join(', ')})` : ''} | ${c.required ? 'yes' : 'no'} | ${cell(c.description)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** CHANGELOG.md: each release, newest first, with what it added, corrected and withdrew. */
export function buildChangelog(dataset: Dataset): string {
  const list = (label: string, ids: readonly string[]) => (ids.length > 0 ? [`${label}:`, '', ...ids.map((id) => `- ${id}`), ''] : [`${label}: none.`, '']);
  return [
    `# Changelog of ${dataset.title}`,
    '',
    'Versions follow the Data Package Version recipe: major when a table\'s fields change, minor when records or tables are added, patch for corrections.',
    'A published release never changes. Each is tagged `v<version>` in the project\'s repository, and the export of that tag (`npm ci`, then `npm run export -- --out DIR`) gives its files again byte for byte, as its `SHA256SUMS` lists them.',
    '',
    ...dataset.releases.flatMap((r) => [`## ${r.version} (${r.date})`, '', r.summary, '', ...list('Added', r.added), ...list('Corrected', r.corrected), ...list('Withdrawn', r.withdrawn)]),
  ].join('\n');
}

/** CITATION.cff for the release (Citation File Format 1.2.0). */
export function buildCitation(dataset: Dataset): string {
  const release = dataset.releases[0]!;
  const yamlString = (text: string) => JSON.stringify(text);
  return [
    'cff-version: 1.2.0',
    'message: "If you use this dataset, please cite it as below."',
    'type: dataset',
    `title: ${yamlString(dataset.title)}`,
    `version: ${yamlString(release.version)}`,
    `date-released: ${release.date}`,
    `url: ${yamlString(dataset.homepage)}`,
    `abstract: ${yamlString(dataset.description)}`,
    `license: ${dataset.licenses[0]!.name}`,
    'authors:',
    ...dataset.contributors.map((c) => `  - name: ${yamlString(c.title)}`),
    '',
  ].join('\n');
}

/** LICENSE.md: the licence of the archive's own work and the rights in the articles. */
export function buildLicense(dataset: Dataset): string {
  return [
    `# Licence and rights: ${dataset.title}`,
    '',
    ...dataset.licenses.map((l) => `- **${l.title}** (${l.name}, ${l.path}): ${l.scope}`),
    '',
    '## The articles and captures',
    '',
    dataset.rights,
    '',
  ].join('\n');
}
