/**
 * Indexes over the whole archive, computed once per build so that no page
 * queries every collection: event → articles, entity → articles, and so on.
 */
import { collections, type Article, type Entity, type Event, type Source, type Topic } from '../schema/index.ts';
import type { ContentProblem } from '../schema/parse.ts';
import { memoizeWeak } from './memoize.ts';
import { yearRuns, type YearRun } from './pagination.ts';
import { nearestId } from './suggest.ts';

export interface ArchiveInput {
  articles: readonly Article[];
  events: readonly Event[];
  sources: readonly Source[];
  entities: readonly Entity[];
  topics: readonly Topic[];
  /** The file each record came from, by collection and id, for error messages. */
  files?: (collection: string, id: string) => string;
}

export interface ArchiveIndex {
  articles: ReadonlyMap<string, Article>;
  events: ReadonlyMap<string, Event>;
  sources: ReadonlyMap<string, Source>;
  entities: ReadonlyMap<string, Entity>;
  topics: ReadonlyMap<string, Topic>;
  /** Sources by Latin-script name: the list of sources. */
  sourcesByName: readonly Source[];
  /** Articles, newest publication first. */
  articlesByDate: readonly Article[];
  /** Articles, most recently added first. */
  articlesByAdded: readonly Article[];
  /** Events, oldest first: the timeline. */
  timeline: readonly Event[];
  /** Events, newest first: the list of events. */
  timelineNewestFirst: readonly Event[];
  /** The years of the list of events (yearRuns). */
  eventYears: readonly YearRun[];
  articlesByEvent: ReadonlyMap<string, readonly Article[]>;
  /** Each event's coverage in the order its pages list it: most-covered language first, newest first within a language. */
  coverageByEvent: ReadonlyMap<string, readonly Article[]>;
  /** Each event's coverage languages with their article counts, most articles first. */
  languagesByEvent: ReadonlyMap<string, readonly LanguageCount[]>;
  /** The topics of each event's coverage with how many of its articles are about each, most first. */
  topicsByEvent: ReadonlyMap<string, readonly TopicCount[]>;
  /** Each event's position on the timeline. */
  timelinePosition: ReadonlyMap<string, number>;
  articlesByEntity: ReadonlyMap<string, readonly Article[]>;
  /** Each topic's articles, newest first (a topic no article is about has none). */
  articlesByTopic: ReadonlyMap<string, readonly Article[]>;
  /** The topics of each entity's articles, counted as topicsByEvent counts an event's. */
  topicsByEntity: ReadonlyMap<string, readonly TopicCount[]>;
  /** The topics of each source's articles, counted likewise. */
  topicsBySource: ReadonlyMap<string, readonly TopicCount[]>;
  /**
   * The entities one of the index's lists of articles (an entity's, a topic's, a source's, the archive's) mentions
   * most, counted (MOST_MENTIONED of them, most first, then by id), leaving out `except` (the entity whose list it
   * is). Worked out once a list, when a page first asks: the search and the exports build this index too, and
   * never ask.
   */
  mostMentioned: (articles: readonly Article[], except?: string) => readonly EntityCount[];
  /** The years of one of the index's lists of articles, newest first (yearRuns): worked out once a list, when a page asks. */
  articleYears: (articles: readonly Article[]) => readonly YearRun[];
  /** Each topic's events (those some article of whose coverage is about it), oldest first. */
  eventsByTopic: ReadonlyMap<string, readonly Event[]>;
  /** The topics some article is about: those that have a page and a search record. */
  topicsCovered: readonly Topic[];
  articlesBySource: ReadonlyMap<string, readonly Article[]>;
  articlesByLanguage: ReadonlyMap<string, readonly Article[]>;
  eventsByEntity: ReadonlyMap<string, readonly Event[]>;
  /** Content languages, most articles first. */
  languages: readonly string[];
  /** How many entities there are of each kind. */
  entitiesPerKind: ReadonlyMap<Entity['kind'], number>;
}

/** A language and how many articles it has in some list. */
export type LanguageCount = readonly [language: string, articles: number];
/** A record's id and how many articles of some list are about it (a topic) or mention it (an entity). */
export type RecordCount = readonly [id: string, articles: number];
/** A topic and how many articles of some list are about it. */
export type TopicCount = RecordCount;
/** An entity and how many articles of some list mention it. */
export type EntityCount = RecordCount;

