/**
 * Cache keys for Astro's incremental build: a page is rendered again only when
 * its key changes (its code is tracked by Astro). A key digests everything the
 * page shows: its own record (front matter and body), and the front matter of
 * every record it lists or names (a list shows no body). So correcting one
 * article's text renders its own page again, and retitling it also the pages
 * that list it.
 */
import { createHash } from 'node:crypto';
import type { Article, Event, Topic } from '../schema/index.ts';
import { latestEvents, type ArchiveIndex, type RecordCount } from './archive-index.ts';
import { ARTICLES_PER_PAGE, EVENTS_ON_RECORD_PAGE, LIST_ITEMS_PER_PAGE, pageAt, pageOf, type YearRun } from './pagination.ts';

/** The digest of a record, by collection and id: of its file (front matter and body), or of its front matter alone. */
export type RecordDigest = (collection: 'articles' | 'events' | 'sources' | 'entities' | 'topics', id: string, part?: 'front matter') => string;

/** Hashes the parts of a key. */
function hashParts(parts: readonly (string | number | undefined)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url');
}

/** What an article shows where it is listed (title, source, date…): its front matter and its source's record. */
const listed = (digest: RecordDigest) => (article: Article) => `${digest('articles', article.id, 'front matter')}:${digest('sources', article.source)}`;
/** The digests of the records a page names (entities, topics) by their ids. */
const named = (digest: RecordDigest, collection: 'entities' | 'topics', ids: readonly string[]) => ids.map((id) => digest(collection, id)).join(',');
/** What a feed's entry shows of an article: what a list shows, and its topics' names. */
const fed = (digest: RecordDigest) => (article: Article) => `${listed(digest)(article)}:${named(digest, 'topics', article.topics)}`;
const eventLine = (digest: RecordDigest, index: Pick<ArchiveIndex, 'languagesByEvent'>) => (event: Event) =>
  `${digest('events', event.id, 'front matter')}:${JSON.stringify(index.languagesByEvent.get(event.id) ?? [])}`;

/** The key of an article's page: the article, its source, entities, topics and events, and the other coverage it lists. */
export function articlePageKey(article: Article, others: readonly Article[], index: Pick<ArchiveIndex, 'coverageByEvent'>, digest: RecordDigest): string {
  return hashParts([
    digest('articles', article.id),
    digest('sources', article.source),
    named(digest, 'entities', article.entities),
    named(digest, 'topics', article.topics),
    ...article.events.map((id) => `${digest('events', id, 'front matter')}:${index.coverageByEvent.get(id)?.length ?? 0}`),
    ...others.map(listed(digest)),
  ]);
}

/**
 * The key of one page of an event: the event, its place and participants, its
 * neighbours and related events, the articles on the page, and (on the first
 * page, which shows who covered it and their topics) its whole coverage and its topics' names.
 */
export function eventPageKey(
  event: Event,
  page: { number: number; items: readonly Article[] },
  neighbours: readonly (Event | undefined)[],
  index: Pick<ArchiveIndex, 'coverageByEvent' | 'languagesByEvent' | 'topicsByEvent' | 'events'>,
  digest: RecordDigest,
): string {
  const coverage = index.coverageByEvent.get(event.id) ?? [];
  return hashParts([
    digest('events', event.id),
    named(digest, 'entities', [event.place, ...event.participants]),
    ...neighbours.map((other) => (other ? digest('events', other.id, 'front matter') : '')),
    ...event.related.map((id) => digest('events', id, 'front matter')),
    JSON.stringify(index.languagesByEvent.get(event.id) ?? []),
    ...(page.number === 1 ? [...countsShown('topics', index.topicsByEvent.get(event.id) ?? [], digest), ...coverage.map(listed(digest))] : page.items.map(listed(digest))),
  ]);
}

/**
 * The key of one page of a list of articles (an entity's, a source's, a topic's, a language's), with the index of
 * the list's years (each year's count and page) and whatever else the page shows.
 */
