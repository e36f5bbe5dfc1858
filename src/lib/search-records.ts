/**
 * The search index's records, built from the archive's data rather than read
 * back from the built pages: the search index then needs no HTML, and is built
 * while Astro renders the site. Pure: the caller hands in each body's plain text.
 */
import type { ArchiveIndex } from './archive-index.ts';
import { articleSearchFields, entitySearchFields, eventSearchFields, namesBundle, sourceSearchFields, type SearchFields } from './search-fields.ts';

/** One Pagefind record (the shape of Pagefind's addCustomRecord) and the bundle it goes to. */
export interface SearchRecord {
  bundle: string;
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** A body's plain text, by the record it belongs to. */
export type BodyText = (collection: 'articles' | 'events', id: string) => string;

/**
 * The records of one page in the bundles wanted: the page itself with its text
 * (read only when its bundle is wanted) and one names record per other script.
 */
function* recordsOf(fields: SearchFields, text: () => readonly (string | null | undefined)[], wanted: (bundle: string) => boolean): Generator<SearchRecord> {
  const meta = { ...fields.meta, title: fields.title };
  if (wanted(fields.bundle)) {
    yield {
      bundle: fields.bundle,
      url: fields.url,
      content: [...text(), fields.aliases.join(' · ')].filter(Boolean).join('\n'),
      meta,
      filters: fields.filters,
      sort: fields.sort,
    };
  }
  // Names in another script go to that script's names bundle, so only a stemmer for that script reads them.
  for (const [script, names] of Object.entries(fields.foreignNames)) {
    const { bundle } = namesBundle(script);
    if (wanted(bundle)) yield { bundle, url: fields.url, content: names.join(' · '), meta, filters: fields.filters, sort: fields.sort };
  }
}

/**
 * The records of the archive that go to the bundles `wanted` accepts: articles
 * (with their full text), events (with their summaries), entities and sources.
 */
export function* searchRecords(archive: ArchiveIndex, bodyText: BodyText, wanted: (bundle: string) => boolean = () => true): Generator<SearchRecord> {
  for (const article of archive.articlesByDate) {
    yield* recordsOf(articleSearchFields(article, archive), () => [article.title, article.title_en?.text, bodyText('articles', article.id)], wanted);
  }
  for (const event of archive.timeline) yield* recordsOf(eventSearchFields(event, archive), () => [bodyText('events', event.id)], wanted);
  for (const entity of archive.entities.values()) yield* recordsOf(entitySearchFields(entity), () => [entity.description], wanted);
  for (const source of archive.sources.values()) yield* recordsOf(sourceSearchFields(source), () => [source.description], wanted);
}