/** How many entities a page names as the most mentioned by its articles. */
export const MOST_MENTIONED = 10;

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
  const articlesByTopic = new Map<string, Article[]>();
  const articlesBySource = new Map<string, Article[]>();
  const articlesByLanguage = new Map<string, Article[]>();
  for (const article of articlesByDate) {
    for (const event of article.events) pushTo(articlesByEvent, event, article);
    for (const entity of article.entities) pushTo(articlesByEntity, entity, article);
    for (const topic of article.topics) pushTo(articlesByTopic, topic, article);
    pushTo(articlesBySource, article.source, article);
    pushTo(articlesByLanguage, article.language, article);
  }
  const timeline = [...input.events].sort(byOldestEvent);
  const timelineNewestFirst = [...timeline].reverse();
  const eventsByEntity = new Map<string, Event[]>();
  for (const event of timeline) {
    for (const entity of new Set([event.place, ...event.participants])) pushTo(eventsByEntity, entity, event);
  }
  const languages = [...articlesByLanguage.keys()].sort(
    (a, b) => articlesByLanguage.get(b)!.length - articlesByLanguage.get(a)!.length || a.localeCompare(b),
  );
  const coverageByEvent = new Map<string, Article[]>();
  const languagesByEvent = new Map<string, LanguageCount[]>();
  const topicsByEvent = new Map<string, TopicCount[]>();
  for (const [event, articles] of articlesByEvent) {
    const groups = groupByLanguage(articles);
    coverageByEvent.set(event, groups.flatMap(([, group]) => group));
    languagesByEvent.set(event, groups.map(([language, group]) => [language, group.length] as const));
    topicsByEvent.set(event, countTopics(articles));
  }
  const eventsByTopic = new Map<string, Event[]>();
  for (const event of timeline) {
    for (const [topic] of topicsByEvent.get(event.id) ?? []) pushTo(eventsByTopic, topic, event);
  }
  return {
    articles: byId(input.articles),
    events: byId(input.events),
    sources: byId(input.sources),
    entities: byId(input.entities),
    topics: byId(input.topics),
    sourcesByName: [...input.sources].sort((a, b) => a.name_latin.localeCompare(b.name_latin, 'en') || a.id.localeCompare(b.id)),
    articlesByDate,
    articlesByAdded: [...articlesByDate].sort((a, b) => b.added.localeCompare(a.added)),
    timeline,
    timelineNewestFirst,
    eventYears: yearRuns(timelineNewestFirst, (event) => event.date.value.slice(0, 4)),
    articlesByEvent,
    coverageByEvent,
    languagesByEvent,
    topicsByEvent,
    topicsByEntity: countTopicsOf(articlesByEntity),
    topicsBySource: countTopicsOf(articlesBySource),
    mostMentioned: mostMentionedOnce(),
    articleYears: memoizeWeak((articles: readonly Article[]) => yearRuns(articles, (article) => article.published.value.slice(0, 4))),
    timelinePosition: new Map(timeline.map((event, position) => [event.id, position])),
    articlesByEntity,
    articlesByTopic,
    eventsByTopic,
    topicsCovered: input.topics.filter((topic) => articlesByTopic.has(topic.id)),
    articlesBySource,
    articlesByLanguage,
    eventsByEntity,
    languages,
    entitiesPerKind: input.entities.reduce((counts, entity) => counts.set(entity.kind, (counts.get(entity.kind) ?? 0) + 1), new Map<Entity['kind'], number>()),
  };
}

/** The topics of some articles, each with how many of them are about it: most first, then by id. */
function countTopics(articles: readonly Article[]): TopicCount[] {
  return countIds(articles, (article) => article.topics);
}

/** Most first, then by id. */
const byCount = (a: RecordCount, b: RecordCount) => b[1] - a[1] || a[0].localeCompare(b[0]);

