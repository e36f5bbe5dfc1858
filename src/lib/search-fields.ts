/**
 * What each indexed page tells Pagefind: the bundle (language index) it goes
 * to, its metadata, filters and sort keys, and the names it should be found
 * by in every language and script (entity names and aliases, event titles).
 * Pure: the page components render these as data-pagefind-* elements.
 */
import type { Article, Entity, Event, Source } from '../schema/index.ts';
import type { ArchiveIndex } from './archive-index.ts';

/** Kinds of page in the search index, in the order filters list them. */
export const SEARCH_TYPES = ['article', 'event', 'entity', 'source', 'documentation'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchFields {
  /** The Pagefind bundle (one index per language) this page belongs to. */
  bundle: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
  /** Every name the page should be found by, in every language (indexed, not shown). */
  aliases: string[];
}

/** The language bundle for content in `lang`: its primary language subtag. */
export function bundleForLanguage(lang: string): string {
  return new Intl.Locale(lang).language;
}

/** Every recorded name of an entity, all languages. */
function allNames(entity: Entity): string[] {
  return Object.values(entity.names).flat();
}

/** Every title of an event: English and each coverage language. */
function allTitles(event: Event): string[] {
  return [event.title, ...Object.values(event.titles)];
}

const unique = (values: string[]) => [...new Set(values)];

/** Search fields of an article page. */
export function articleSearchFields(article: Article, archive: Pick<ArchiveIndex, 'entities' | 'events' | 'sources'>): SearchFields {
  const source = archive.sources.get(article.source)!;
  const entities = article.entities.map((id) => archive.entities.get(id)!);
  const events = article.events.map((id) => archive.events.get(id)!);
  return {
    bundle: bundleForLanguage(article.language),
    meta: {
      type: 'article',
      language: article.language,
      source: source.name_latin,
      published: article.published.value,
      precision: article.published.precision,
      ...(article.title_en ? { title_en: article.title_en.text } : {}),
      ...(article.title ? {} : { untitled: 'true' }),
    },
    filters: {
      type: ['article'],
      language: [article.language],
      source: [source.name_latin],
      event: events.map((e) => e.title),
      entity: unique(entities.map((e) => e.names.en![0]!)),
      entity_kind: unique(entities.map((e) => e.kind)),
      topic: article.topics,
      year: [article.published.value.slice(0, 4)],
    },
    sort: { date: article.published.value },
    aliases: unique([...entities.flatMap(allNames), ...events.flatMap(allTitles), source.name, source.name_latin, ...Object.values(source.names)]),
  };
}

/** Search fields of an event page (indexed in its English version). */
export function eventSearchFields(event: Event, archive: Pick<ArchiveIndex, 'entities'>): SearchFields {
  const entities = [event.place, ...event.participants].map((id) => archive.entities.get(id)!);
  return {
    bundle: 'en',
    meta: { type: 'event', published: event.date.value, precision: event.date.precision },
    filters: {
      type: ['event'],
      entity: unique(entities.map((e) => e.names.en![0]!)),
      entity_kind: unique(entities.map((e) => e.kind)),
      year: [event.date.value.slice(0, 4)],
    },
    sort: { date: event.date.value },
    aliases: unique([...allTitles(event), ...entities.flatMap(allNames)]),
  };
}

/** Search fields of an entity page (indexed in its English version). */
export function entitySearchFields(entity: Entity): SearchFields {
  return {
    bundle: 'en',
    meta: { type: 'entity' },
    filters: { type: ['entity'], entity: [entity.names.en![0]!], entity_kind: [entity.kind] },
    sort: {},
    aliases: allNames(entity),
  };
}

/** Search fields of a source page (indexed in its English version). */
export function sourceSearchFields(source: Source): SearchFields {
  return {
    bundle: 'en',
    meta: { type: 'source' },
    filters: { type: ['source'], source: [source.name_latin] },
    sort: {},
    aliases: unique([source.name, source.name_latin, ...Object.values(source.names)]),
  };
}

/** Search fields of a documentation page. */
export function documentationSearchFields(): SearchFields {
  return { bundle: 'en', meta: { type: 'documentation' }, filters: { type: ['documentation'] }, sort: {}, aliases: [] };
}
