/** Loads the whole content tree from disk for the command-line tools, refusing invalid content. */
import { findBrokenReferences } from '../../src/lib/archive-index.ts';
import { loadCollection, loadCollectionKeys, type KeyedRecord, type LoadedRecord } from '../../src/lib/content-files.ts';
import { loadDataset } from '../../src/lib/dataset-file.ts';
import type { Dataset } from '../../src/schema/dataset.ts';
import { formatProblem } from '../../src/schema/parse.ts';

export interface ArchiveOnDisk {
  /** Articles with their bodies read only when asked for: the exports copy most rows from the export before (src/export/row-cache.ts). */
  articles: KeyedRecord<'articles'>[];
  events: LoadedRecord<'events'>[];
  /** Sources, entities and topics as their front matter: the exports read nothing else of them, so their files kept by the record cache are not read. */
  sources: KeyedRecord<'sources'>[];
  entities: KeyedRecord<'entities'>[];
  topics: KeyedRecord<'topics'>[];
  dataset: Dataset;
}

/** Every record of the archive; throws with every problem when the content is invalid. */
export async function loadArchive(root: string): Promise<ArchiveOnDisk> {
  const [articles, events, sources, entities, topics] = await Promise.all([
    loadCollectionKeys(root, 'articles'),
    loadCollection(root, 'events'),
    loadCollectionKeys(root, 'sources'),
    loadCollectionKeys(root, 'entities'),
    loadCollectionKeys(root, 'topics'),
  ]);
  const problems = [...articles.problems, ...events.problems, ...sources.problems, ...entities.problems, ...topics.problems];
  problems.push(
    ...findBrokenReferences({
      articles: articles.records.map((r) => r.data),
      events: events.records.map((r) => r.data),
      sources: sources.records.map((r) => r.data),
      entities: entities.records.map((r) => r.data),
      topics: topics.records.map((r) => r.data),
    }),
  );
  if (problems.length > 0) throw new Error(`${problems.length} content problem(s); run "npm run content:check":\n${problems.map(formatProblem).join('\n')}`);
  return { articles: articles.records, events: events.records, sources: sources.records, entities: entities.records, topics: topics.records, dataset: await loadDataset(root) };
}
