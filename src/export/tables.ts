/**
 * The dataset as tables: one row per record, nested front matter flattened
 * into typed columns, lists kept as lists, and maps and lists of objects in
 * tables of their own. Pure: the writers turn these into CSV, JSON Lines,
 * Parquet and SQLite, and the importer turns JSON Lines back into content.
 */
import { createHash } from 'node:crypto';
import type { Article, Entity, Event, Source, Topic } from '../schema/index.ts';
import type { Dataset } from '../schema/dataset.ts';
import { describeCollection } from '../schema/dictionary.ts';
import { paths } from '../lib/routing.ts';
import { countWords } from '../lib/words.ts';
import { markdownToText } from './plain-text.ts';

/** Column types, as Frictionless Table Schema names them. */
export type ColumnType = 'string' | 'integer' | 'boolean' | 'date' | 'array';

export interface Column {
  name: string;
  type: ColumnType;
  description: string;
  required?: boolean;
  /** For arrays: the type of the items. */
  itemType?: 'string' | 'integer';
  /** Allowed values, when the column is an enumeration. */
  enum?: readonly string[];
  example?: string;
}

export interface Table {
  name: string;
  description: string;
  columns: Column[];
  primaryKey: string[];
  foreignKeys: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  rows: Record<string, unknown>[];
  /**
   * For a table whose rows are costly to make (the articles, with their texts): a key for each row,
   * the SHA-256 of everything the row is made from. A writer may copy the bytes an earlier export
   * wrote for a row under the same key, without making the row (writers.ts, row-cache.ts).
   */
  rowKeys?: string[];
}

/** A record with its body and file, as the content loader gives it. */
export interface BodyRecord<T> {
  data: T;
  body: string;
}

/** An article with its body known by its key (body-key.ts), read only when a row needs it. */
export interface KeyedBodyRecord<T> {
  data: T;
  bodyKey: string;
  readBody: () => string;
}

