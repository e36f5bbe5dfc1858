/**
 * The search index's records, built from the archive's data rather than read
 * back from the built pages: the search index then needs no HTML, and is built
 * while Astro renders the site. Pure: the caller hands in each body's plain text.
 */
import type { ArchiveIndex } from './archive-index.ts';
import type { DocumentationPage } from './documentation.ts';
import {
  articleSearchFields, bundleForScript, documentationSearchFields, entitySearchFields, eventSearchFields, searchUrl, sourceSearchFields, topicSearchFields, type SearchFields,
} from './search-fields.ts';
import { NAME_SEPARATOR } from './search-excerpt.ts';
import { containsWords } from './words.ts';

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
 * Latin-script words in a text of another script: an English caption or an
 * acronym in a Hindi or Arabic article, which a Latin query should find.
 * @example latinWords('पुतिन (Reuters) ने NATO') // "Reuters NATO"
 */
export function latinWords(text: string): string {
  return (text.match(/\p{Script=Latin}[\p{Script=Latin}\p{M}\p{Nd}'’.-]*/gu) ?? []).join(' ');
}

/**
 * The names a page's text does not already hold as whole words: the others are indexed with the text, and
 * would only repeat in an excerpt ("Vladimir Putin is the President of Russia. Vladimir Putin").
 */
function namesNotIn(text: readonly string[], names: readonly string[]): string[] {
  return names.filter((name) => !text.some((part) => containsWords(part, name)));
}

/**
 * The records of one page in the bundles wanted: the page itself with its text
 * (read only when a bundle that needs it is wanted), in its language's bundle,
 * and a names record in the bundle of each other script it is named in. A page
 * not in Latin script has its Latin words, names and English title in the
 * English bundle, so that only Latin bundles answer a Latin query.
 */
function* recordsOf(fields: SearchFields, text: () => readonly (string | null | undefined)[], wanted: (bundle: string) => boolean): Generator<SearchRecord> {
  const meta = { ...fields.meta, title: fields.title };
  // Read once for both records that may need it (the page's own, and its Latin words in the English bundle).
  let ownText: string[] | undefined;
  const own = () => (ownText ??= text().filter((part): part is string => Boolean(part)));
  if (wanted(fields.bundle)) {
    yield {
      bundle: fields.bundle,
      url: fields.url,
      content: [...own(), namesNotIn(own(), fields.aliases).join(NAME_SEPARATOR)].filter(Boolean).join('\n'),
      meta,
      filters: fields.filters,
      sort: fields.sort,
    };
  }
  // Names in another script go to that script's bundle, so only a stemmer for that script reads them.
  for (const [script, names] of Object.entries(fields.foreignNames)) {
    const bundle = bundleForScript(script);
    if (!wanted(bundle)) continue;
    const words = script === 'Latn' ? own().map(latinWords) : [];
    const content = [namesNotIn(words, names).join(NAME_SEPARATOR), ...words].filter(Boolean).join('\n');
    // The excerpt comes from these names, so it is in the bundle's language, not the page's.
    if (content) yield { bundle, url: fields.url, content, meta: { ...meta, excerpt_language: bundle }, filters: fields.filters, sort: fields.sort };
  }
}

/**
 * The records of the archive that go to the bundles `wanted` accepts, for the
 * pages `pages` accepts: articles (with their full text), events (with their
 * summaries), entities, sources and the topics that have pages. A page `pages` refuses costs nothing more
 * than its URL, so a search shard's pass over the archive is cheap.
 */
export function* searchRecords(archive: ArchiveIndex, bodyText: BodyText, wanted: (bundle: string) => boolean = () => true, pages: (url: string) => boolean = () => true): Generator<SearchRecord> {
  for (const article of archive.articlesByDate) {
    if (pages(searchUrl.article(article.id))) yield* recordsOf(articleSearchFields(article, archive), () => [article.title, bodyText('articles', article.id)], wanted);
  }
  for (const event of archive.timeline) if (pages(searchUrl.event(event.id))) yield* recordsOf(eventSearchFields(event, archive), () => [bodyText('events', event.id)], wanted);
  for (const entity of archive.entities.values()) if (pages(searchUrl.entity(entity.id))) yield* recordsOf(entitySearchFields(entity), () => [entity.description], wanted);
  for (const source of archive.sources.values()) if (pages(searchUrl.source(source.id))) yield* recordsOf(sourceSearchFields(source), () => [source.description], wanted);
  for (const topic of archive.topicsCovered) if (pages(searchUrl.topic(topic.id))) yield* recordsOf(topicSearchFields(topic), () => [topic.description], wanted);
}

/** The records of the documentation pages (English, in the English bundle) that go to the bundles `wanted` accepts. */
export function* documentationRecords(pages: readonly DocumentationPage[], wanted: (bundle: string) => boolean = () => true): Generator<SearchRecord> {
  for (const page of pages) yield* recordsOf(documentationSearchFields(page.url, page.title), () => [page.title, page.text], wanted);
}
