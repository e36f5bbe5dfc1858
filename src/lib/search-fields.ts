/**
 * What each indexed page tells Pagefind: the bundle (language index) it goes
 * to, its metadata, filters and sort keys, and the names it should be found
 * by in every language and script (entity names and aliases, event titles).
 * Pure: scripts/search-index.ts turns them into Pagefind records (src/lib/search-records.ts).
 */
import { defaultLocale, localeKeys } from '../i18n/locales.ts';
import type { Article, Entity, Event, Source, Topic } from '../schema/index.ts';
import type { ArchiveIndex } from './archive-index.ts';
import type { FilterLabel, LabelledFilter } from './filter-labels.ts';
import { likelyScript } from './languages.ts';
import { memoize } from './memoize.ts';
import { entityName, eventTitle, sourceName, topicName, type LangText } from './names.ts';
import { paths } from './routing.ts';
import { languageForScript, scriptOf } from './scripts.ts';

/** Kinds of page in the search index, in the order filters list them. */
export const SEARCH_TYPES = ['article', 'event', 'entity', 'source', 'documentation'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchFields {
  /** The page's URL (English variant for pages that exist in every locale). */
  url: string;
  /** The title shown in results ("" for an untitled article). */
  title: string;
  /** The Pagefind bundle (one index per language) this page belongs to. */
  bundle: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
  /** Names the page should be found by, in its own script: indexed with the page, not shown. */
  aliases: string[];
  /**
   * Names in other scripts, by script. Each goes to that script's bundle so
   * that only a stemmer for that script ever reads it (an Arabic stemmer
   * reading Devanagari turns प्रतिबंध into पर and matches the wrong word), and
   * a query loads only the bundles of its own script: the Latin names and
   * English title of a Hindi article are found in the English bundle.
   */
  foreignNames: Record<string, string[]>;
}

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * The names, each once, less those that are a run of whole words of a longer one ("Putin" beside "Vladimir
 * Putin"): their words are indexed already, and in an excerpt they only repeat ("Vladimir Putin · Putin").
 * @example distinctNames(['Vladimir Putin', 'Putin', 'Lukashenka']) // ["Vladimir Putin", "Lukashenka"]
 */
export function distinctNames(names: readonly string[]): string[] {
  const once = unique(names);
  const words = once.map((name) => name.split(/\s+/u));
  // Only runs as long as some name can equal one; a page's names are short beside its events' titles.
  const lengths = [...new Set(words.map((w) => w.length))];
  const insideLonger = new Set<string>();
  for (const nameWords of words) {
    for (const length of lengths) {
      if (length >= nameWords.length) continue;
      for (let start = 0; start + length <= nameWords.length; start++) insideLonger.add(nameWords.slice(start, start + length).join(' '));
    }
  }
  return once.filter((_, i) => !insideLonger.has(words[i]!.join(' ')));
}

/** Sorts names into those indexed with a page written in `pageScript` and those indexed per script. */
function splitNames(names: readonly string[], pageScript: string): Pick<SearchFields, 'aliases' | 'foreignNames'> {
  const aliases: string[] = [];
  // A page in another script always has a Latin record: its text may hold Latin words even when it names nothing in Latin.
  const foreignNames: Record<string, string[]> = pageScript === 'Latn' ? {} : { Latn: [] };
  for (const name of distinctNames(names)) {
    const script = scriptOf(name);
    if (script === pageScript || script === 'Zyyy') aliases.push(name);
    else (foreignNames[script] ??= []).push(name);
  }
  return { aliases, foreignNames };
}

/**
 * The bundle that indexes text written in `script`: that of the script's
 * language, stemmed for it. It holds the pages in that language and the names
 * other pages are found by in that script.
 * @example bundleForScript('Deva') // "hi"
 * @example bundleForScript('Latn') // "en"
 */
export function bundleForScript(script: string): string {
  return languageForScript(script);
}

/** The language bundle for content in `lang`: its primary language subtag. */
export const bundleForLanguage = memoize((lang: string): string => new Intl.Locale(lang).language);

/** A record's names by language: an entity's lists of them, a topic's or an event's one a language. */
type NamesByLanguage = Readonly<Record<string, string | readonly string[]>>;

/** Every title of an event by language: English and each coverage language's. */
function titlesOf(event: Event): NamesByLanguage {
  return { ...event.titles, en: event.title };
}

/**
 * The names of some records, those in `lang` first, then the others, each in the records' order: an excerpt
 * around one of a page's names then shows the names beside it in the same language ("Nuclear weapons ·
 * Sanctions", not "Nuclear weapons · Senjata nuklear").
 * @example namesLanguageFirst('en', [{ en: 'Trade', ms: 'Perdagangan' }, { en: 'Energy', ms: 'Tenaga' }]) // ["Trade", "Energy", "Perdagangan", "Tenaga"]
 */
export function namesLanguageFirst(lang: string, records: readonly NamesByLanguage[]): string[] {
  const entries = records.flatMap((names) => Object.entries(names));
  return [...entries.filter(([language]) => language === lang), ...entries.filter(([language]) => language !== lang)].flatMap(([, names]) => names);
}

/**
 * A name as each other interface language shows it, where one is recorded:
 * meta `<field>_in_<lang>`, so that a result read in the Hindi interface shows
 * the title the Hindi page shows (बेलारूस, not Belarus); the field itself is
 * the name the English page shows. Fragments carry meta, so this costs a
 * reader bytes only for results shown.
 * @example localizedMeta('title', (lang) => entityName(belarus, lang)) // { title_in_hi: "बेलारूस", title_in_ar: "بيلاروسيا" }
 */
function localizedMeta(field: string, name: (lang: string) => LangText): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const lang of localeKeys) {
    if (lang === defaultLocale) continue;
    const localized = name(lang);
    if (localized.lang === lang) meta[`${field}_in_${lang}`] = localized.text;
  }
  return meta;
}