export function articleListPageKey(page: { number: number; count: number; total: number; items: readonly Article[] }, years: readonly YearRun[], shown: readonly string[], digest: RecordDigest): string {
  return hashParts([...shown, page.number, page.count, page.total, yearIndexShown(years, ARTICLES_PER_PAGE), ...page.items.map(listed(digest))]);
}

/** What a list's index of years (YearIndex) shows: each year, its count and the page it starts on. */
function yearIndexShown(years: readonly YearRun[], perPage: number): string {
  return years.map((run) => `${run.year}:${run.items}:${pageAt(run.start, perPage)}`).join(' ');
}

/**
 * The key of an event's feed: the event's title and each article the feed
 * lists, with its source and topics. (Astro renders an endpoint without a key on every
 * build: the feeds of all events were written again after any change.)
 */
export function eventFeedKey(event: Event, articles: readonly Article[], digest: RecordDigest): string {
  return hashParts([digest('events', event.id, 'front matter'), ...articles.map(fed(digest))]);
}

/** The key of a content language's feed: each article it lists, with its source and topics. */
export function languageFeedKey(lang: string, articles: readonly Article[], digest: RecordDigest): string {
  return hashParts([lang, ...articles.map(fed(digest))]);
}

/** The key of a topic's feed: the topic (its names and description) and each article the feed lists. */
export function topicFeedKey(topic: Topic, articles: readonly Article[], digest: RecordDigest): string {
  return hashParts([digest('topics', topic.id), ...articles.map(fed(digest))]);
}

/** What a list of topics or entities with their counts (RecordCounts) shows: each one's names and its count. */
export function countsShown(collection: 'topics' | 'entities', counts: readonly RecordCount[], digest: RecordDigest): string[] {
  return counts.map(([id, count]) => `${digest(collection, id)}:${count}`);
}

/**
 * What one page of an entity's or topic's articles shows besides them: the record, and on its first page
 * its events as LatestEvents shows them (how many there are, and the latest listed).
 */
export function recordWithEvents(
  record: { collection: 'entities' | 'topics'; id: string },
  events: readonly Event[],
  pageNumber: number,
  index: Pick<ArchiveIndex, 'languagesByEvent'>,
  digest: RecordDigest,
): string[] {
  if (pageNumber !== 1) return [digest(record.collection, record.id)];
  const listed = latestEvents(events, EVENTS_ON_RECORD_PAGE);
  return [digest(record.collection, record.id), String(events.length), ...listed.map(eventLine(digest, index))];
}

/** The archive as the list pages need it. */
type ListIndex = Pick<ArchiveIndex, 'timelineNewestFirst' | 'eventYears' | 'languagesByEvent' | 'sourcesByName' | 'articlesBySource' | 'entities' | 'articlesByEntity'> & { digest: RecordDigest };

/** The key of page `number` of the list of events: its events, each with its coverage. */
export function eventsListKey(index: ListIndex, number: number): string {
  const events = pageOf(index.timelineNewestFirst, number, LIST_ITEMS_PER_PAGE);
  return hashParts([events.count, yearIndexShown(index.eventYears, LIST_ITEMS_PER_PAGE), ...events.items.map(eventLine(index.digest, index))]);
}

/** The key of page `number` of the list of sources: its sources, each with its number of articles. */
export function sourcesListKey(index: ListIndex, number: number): string {
  const sources = pageOf(index.sourcesByName, number, LIST_ITEMS_PER_PAGE);
  return hashParts([sources.count, ...sources.items.map((s) => `${index.digest('sources', s.id)}:${index.articlesBySource.get(s.id)?.length ?? 0}`)]);
}

/**
 * The key of every page of the list of entities: each entity and its number
 * of articles (the list is sorted by name in each interface language, so one
 * entity renamed can move every page).
 */
export function entitiesListKey(index: ListIndex): string {
  return hashParts([...index.entities.values()].map((e) => `${index.digest('entities', e.id)}:${index.articlesByEntity.get(e.id)?.length ?? 0}`));
}
