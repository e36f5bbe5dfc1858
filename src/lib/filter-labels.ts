/**
 * The search filters' values in each interface language. A filter value is a
 * record's English name (filterValue, src/lib/search-fields.ts), the same in
 * every bundle so that their counts add up; the search page shows it in the
 * reader's language where the record has a name in it. A language's labels are
 * split into small files by a hash of the value, and the page loads only those
 * holding the values it shows: at 100,000 articles the Arabic labels (25,000
 * entities, 5,000 events) are 1.5 MB in 94 files. Shared by the search stage, which
 * writes the files, and the search page, which reads them.
 */
import { shardIndex } from './search-shards.ts';

/** The filters whose values are records' names. */
export const LABELLED_FILTERS = ['event', 'entity', 'source', 'topic'] as const;
export type LabelledFilter = (typeof LABELLED_FILTERS)[number];

/** One file of a language's labels: each filter's values with their labels. */
export type LabelFile = Partial<Record<LabelledFilter, Record<string, string>>>;

/** The folder of the search output that holds the labels, a folder per language: labels/<lang>/<file>.json. */
export const LABELS_DIR = 'labels';

/** About the most bytes of labels a file holds. */
export const LABEL_FILE_BYTES = 16_384;

/**
 * Which of a language's `files` label files holds the label of `value` in `filter`.
 * @example labelFileOf('entity', 'Belarus', 1) // 0
 */
export const labelFileOf = (filter: LabelledFilter, value: string, files: number): number => shardIndex(`${filter}:${value}`, files);

/** A filter value's label: the filter, the value (English), its name in one interface language. */
export type FilterLabel = [filter: LabelledFilter, value: string, label: string];

const utf8 = new TextEncoder();

/**
 * A language's labels (from filterLabels, src/lib/search-fields.ts) in files
 * of about LABEL_FILE_BYTES, each value in the file labelFileOf names; none
 * when the language has no labels.
 * @example labelFiles([['entity', 'Belarus', 'बेलारूस']]) // [{ entity: { Belarus: "बेलारूस" } }]
 */
export function labelFiles(labels: readonly FilterLabel[]): LabelFile[] {
  const bytes = labels.reduce((sum, [, value, label]) => sum + utf8.encode(value).length + utf8.encode(label).length + 6, 0);
  const files: LabelFile[] = Array.from({ length: Math.ceil(bytes / LABEL_FILE_BYTES) }, () => ({}));
  for (const [filter, value, label] of labels) (files[labelFileOf(filter, value, files.length)]![filter] ??= {})[value] = label;
  return files;
}
