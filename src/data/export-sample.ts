/**
 * The dataset tables built from one record of each collection: their columns
 * for the data dictionary, with a real first row as the example values.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildTables, computeBodyText, type Table } from '../export/tables.ts';
import { bodyKey } from '../lib/body-key.ts';
import { loadDataset } from '../lib/dataset-file.ts';
import { splitFrontMatter } from '../schema/parse.ts';
import { SITE_URL } from '../site-config.ts';
import { getArchive } from './archive.ts';

/** Every export table, its rows built from the first record of each collection. */
export async function sampleTables(): Promise<Table[]> {
  const archive = await getArchive();
  const article = archive.articlesByDate[0]!;
  const event = archive.timeline[0]!;
  const body = async (file: string) => splitFrontMatter(await readFile(file, 'utf8'))?.body ?? '';
  const articleBody = await body(archive.articleFiles.get(article.id)!);
  const capture = await readFile(join('content', article.capture.path));
  return buildTables({
    articles: [{ data: article, bodyKey: bodyKey(articleBody), readBody: () => articleBody }],
    events: [{ data: event, body: await body(archive.eventFiles.get(event.id)!) }],
    sources: [archive.sources.get(article.source)!],
    entities: [...archive.entities.values()].slice(0, 1),
    topics: article.topics.slice(0, 1).map((id) => archive.topics.get(id)!),
    captures: new Map([[article.capture.path, { bytes: capture.length, sha256: createHash('sha256').update(capture).digest('hex') }]]),
    dataset: await loadDataset('.'),
    siteUrl: SITE_URL,
    bodyText: computeBodyText,
  });
}