export interface ExportInput {
  articles: readonly KeyedBodyRecord<Article>[];
  events: readonly BodyRecord<Event>[];
  sources: readonly Source[];
  entities: readonly Entity[];
  topics: readonly Topic[];
  /** Size and hash of each capture file, by its path relative to content/. */
  captures: ReadonlyMap<string, { bytes: number; sha256: string }>;
  dataset: Dataset;
  /** Absolute site URL, for page URLs. */
  siteUrl: string;
  /** Plain text of a Markdown body, by the body's key, and how many words it has (see bodyTextOf for the reference). */
  bodyText: (key: string, markdown: () => string, lang: string) => BodyText;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The body as the exports fingerprint it: NFC, LF line endings, no trailing white space.
 * @example normalizeBody('a \r\nb\n\n') // "a\nb"
 */
export function normalizeBody(markdown: string): string {
  return markdown.normalize('NFC').replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
}

/** A body's plain text and its number of words. */
export interface BodyText {
  text: string;
  words: number;
}

/** A Markdown body's plain text and word count, computed (the build reads them from the body cache instead). */
export function bodyTextOf(markdown: string, lang: string): BodyText {
  const text = markdownToText(markdown);
  return { text, words: countWords(text, lang) };
}

/** ExportInput's `bodyText` that works out every text (for a few records: the export reads them from the body cache). */
export const computeBodyText: ExportInput['bodyText'] = (_key, markdown, lang) => bodyTextOf(markdown(), lang);

/**
 * Adds an article's body columns to its row, made (reading the body, its text and its hash) when one
 * is first read: a writer that copies the row's bytes from an earlier export never reads them.
 */
function withBodyColumns(row: Record<string, unknown>, record: KeyedBodyRecord<Article>, bodyText: ExportInput['bodyText']): Record<string, unknown> {
  let columns: { body_markdown: string; body_text: string; body_sha256: string; word_count: number } | undefined;
  const made = () => {
    if (columns) return columns;
    const markdown = record.readBody();
    const { text, words } = bodyText(record.bodyKey, () => markdown, record.data.language);
    return (columns = { body_markdown: markdown, body_text: text, body_sha256: sha256(normalizeBody(markdown)), word_count: words });
  };
  for (const name of ['body_markdown', 'body_text', 'body_sha256', 'word_count'] as const) Object.defineProperty(row, name, { get: () => made()[name], enumerable: true });
  return row;
}

/** The first day of a date of any precision, e.g. "2024-01" → "2024-01-01". */
export function firstDay(value: string): string {
  return [...value.split('-'), '01', '01'].slice(0, 3).join('-');
}

/** Descriptions of a collection's fields from the schema module, by dotted path. */
function schemaDescriptions(collection: 'articles' | 'events' | 'sources' | 'entities' | 'topics'): (path: string) => string {
  const fields = new Map(describeCollection(collection).map((f) => [f.path, f.description]));
  return (path) => {
    const description = fields.get(path);
    if (description === undefined) throw new Error(`No field "${path}" in the ${collection} schema: the export and the schema disagree`);
    return description;
  };
}

const byKey = <T>(key: (row: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b), 'en');

/** A table of which article goes with which record of another collection: each record an article lists, once, in its order. */
function articleLinks(
  articles: readonly { data: Article }[],
  name: string,
  description: string,
  link: { column: string; resource: string; description: string; ids: (article: Article) => readonly string[] },
): Table {
  return {
    name,
    description,
    primaryKey: ['article', link.column],
    foreignKeys: [
      { fields: ['article'], reference: { resource: 'articles', fields: ['id'] } },
      { fields: [link.column], reference: { resource: link.resource, fields: ['id'] } },
    ],
    columns: [
      { name: 'article', type: 'string', description: 'The article.', required: true },
      { name: link.column, type: 'string', description: link.description, required: true },
    ],
    rows: articles.flatMap(({ data }) => link.ids(data).map((id) => ({ article: data.id, [link.column]: id }))),
  };
}

/** Builds every table of the dataset. */
export function buildTables(input: ExportInput): Table[] {
  const url = (path: string) => new URL(path, input.siteUrl).href;
  const a = schemaDescriptions('articles');
  const e = schemaDescriptions('events');
  const s = schemaDescriptions('sources');
  const n = schemaDescriptions('entities');
  const o = schemaDescriptions('topics');
  const sources = new Map(input.sources.map((source) => [source.id, source]));
  const articles = [...input.articles].sort(byKey((r) => r.data.id));
  const events = [...input.events].sort(byKey((r) => r.data.id));

  const articleRows = articles.map((record) => {
    const { data } = record;
    const source = sources.get(data.source);
    const row: Record<string, unknown> = {
      id: data.id,
      url: url(paths.article(data.id)),
      title: data.title,
      title_missing: data.title_missing ?? null,
      title_en: data.title_en?.text ?? null,
      title_en_by: data.title_en?.by ?? null,
      title_en_agent: data.title_en?.agent ?? null,
      language: data.language,
      published: data.published.value,
      published_precision: data.published.precision,
      published_basis: data.published.basis,
      published_evidence: data.published.evidence,
      published_start: firstDay(data.published.value),
      source: data.source,
      byline: data.byline ?? null,
      events: data.events,
      entities: data.entities,
      topics: data.topics,
      capture_path: data.capture.path,
      capture_sha256: data.capture.sha256,
      capture_first_line: data.capture.lines?.[0] ?? null,
      capture_last_line: data.capture.lines?.[1] ?? null,
      origin_url: data.capture.origin.url,
      origin_retrieved: data.capture.origin.retrieved,
      origin_description: data.capture.origin.description,
      editorial_note_count: data.editorial_notes.length,
      withdrawn: data.withdrawn?.date ?? null,
      withdrawn_reason: data.withdrawn?.reason ?? null,
      rights: `© ${source?.name_latin ?? data.source}. ${input.dataset.rights.split('. ')[0]}.`,
      added: data.added,
      modified: data.modified ?? null,
    };
    // Every value but the body's, then the body's key: the row's columns follow from them.
    const key = sha256(`${JSON.stringify(row)}\0${record.bodyKey}`);
    return { row: withBodyColumns(row, record, input.bodyText), key };
  });

  const articleTable: Table = {
    name: 'articles',
    description: 'One row per archived article (withdrawn ones remain as tombstones), with its provenance, body and derived fields.',
    primaryKey: ['id'],
    foreignKeys: [{ fields: ['source'], reference: { resource: 'sources', fields: ['id'] } }],
    columns: [
      { name: 'id', type: 'string', description: a('id'), required: true },
      { name: 'url', type: 'string', description: 'Address of the article\'s page in the archive.', required: true },
      { name: 'title', type: 'string', description: a('title') },
      { name: 'title_missing', type: 'string', description: a('title_missing') },
      { name: 'title_en', type: 'string', description: 'The English rendering of the headline (title_en.text in the content files), for readers who do not read its language.' },
      { name: 'title_en_by', type: 'string', description: a('title_en.by'), enum: ['editor', 'machine'] },
      { name: 'title_en_agent', type: 'string', description: a('title_en.agent') },
      { name: 'language', type: 'string', description: a('language'), required: true },
      { name: 'published', type: 'string', description: a('published.value'), required: true },
      { name: 'published_precision', type: 'string', description: a('published.precision'), required: true, enum: ['day', 'month', 'year'] },
      { name: 'published_basis', type: 'string', description: a('published.basis'), required: true, enum: ['stated', 'inferred'] },
      { name: 'published_evidence', type: 'string', description: a('published.evidence'), required: true },
      { name: 'published_start', type: 'date', description: 'First day of the published period (the date itself when known to the day), for sorting and filtering.', required: true },
      { name: 'source', type: 'string', description: a('source'), required: true },
      { name: 'byline', type: 'string', description: a('byline') },
      { name: 'events', type: 'array', itemType: 'string', description: a('events'), required: true },
      { name: 'entities', type: 'array', itemType: 'string', description: a('entities'), required: true },
      { name: 'topics', type: 'array', itemType: 'string', description: a('topics'), required: true },
      { name: 'capture_path', type: 'string', description: a('capture.path'), required: true },
      { name: 'capture_sha256', type: 'string', description: a('capture.sha256'), required: true },
      { name: 'capture_first_line', type: 'integer', description: 'First line of the capture that holds this article, when the capture holds more than one.' },
      { name: 'capture_last_line', type: 'integer', description: 'Last line of the capture that holds this article, when the capture holds more than one.' },
      { name: 'origin_url', type: 'string', description: a('capture.origin.url') },
      { name: 'origin_retrieved', type: 'date', description: a('capture.origin.retrieved') },
      { name: 'origin_description', type: 'string', description: a('capture.origin.description'), required: true },
      { name: 'editorial_note_count', type: 'integer', description: 'How many editorial notes the article has (the notes are in the editorial_notes table).', required: true },
      { name: 'withdrawn', type: 'date', description: a('withdrawn.date') },
      { name: 'withdrawn_reason', type: 'string', description: a('withdrawn.reason') },
      { name: 'rights', type: 'string', description: 'Rights in the article: it belongs to its publisher; see the dataset\'s rights statement.', required: true },
      { name: 'added', type: 'date', description: a('added'), required: true },
      { name: 'modified', type: 'date', description: a('modified') },
      { name: 'body_markdown', type: 'string', description: 'The article text as Markdown, exactly as in the content file (empty for a withdrawn article).', required: true },
      { name: 'body_text', type: 'string', description: 'The article text as plain text, without Markdown.', required: true },
      { name: 'body_sha256', type: 'string', description: 'SHA-256 of the body Markdown normalized to NFC, LF line endings, no trailing white space.', required: true },
      { name: 'word_count', type: 'integer', description: 'Words in the plain text, by Unicode word segmentation for the article\'s language.', required: true },
    ],
    rows: articleRows.map(({ row }) => row),
    rowKeys: articleRows.map(({ key }) => key),
  };

  const editorialNotes: Table = {
    name: 'editorial_notes',
    description: 'Every change made between a capture and its article, one row per note, in the order of the article\'s notes.',
    primaryKey: ['article', 'position'],
    foreignKeys: [{ fields: ['article'], reference: { resource: 'articles', fields: ['id'] } }],
    columns: [
      { name: 'article', type: 'string', description: 'The article the note belongs to.', required: true },
      { name: 'position', type: 'integer', description: 'Position of the note in the article\'s list, from 0.', required: true },
      { name: 'action', type: 'string', description: a('editorial_notes[].action'), required: true, enum: ['removed', 'corrected', 'split', 'annotated', 'retained'] },
      { name: 'text', type: 'string', description: a('editorial_notes[].text'), required: true },
      { name: 'reason', type: 'string', description: a('editorial_notes[].reason'), required: true },
      { name: 'result', type: 'string', description: a('editorial_notes[].result') },
      { name: 'see', type: 'string', description: a('editorial_notes[].see') },
    ],
    rows: articles.flatMap(({ data }) =>
      data.editorial_notes.map((note, position) => ({
        article: data.id, position, action: note.action, text: note.text, reason: note.reason, result: note.result ?? null, see: note.see ?? null,
      })),
    ),
  };

  const eventTable: Table = {
    name: 'events',
    description: 'One row per event, with its date, place, participants and English summary.',
    primaryKey: ['id'],
    foreignKeys: [{ fields: ['place'], reference: { resource: 'entities', fields: ['id'] } }],
    columns: [
      { name: 'id', type: 'string', description: e('id'), required: true },
      { name: 'url', type: 'string', description: 'Address of the event\'s page in the archive.', required: true },
      { name: 'title', type: 'string', description: e('title'), required: true },
      { name: 'date', type: 'string', description: e('date.value'), required: true },
      { name: 'date_precision', type: 'string', description: e('date.precision'), required: true, enum: ['day', 'month', 'year'] },
      { name: 'date_basis', type: 'string', description: e('date.basis'), required: true, enum: ['stated', 'inferred'] },
      { name: 'date_evidence', type: 'string', description: e('date.evidence'), required: true },
      { name: 'date_start', type: 'date', description: 'First day of the event\'s date period, for sorting and filtering.', required: true },
      { name: 'place', type: 'string', description: e('place'), required: true },
      { name: 'participants', type: 'array', itemType: 'string', description: e('participants'), required: true },
      { name: 'related', type: 'array', itemType: 'string', description: e('related'), required: true },
      { name: 'summary', type: 'string', description: 'A short neutral English summary of the event (Markdown).', required: true },
      { name: 'added', type: 'date', description: e('added'), required: true },
      { name: 'modified', type: 'date', description: e('modified') },
    ],
    rows: events.map(({ data, body }) => ({
      id: data.id, url: url(paths.event('en', data.id)), title: data.title,
      date: data.date.value, date_precision: data.date.precision, date_basis: data.date.basis, date_evidence: data.date.evidence,
      date_start: firstDay(data.date.value), place: data.place, participants: data.participants, related: data.related,
      summary: body, added: data.added, modified: data.modified ?? null,
    })),
  };

  const eventTitles: Table = {
    name: 'event_titles',
    description: 'The title of each event in the languages of its coverage.',
    primaryKey: ['event', 'language'],
    foreignKeys: [{ fields: ['event'], reference: { resource: 'events', fields: ['id'] } }],
    columns: [
      { name: 'event', type: 'string', description: 'The event.', required: true },
      { name: 'language', type: 'string', description: 'Language of the title (BCP 47).', required: true },
      { name: 'title', type: 'string', description: e('titles'), required: true },
    ],
    rows: events.flatMap(({ data }) => Object.entries(data.titles).map(([language, title]) => ({ event: data.id, language, title }))),
  };

  const sourceTable: Table = {
    name: 'sources',
    description: 'One row per publisher.',
    primaryKey: ['id'],
    foreignKeys: [],
    columns: [
      { name: 'id', type: 'string', description: s('id'), required: true },
      { name: 'url', type: 'string', description: 'Address of the source\'s page in the archive.', required: true },
      { name: 'name', type: 'string', description: s('name'), required: true },
      { name: 'name_lang', type: 'string', description: s('name_lang'), required: true },
      { name: 'name_latin', type: 'string', description: s('name_latin'), required: true },
      { name: 'home', type: 'string', description: s('home') },
      { name: 'country', type: 'string', description: s('country') },
      { name: 'languages', type: 'array', itemType: 'string', description: s('languages'), required: true },
      { name: 'kind', type: 'string', description: s('kind'), required: true },
      { name: 'description', type: 'string', description: s('description'), required: true },
    ],
    rows: [...input.sources].sort(byKey((r) => r.id)).map((source) => ({
      id: source.id, url: url(paths.source('en', source.id)), name: source.name, name_lang: source.name_lang, name_latin: source.name_latin,
      home: source.home, country: source.country, languages: source.languages, kind: source.kind, description: source.description,
    })),
  };

  const sourceNames: Table = {
    name: 'source_names',
    description: 'Names of each publisher as other languages write them.',
    primaryKey: ['source', 'language'],
    foreignKeys: [{ fields: ['source'], reference: { resource: 'sources', fields: ['id'] } }],
    columns: [
      { name: 'source', type: 'string', description: 'The publisher.', required: true },
      { name: 'language', type: 'string', description: 'Language of the name (BCP 47).', required: true },
      { name: 'name', type: 'string', description: s('names'), required: true },
    ],
    rows: [...input.sources].sort(byKey((r) => r.id)).flatMap((source) => Object.entries(source.names).map(([language, name]) => ({ source: source.id, language, name }))),
  };

  const entities = [...input.entities].sort(byKey((r) => r.id));
  const entityTable: Table = {
    name: 'entities',
    description: 'One row per person, place or organisation.',
    primaryKey: ['id'],
    foreignKeys: [],
    columns: [
      { name: 'id', type: 'string', description: n('id'), required: true },
      { name: 'url', type: 'string', description: 'Address of the entity\'s page in the archive.', required: true },
      { name: 'kind', type: 'string', description: n('kind'), required: true, enum: ['person', 'place', 'organisation'] },
      { name: 'name', type: 'string', description: 'Primary English name.', required: true },
      { name: 'wikidata', type: 'string', description: n('wikidata') },
      { name: 'description', type: 'string', description: n('description'), required: true },
    ],
    rows: entities.map((entity) => ({
      id: entity.id, url: url(paths.entity('en', entity.id)), kind: entity.kind, name: entity.names.en![0]!,
      wikidata: entity.wikidata ?? null, description: entity.description,
    })),
  };

  const entityNames: Table = {
    name: 'entity_names',
    description: 'Every recorded name of every entity: per language, the primary name first, then aliases and variant spellings.',
    primaryKey: ['entity', 'language', 'position'],
    foreignKeys: [{ fields: ['entity'], reference: { resource: 'entities', fields: ['id'] } }],
    columns: [
      { name: 'entity', type: 'string', description: 'The entity.', required: true },
      { name: 'language', type: 'string', description: 'Language of the name (BCP 47).', required: true },
      { name: 'position', type: 'integer', description: 'Position among the entity\'s names in this language, from 0.', required: true },
      { name: 'name', type: 'string', description: 'The name as written in that language.', required: true },
      { name: 'primary', type: 'boolean', description: 'True for the primary name in this language, false for an alias or variant.', required: true },
    ],
    rows: entities.flatMap((entity) =>
      Object.entries(entity.names).flatMap(([language, names]) => names.map((name, position) => ({ entity: entity.id, language, position, name, primary: position === 0 }))),
    ),
  };

  const topics = [...input.topics].sort(byKey((r) => r.id));
  const topicTable: Table = {
    name: 'topics',
    description: 'One row per topic: the vocabulary of subjects that articles list in their topics.',
    primaryKey: ['id'],
    foreignKeys: [],
    columns: [
      { name: 'id', type: 'string', description: o('id'), required: true },
      { name: 'name', type: 'string', description: 'The English name.', required: true },
      { name: 'description', type: 'string', description: o('description'), required: true },
    ],
    rows: topics.map((topic) => ({ id: topic.id, name: topic.names.en!, description: topic.description })),
  };

  const topicNames: Table = {
    name: 'topic_names',
    description: 'The name of each topic in each language it is named in, English included.',
    primaryKey: ['topic', 'language'],
    foreignKeys: [{ fields: ['topic'], reference: { resource: 'topics', fields: ['id'] } }],
    columns: [
      { name: 'topic', type: 'string', description: 'The topic.', required: true },
      { name: 'language', type: 'string', description: 'Language of the name (BCP 47).', required: true },
      { name: 'name', type: 'string', description: 'The name as a reader of that language would write it.', required: true },
    ],
    rows: topics.flatMap((topic) => Object.entries(topic.names).map(([language, name]) => ({ topic: topic.id, language, name }))),
  };

  const articleEvents = articleLinks(articles, 'article_events', 'Which articles report which events.', {
    column: 'event', resource: 'events', description: 'An event it reports.', ids: (article) => article.events,
  });
  const articleEntities = articleLinks(articles, 'article_entities', 'Which articles mention which people, places and organisations.', {
    column: 'entity', resource: 'entities', description: 'An entity it mentions.', ids: (article) => article.entities,
  });
  const articleTopics = articleLinks(articles, 'article_topics', 'Which articles are about which topics, in the order each article lists them.', {
    column: 'topic', resource: 'topics', description: 'A topic it is about.', ids: (article) => article.topics,
  });

  const captureTable: Table = {
    name: 'captures',
    description: 'The raw captures, byte for byte under captures/, with their size, hash and origin.',
    primaryKey: ['path'],
    foreignKeys: [],
    columns: [
      { name: 'path', type: 'string', description: 'Path of the capture in the dataset (and under content/ in the source tree).', required: true },
      { name: 'sha256', type: 'string', description: 'SHA-256 of the capture file.', required: true },
      { name: 'bytes', type: 'integer', description: 'Size of the capture file in bytes.', required: true },
      { name: 'origin_url', type: 'string', description: a('capture.origin.url') },
      { name: 'origin_retrieved', type: 'date', description: a('capture.origin.retrieved') },
      { name: 'origin_description', type: 'string', description: a('capture.origin.description'), required: true },
    ],
    rows: [...new Map(articles.map(({ data }) => [data.capture.path, data.capture])).values()]
      .sort(byKey((c) => c.path))
      .map((capture) => {
        const file = input.captures.get(capture.path);
        if (!file) throw new Error(`The capture ${capture.path} is missing`);
        return { path: capture.path, sha256: file.sha256, bytes: file.bytes, origin_url: capture.origin.url, origin_retrieved: capture.origin.retrieved, origin_description: capture.origin.description };
      }),
  };

  const releases: Table = {
    name: 'releases',
    description: 'Every release of the dataset, newest first: its version, date, and the articles it added, corrected or withdrew.',
    primaryKey: ['version'],
    foreignKeys: [],
    columns: [
      { name: 'version', type: 'string', description: 'Semantic version: major when a table\'s fields change, minor when records or tables are added, patch for corrections.', required: true },
      { name: 'date', type: 'date', description: 'The day the release was made.', required: true },
      { name: 'summary', type: 'string', description: 'What the release is.', required: true },
      { name: 'added', type: 'array', itemType: 'string', description: 'Ids of articles added in this release.', required: true },
      { name: 'corrected', type: 'array', itemType: 'string', description: 'Ids of articles corrected in this release.', required: true },
      { name: 'withdrawn', type: 'array', itemType: 'string', description: 'Ids of articles withdrawn in this release; they remain as tombstones.', required: true },
    ],
    rows: input.dataset.releases.map((r) => ({ version: r.version, date: r.date, summary: r.summary, added: r.added, corrected: r.corrected, withdrawn: r.withdrawn })),
  };

  return [
    articleTable, editorialNotes, eventTable, eventTitles, sourceTable, sourceNames, entityTable, entityNames, topicTable, topicNames,
    articleEvents, articleEntities, articleTopics, captureTable, releases,
  ];
}