/**
 * The value a record has in the search filters: its English name, the same in every bundle, so that the
 * counts of several bundles add up (src/lib/filter-labels.ts gives each its name in another interface language).
 */
export const filterValue = {
  event: (event: Pick<Event, 'title'>) => event.title,
  entity: (entity: Pick<Entity, 'names'>) => entity.names.en![0]!,
  source: (source: Pick<Source, 'name_latin'>) => source.name_latin,
  topic: (topic: Pick<Topic, 'names'>) => topic.names.en!,
};

/**
 * The labels of the filter values in interface language `lang`, by filter and value: a value has one when its
 * record has a name in `lang` that differs from it. Two records with one English name share a filter value:
 * the first by id labels it.
 * @example filterLabels(archive, 'hi') // [["entity", "Belarus", "बेलारूस"], …]
 */
export function filterLabels(archive: Pick<ArchiveIndex, 'events' | 'entities' | 'sources' | 'topics'>, lang: string): FilterLabel[] {
  const labels = new Map<string, FilterLabel>();
  const add = (filter: LabelledFilter, value: string, name: LangText) => {
    const key = `${filter}:${value}`;
    if (name.lang === lang && name.text !== value && !labels.has(key)) labels.set(key, [filter, value, name.text]);
  };
  const byId = <T extends { id: string }>(records: Iterable<T>) => [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const event of byId(archive.events.values())) add('event', filterValue.event(event), eventTitle(event, lang));
  for (const entity of byId(archive.entities.values())) add('entity', filterValue.entity(entity), entityName(entity, lang));
  for (const source of byId(archive.sources.values())) add('source', filterValue.source(source), sourceName(source, lang));
  for (const topic of byId(archive.topics.values())) add('topic', filterValue.topic(topic), topicName(topic, lang));
  return [...labels.keys()].sort().map((key) => labels.get(key)!);
}

/** The URL a page is indexed under: events, entities, sources and topics in their English version. */
export const searchUrl = {
  article: (id: string) => paths.article(id),
  event: (id: string) => paths.event('en', id),
  entity: (id: string) => paths.entity('en', id),
  source: (id: string) => paths.source('en', id),
  topic: (id: string) => paths.topic('en', id),
};