/** How many of some articles list each id `idsOf` gives: most first, then by id; the first `limit` only, if given. */
function countIds(articles: readonly Article[], idsOf: (article: Article) => readonly string[], limit = Infinity): RecordCount[] {
  const counts = new Map<string, number>();
  for (const article of articles) for (const id of idsOf(article)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return limit < counts.size ? firstInOrder(counts, limit) : [...counts].sort(byCount);
}

/**
 * The first `limit` counts in byCount's order, without sorting them all: an entity's co-mentions at 100,000
 * articles run to thousands, of which a page shows ten (sorting every list took 2.4 s of the site's build).
 */
function firstInOrder(counts: ReadonlyMap<string, number>, limit: number): RecordCount[] {
  const first: RecordCount[] = [];
  for (const entry of counts) {
    if (first.length === limit) {
      if (byCount(entry, first[limit - 1]!) >= 0) continue;
      first.pop();
    }
    let at = first.length;
    while (at > 0 && byCount(entry, first[at - 1]!) < 0) at--;
    first.splice(at, 0, entry);
  }
  return first;
}

/**
 * The entities some articles mention most, each with how many of them mention it: most first, then by id; at
 * most MOST_MENTIONED, leaving out `except` (the entity all of them mention). Each list is counted once: its top
 * one more than is shown, so that leaving out the list's own entity still leaves enough.
 */
function mostMentionedOnce(): ArchiveIndex['mostMentioned'] {
  const top = memoizeWeak((articles: readonly Article[]) => countIds(articles, (article) => article.entities, MOST_MENTIONED + 1));
  return (articles, except) => top(articles).filter(([id]) => id !== except).slice(0, MOST_MENTIONED);
}

/** The topics of each list of articles, counted (countTopics), by the list's key. */
function countTopicsOf(lists: ReadonlyMap<string, readonly Article[]>): Map<string, TopicCount[]> {
  return new Map([...lists].map(([key, articles]) => [key, countTopics(articles)]));
}

/**
 * The latest `limit` of a list of events in timeline order, newest first.
 * @example latestEvents(timeline, 2) // the last two events, the newest first
 */
export function latestEvents(events: readonly Event[], limit: number): Event[] {
  return events.slice(-limit).reverse();
}

/** The events before and after `eventId` on the timeline. */
export function timelineNeighbours(index: Pick<ArchiveIndex, 'timeline' | 'timelinePosition'>, eventId: string): { previous?: Event | undefined; next?: Event | undefined } {
  const position = index.timelinePosition.get(eventId);
  if (position === undefined) return {};
  return { previous: index.timeline[position - 1], next: index.timeline[position + 1] };
}

/** One event's coverage as a languages × sources grid, for "who covered it". */
export interface CoverageGrid {
  languages: string[];
  /** The sources with most articles, as many as the grid has columns for. */
  sources: string[];
  /** How many further sources covered the event; their articles are counted together. */
  otherSources: number;
  /** Articles in one language from one source. */
  cell: (language: string, source: string) => readonly Article[];
  /** How many articles in one language came from the sources not shown. */
  otherCell: (language: string) => number;
}

/** Columns of the coverage grid: a big event is covered by hundreds of sources, and a row must stay readable. */
export const GRID_SOURCES = 12;

/** Arranges articles in a languages × sources grid, most-covered language and source first. */
export function buildCoverageGrid(articles: readonly Article[], maxSources = GRID_SOURCES): CoverageGrid {
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
  const sources = ranked(sourceCounts);
  const shown = sources.slice(0, maxSources);
  const cell = (language: string, source: string) => cells.get(`${language}\u0000${source}`) ?? [];
  return {
    languages: ranked(languageCounts),
    sources: shown,
    otherSources: sources.length - shown.length,
    cell,
    otherCell: (language) => sources.slice(maxSources).reduce((sum, source) => sum + cell(language, source).length, 0),
  };
}

/** Groups articles by language, the language with most articles first; each group keeps the order given. */
export function groupByLanguage(articles: readonly Article[]): [string, Article[]][] {
  const groups = new Map<string, Article[]>();
  for (const article of articles) pushTo(groups, article.language, article);
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

/**
 * Splits a list into runs of consecutive items with the same key: the language
 * groups of one page of an event's coverage, the kinds on one page of entities.
 * @example consecutiveRuns(['a1', 'a2', 'b1'], (s) => s[0]) // [['a', ['a1', 'a2']], ['b', ['b1']]]
 */
export function consecutiveRuns<T, K>(items: readonly T[], keyOf: (item: T) => K): [K, T[]][] {
  const runs: [K, T[]][] = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = runs.at(-1);
    if (last && last[0] === key) last[1].push(item);
    else runs.push([key, [item]]);
  }
  return runs;
}

/** What findBrokenReferences reads of the records: their ids and the fields that refer to others. */
export interface ReferenceInput {
  articles: readonly (Pick<Article, 'id' | 'source' | 'events' | 'entities' | 'topics'> & { editorial_notes: readonly Pick<Article['editorial_notes'][number], 'see'>[] })[];
  events: readonly Pick<Event, 'id' | 'place' | 'participants' | 'related'>[];
  sources: readonly Pick<Source, 'id'>[];
  entities: readonly Pick<Entity, 'id'>[];
  topics: readonly Pick<Topic, 'id'>[];
  files?: ArchiveInput['files'];
  /** Ids whose files exist but could not be read (content:check reports those files): a reference to one is not broken. */
  unreadable?: Partial<Record<'articles' | 'events' | 'sources' | 'entities' | 'topics', ReadonlySet<string>>>;
}

/** Every reference between records that does not resolve, as located problems. */
export function findBrokenReferences(input: ReferenceInput): ContentProblem[] {
  const ids = {
    events: new Set(input.events.map((r) => r.id)),
    sources: new Set(input.sources.map((r) => r.id)),
    entities: new Set(input.entities.map((r) => r.id)),
    topics: new Set(input.topics.map((r) => r.id)),
    articles: new Set(input.articles.map((r) => r.id)),
  };
  const problems: ContentProblem[] = [];
  const fileOf = input.files ?? ((collection, id) => `content/${collection}/${id}`);
  const check = (collection: string, id: string, field: string, target: keyof typeof ids, value: string) => {
    if (ids[target].has(value) || input.unreadable?.[target]?.has(value)) return;
    const meant = nearestId(value, ids[target]);
    const record = `content/${collections[target].folder}/${value}${collections[target].extension}`;
    problems.push({
      file: fileOf(collection, id),
      line: 1,
      column: 1,
      field,
      message: `refers to "${value}", which is not in content/${target}/`,
      fix: meant ? `did you mean "${meant}"? If not, add ${record}` : `correct the id, or add ${record}`,
      rule: 'reference',
    });
  };
  for (const a of input.articles) {
    check('articles', a.id, 'source', 'sources', a.source);
    a.events.forEach((e, i) => check('articles', a.id, `events.${i}`, 'events', e));
    a.entities.forEach((e, i) => check('articles', a.id, `entities.${i}`, 'entities', e));
    a.topics.forEach((t, i) => check('articles', a.id, `topics.${i}`, 'topics', t));
    a.editorial_notes.forEach((n, i) => n.see && check('articles', a.id, `editorial_notes.${i}.see`, 'articles', n.see));
  }
  for (const e of input.events) {
    check('events', e.id, 'place', 'entities', e.place);
    e.participants.forEach((p, i) => check('events', e.id, `participants.${i}`, 'entities', p));
    e.related.forEach((r, i) => check('events', e.id, `related.${i}`, 'events', r));
  }
  return problems;
}

/**
 * Other articles on the same events as `article`, for its page: at most `limit`,
 * taken in turn from each language of each event's coverage (other languages
 * first), so that the other-language coverage shows even when an event has
 * thousands of articles. Its events' pages list them all.
 */
export function otherCoverage(article: Article, index: Pick<ArchiveIndex, 'coverageByEvent' | 'languagesByEvent'>, limit: number): Article[] {
  // One queue per event and language, over that language's run of the event's coverage.
  const queues: { language: string; coverage: readonly Article[]; next: number; end: number }[] = [];
  for (const event of article.events) {
    const coverage = index.coverageByEvent.get(event) ?? [];
    let start = 0;
    for (const [language, count] of index.languagesByEvent.get(event) ?? []) {
      queues.push({ language, coverage, next: start, end: start + count });
      start += count;
    }
  }
  queues.sort((a, b) => Number(a.language === article.language) - Number(b.language === article.language));
  const picked: Article[] = [];
  const seen = new Set([article.id]);
  while (picked.length < limit && queues.some((queue) => queue.next < queue.end)) {
    for (const queue of queues) {
      while (queue.next < queue.end && seen.has(queue.coverage[queue.next]!.id)) queue.next++;
      if (queue.next === queue.end) continue;
      const other = queue.coverage[queue.next++]!;
      seen.add(other.id);
      picked.push(other);
      if (picked.length === limit) break;
    }
  }
  return picked;
}
