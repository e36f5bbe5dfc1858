/** Loads the whole content tree from disk for the command-line tools, refusing invalid content. */
import { findBrokenReferences } from '../../src/lib/archive-index.ts';
import { loadCollection, type LoadedRecord } from '../../src/lib/content-files.ts';
import { loadDataset } from '../../src/lib/dataset-file.ts';
import type { Dataset } from '../../src/schema/dataset.ts';
import { formatProblem } from '../../src/schema/parse.ts';

export interface ArchiveOnDisk {
  articles: LoadedRecord<'articles'>[];
  events: LoadedRecord<'events'>[];
  sources: LoadedRecord<'sources'>[];
  entities: LoadedRecord<'entities'>[];
  dataset: Dataset;
}

/** Every record of the archive; throws with every problem when the content is invalid. */
export async function loadArchive(root: string): Promise<ArchiveOnDisk> {
  const [articles, events, sources, entities] = await Promise.all([
    loadCollection(root, 'articles'),
    loadCollection(root, 'events'),
    loadCollection(root, 'sources'),
    loadCollection(root, 'entities'),
  ]);
  const problems = [...articles.problems, ...events.problems, ...sources.problems, ...entities.problems];
  problems.push(
    ...findBrokenReferences({
      articles: articles.records.map((r) => r.data),
      events: events.records.map((r) => r.data),
      sources: sources.records.map((r) => r.data),
      entities: entities.records.map((r) => r.data),
    }),
  );
  if (problems.length > 0) throw new Error(`${problems.length} content problem(s); run "npm run content:check":\n${problems.map(formatProblem).join('\n')}`);
  return { articles: articles.records, events: events.records, sources: sources.records, entities: entities.records, dataset: await loadDataset(root) };
}