/** Search fields of an article page. */
export function articleSearchFields(article: Article, archive: Pick<ArchiveIndex, 'entities' | 'events' | 'sources' | 'topics'>): SearchFields {
  const source = archive.sources.get(article.source)!;
  const entities = article.entities.map((id) => archive.entities.get(id)!);
  const events = article.events.map((id) => archive.events.get(id)!);
  return {
    url: searchUrl.article(article.id),
    title: article.title ?? '',
    bundle: bundleForLanguage(article.language),
    meta: {
      type: 'article',
      language: article.language,
      source: sourceName(source, defaultLocale).text,
      ...localizedMeta('source', (lang) => sourceName(source, lang)),
      published: article.published.value,
      precision: article.published.precision,
      ...(article.title_en ? { title_en: article.title_en.text } : {}),
      ...(article.title ? {} : { untitled: 'true' }),
    },
    filters: {
      type: ['article'],
      language: [article.language],
      source: [filterValue.source(source)],
      event: events.map(filterValue.event),
      entity: unique(entities.map(filterValue.entity)),
      entity_kind: unique(entities.map((e) => e.kind)),
      topic: article.topics.map((id) => filterValue.topic(archive.topics.get(id)!)),
      year: [article.published.value.slice(0, 4)],
    },
    sort: { date: article.published.value },
    ...splitNames(
      [
        ...(article.title_en ? [article.title_en.text] : []),
        ...namesLanguageFirst(article.language, [...entities.map((entity) => entity.names), ...events.map(titlesOf)]),
        source.name, source.name_latin, ...Object.values(source.names),
      ],
      likelyScript(article.language),
    ),
  };
}

/** Search fields of an event page (indexed in its English version). */
export function eventSearchFields(event: Event, archive: Pick<ArchiveIndex, 'entities' | 'topics' | 'topicsByEvent'>): SearchFields {
  const entities = [event.place, ...event.participants].map((id) => archive.entities.get(id)!);
  // An event is about what its coverage is about, as its page says.
  const topics = (archive.topicsByEvent.get(event.id) ?? []).map(([id]) => archive.topics.get(id)!);
  return {
    url: searchUrl.event(event.id),
    title: eventTitle(event, defaultLocale).text,
    bundle: 'en',
    meta: { type: 'event', published: event.date.value, precision: event.date.precision, ...localizedMeta('title', (lang) => eventTitle(event, lang)) },
    filters: {
      type: ['event'],
      entity: unique(entities.map(filterValue.entity)),
      entity_kind: unique(entities.map((e) => e.kind)),
      topic: topics.map(filterValue.topic),
      year: [event.date.value.slice(0, 4)],
    },
    sort: { date: event.date.value },
    // Found by its topics' names too, in any script: "العقوبات" finds the events covered as sanctions.
    ...splitNames(namesLanguageFirst(defaultLocale, [titlesOf(event), ...entities.map((entity) => entity.names), ...topics.map((topic) => topic.names)]), 'Latn'),
  };
}

/** Search fields of an entity page (indexed in its English version). */
export function entitySearchFields(entity: Entity): SearchFields {
  return {
    url: searchUrl.entity(entity.id),
    title: entityName(entity, defaultLocale).text,
    bundle: 'en',
    meta: { type: 'entity', kind: entity.kind, ...localizedMeta('title', (lang) => entityName(entity, lang)) },
    filters: { type: ['entity'], entity: [filterValue.entity(entity)], entity_kind: [entity.kind] },
    sort: {},
    ...splitNames(namesLanguageFirst(defaultLocale, [entity.names]), 'Latn'),
  };
}

/** Search fields of a source page (indexed in its English version). */
export function sourceSearchFields(source: Source): SearchFields {
  return {
    url: searchUrl.source(source.id),
    title: sourceName(source, defaultLocale).text,
    bundle: 'en',
    meta: { type: 'source', ...localizedMeta('title', (lang) => sourceName(source, lang)) },
    filters: { type: ['source'], source: [filterValue.source(source)] },
    sort: {},
    ...splitNames([source.name, source.name_latin, ...Object.values(source.names)], 'Latn'),
  };
}

/** Search fields of a topic's page (indexed in its English version): found by its names in every script. */
export function topicSearchFields(topic: Topic): SearchFields {
  return {
    url: searchUrl.topic(topic.id),
    title: topic.names.en!,
    bundle: 'en',
    meta: { type: 'topic', ...localizedMeta('title', (lang) => topicName(topic, lang)) },
    filters: { type: ['topic'], topic: [filterValue.topic(topic)] },
    sort: {},
    ...splitNames(Object.values(topic.names), 'Latn'),
  };
}

/** Search fields of a documentation page. */
export function documentationSearchFields(url: string, title: string): SearchFields {
  return { url, title, bundle: 'en', meta: { type: 'documentation' }, filters: { type: ['documentation'] }, sort: {}, aliases: [], foreignNames: {} };
}
