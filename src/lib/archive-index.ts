/**
 * Indexes over the whole archive, computed once per build so that no page
 * queries every collection: event → articles, entity → articles, and so on.
 */
import type { Article, Entity, Event, Source } from '../schema/index.ts';
import type { ContentProblem } from '../schema/parse.ts';

export interface ArchiveInput {
  articles: readonly Article[];
  events: readonly Event[];
  sources: readonly Source[];
  entities: readonly Entity[];
  /** The file each record came from, by collection and id, for error messages. */
  files?: (collection: string, id: string) => string;
}

export interface ArchiveIndex {
  articles: ReadonlyMap<string, Article>;
  events: ReadonlyMap<string, Event>;
  sources: ReadonlyMap<string, Source>;
  entities: ReadonlyMap<string, Entity>;
  /** Articles, newest publication first. */
  articlesByDate: readonly Article[];
  /** Articles, most recently added first. */
  articlesByAdded: readonly Article[];
  /** Events, oldest first: the timeline. */
  timeline: readonly Event[];
  articlesByEvent: ReadonlyMap<string, readonly Article[]>;
  articlesByEntity: ReadonlyMap<string, readonly Article[]>;
  articlesBySource: ReadonlyMap<string, readonly Article[]>;
  articlesByLanguage: ReadonlyMap<string, readonly Article[]>;
  eventsByEntity: ReadonlyMap<string, readonly Event[]>;
  /** Content languages, most articles first. */
  languages: readonly string[];
}

const byNewest = (a: Article, b: Article) =>
  b.published.value.localeCompare(a.published.value) || a.id.localeCompare(b.id);
const byOldestEvent = (a: Event, b: Event) => a.date.value.localeCompare(b.date.value) || a.id.localeCompare(b.id);

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  return new Map(records.map((r) => [r.id, r]));
}

/** Builds every index of the archive in one pass over each collection. */
export function buildArchiveIndex(input: ArchiveInput): ArchiveIndex {
  const articlesByDate = [...input.articles].sort(byNewest);
  const articlesByEvent = new Map<string, Article[]>();
  const articlesByEntity = new Map<string, Article[]>();
  const articlesBySource = new Map<string, Article[]>();
  const articlesByLanguage = new Map<string, Article[]>();
  for (const article of articlesByDate) {
    for (const event of article.events) pushTo(articlesByEvent, event, article);
    for (const entity of new Set(article.entities)) pushTo(articlesByEntity, entity, article);
    pushTo(articlesBySource, article.source, article);
    pushTo(articlesByLanguage, article.language, article);
  }
  const timeline = [...input.events].sort(byOldestEvent);
  const eventsByEntity = new Map<string, Event[]>();
  for (const event of timeline) {
    for (const entity of new Set([event.place, ...event.participants])) pushTo(eventsByEntity, entity, event);
  }
  const languages = [...articlesByLanguage.keys()].sort(
    (a, b) => articlesByLanguage.get(b)!.length - articlesByLanguage.get(a)!.length || a.localeCompare(b),
  );
  return {
    articles: byId(input.articles),
    events: byId(input.events),
    sources: byId(input.sources),
    entities: byId(input.entities),
    articlesByDate,
    articlesByAdded: [...articlesByDate].sort((a, b) => b.added.localeCompare(a.added)),
    timeline,
    articlesByEvent,
    articlesByEntity,
    articlesBySource,
    articlesByLanguage,
    eventsByEntity,
    languages,
  };
}

/** The events before and after `eventId` on the timeline. */
export function timelineNeighbours(index: ArchiveIndex, eventId: string): { previous?: Event | undefined; next?: Event | undefined } {
  const position = index.timeline.findIndex((e) => e.id === eventId);
  if (position < 0) return {};
  return { previous: index.timeline[position - 1], next: index.timeline[position + 1] };
}

/** One event's coverage as a languages × sources grid, for "who covered it". */
export interface CoverageGrid {
  languages: string[];
  sources: string[];
  /** Articles in one language from one source. */
  cell: (language: string, source: string) => readonly Article[];
}

/** Arranges articles in a languages × sources grid, most-covered language and source first. */
export function buildCoverageGrid(articles: readonly Article[]): CoverageGrid {
  const cells = new Map<string, Article[]>();
  const languageCounts = new Map<string, number>();
  const sourceCounts = new Map<string, number>();
  for (const article of articles) {
    pushTo(cells, `${article.language}\u0000${article.source}`, article);
    languageCounts.set(article.language, (languageCounts.get(article.language) ?? 0) + 1);
    sourceCounts.set(article.source, (sourceCounts.get(article.source) ?? 0) + 1);
  }
  const ranked = (counts: Map<string, number>) =>
    [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
  return {
    languages: ranked(languageCounts),
    sources: ranked(sourceCounts),
    cell: (language, source) => cells.get(`${language}\u0000${source}`) ?? [],
  };
}

/** Groups articles by language, languages in the order given. */
export function groupByLanguage(articles: readonly Article[]): [string, Article[]][] {
  const groups = new Map<string, Article[]>();
  for (const article of articles) pushTo(groups, article.language, article);
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

/** Every reference between records that does not resolve, as located problems. */
export function findBrokenReferences(input: ArchiveInput): ContentProblem[] {
  const ids = {
    events: new Set(input.events.map((r) => r.id)),
    sources: new Set(input.sources.map((r) => r.id)),
    entities: new Set(input.entities.map((r) => r.id)),
    articles: new Set(input.articles.map((r) => r.id)),
  };
  const problems: ContentProblem[] = [];
  const fileOf = input.files ?? ((collection, id) => `content/${collection}/${id}`);
  const check = (collection: string, id: string, field: string, target: keyof typeof ids, value: string) => {
    if (ids[target].has(value)) return;
    problems.push({
      file: fileOf(collection, id),
      line: 1,
      column: 1,
      field,
      message: `refers to "${value}", which is not in content/${target}/`,
      fix: `correct the id, or add content/${target}/${value}${target === 'sources' || target === 'entities' ? '.yaml' : '.md'}`,
      rule: 'reference',
    });
  };
  for (const a of input.articles) {
    check('articles', a.id, 'source', 'sources', a.source);
    a.events.forEach((e, i) => check('articles', a.id, `events.${i}`, 'events', e));
    a.entities.forEach((e, i) => check('articles', a.id, `entities.${i}`, 'entities', e));
    a.editorial_notes.forEach((n, i) => n.see && check('articles', a.id, `editorial_notes.${i}.see`, 'articles', n.see));
  }
  for (const e of input.events) {
    check('events', e.id, 'place', 'entities', e.place);
    e.participants.forEach((p, i) => check('events', e.id, `participants.${i}`, 'entities', p));
    e.related.forEach((r, i) => check('events', e.id, `related.${i}`, 'events', r));
  }
  return problems;
}
