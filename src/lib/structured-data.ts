/**
 * Schema.org descriptions of article and event pages, embedded as JSON-LD.
 * Pure: pages pass in their records, the archive index and the site URL.
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Article, Entity, Event, Source } from '../schema/index.ts';
import type { ArchiveIndex } from './archive-index.ts';
import { paths } from './routing.ts';

/** A JSON-LD object. */
export type JsonLd = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonLd | JsonValue[];

const CONTEXT = 'https://schema.org';
const ENTITY_TYPES = { person: 'Person', place: 'Place', organisation: 'Organization' } as const satisfies Record<Entity['kind'], string>;

/** The Wikidata page of an item, for `sameAs`. */
export function wikidataUrl(qid: string): string {
  return `https://www.wikidata.org/wiki/${qid}`;
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` are written as \u escapes
 * (so no text can close the element or open a comment), as are U+2028/U+2029.
 * @example serializeJsonLd({ name: '</script>' }) // '{"name":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A person, place or organisation, with its Wikidata item when known. */
export function entityThing(entity: Entity, site: string | URL): JsonLd {
  return {
    '@type': ENTITY_TYPES[entity.kind],
    '@id': `${new URL(paths.entity('en', entity.id), site).href}#entity`,
    name: entity.names.en![0]!,
    url: new URL(paths.entity('en', entity.id), site).href,
    ...(entity.wikidata ? { sameAs: wikidataUrl(entity.wikidata) } : {}),
  };
}

/** The publisher as an Organization. */
export function publisherOrganization(source: Source): JsonLd {
  return {
    '@type': 'Organization',
    name: source.name_latin,
    ...(source.name !== source.name_latin ? { alternateName: source.name } : {}),
    ...(source.home ? { url: source.home } : {}),
  };
}

/** A byline naming the publisher itself ("Statecraft Staff") is the Organization; any other is a Person. */
export function bylineAuthor(byline: string, source: Source): JsonLd {
  const names = [source.name, source.name_latin].map((name) => name.toLocaleLowerCase());
  const isPublisher = names.some((name) => byline.toLocaleLowerCase().includes(name));
  return { '@type': isPublisher ? 'Organization' : 'Person', name: byline };
}

/** A short reference to an event, for an article's `about`. */
function eventReference(event: Event, site: string | URL): JsonLd {
  const url = new URL(paths.event('en', event.id), site).href;
  return { '@type': 'Event', '@id': `${url}#event`, name: event.title, startDate: event.date.value, url };
}

/** A schema.org NewsArticle describing an article page. */
export function newsArticle(article: Article, index: Pick<ArchiveIndex, 'sources' | 'events' | 'entities' | 'topics'>, site: string | URL): JsonLd {
  const url = new URL(paths.article(article.id), site).href;
  const source = index.sources.get(article.source)!;
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    url,
    mainEntityOfPage: url,
    headline: article.title ?? article.title_en?.text ?? 'Untitled',
    ...(article.title && article.title_en ? { alternativeHeadline: article.title_en.text } : {}),
    inLanguage: article.language,
    datePublished: article.published.value,
    publisher: publisherOrganization(source),
    ...(article.byline ? { author: bylineAuthor(article.byline, source) } : {}),
    about: article.events.map((id) => eventReference(index.events.get(id)!, site)),
    mentions: article.entities.map((id) => entityThing(index.entities.get(id)!, site)),
    keywords: article.topics.map((id) => index.topics.get(id)!.names.en!),
    isBasedOn: {
      '@type': 'MediaObject',
      url: new URL(paths.capture(article.capture.path), site).href,
      encodingFormat: 'text/plain',
      identifier: { '@type': 'PropertyValue', propertyID: 'sha256', value: article.capture.sha256 },
    },
    isAccessibleForFree: true,
  };
}

/** Kept: a segmenter costs tens of microseconds to make, and every event page describes itself. */
const englishSentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The first sentences of `text`, as many as fit in `maxLength` characters (always at least one).
 * @example firstSentences('One. Two. Three.', 10) // "One. Two."
 */
export function firstSentences(text: string, maxLength = 300): string {
  let result = '';
  for (const { segment } of englishSentences.segment(text.replace(/\s+/g, ' ').trim())) {
    if (result && (result + segment).trimEnd().length > maxLength) break;
    result += segment;
  }
  return result.trimEnd();
}

/** What an event page shows beyond the record: its own URL and title, and its rendered summary. */
export interface EventPage {
  /** The page's path in its locale, e.g. "/ar/events/<id>/". */
  path: string;
  /** The title the page shows (in the interface language when the event has one). */
  name: string;
  /** The summary as rendered HTML (from the event's Markdown body). */
  summaryHtml: string;
  /** The articles the page lists (one page of the coverage: a big event's would not fit in one page's data). */
  articles: readonly Article[];
}

/** A schema.org Event describing an event page. */
export function eventThing(event: Event, page: EventPage, index: Pick<ArchiveIndex, 'entities' | 'topics' | 'topicsByEvent'>, site: string | URL): JsonLd {
  const entity = (id: string) => entityThing(index.entities.get(id)!, site);
  const topics = (index.topicsByEvent.get(event.id) ?? []).map(([id]) => index.topics.get(id)!.names.en!);
  const summary = toText(fromHtml(page.summaryHtml, { fragment: true }));
  return {
    '@context': CONTEXT,
    '@type': 'Event',
    '@id': `${new URL(paths.event('en', event.id), site).href}#event`,
    url: new URL(page.path, site).href,
    name: page.name,
    ...(page.name !== event.title ? { alternateName: event.title } : {}),
    description: summary.trim() ? firstSentences(summary) : event.title,
    startDate: event.date.value,
    location: entity(event.place),
    attendee: event.participants.map(entity),
    ...(topics.length > 0 ? { keywords: topics } : {}),
    subjectOf: page.articles.map((article) => ({
      '@type': 'NewsArticle',
      url: new URL(paths.article(article.id), site).href,
      inLanguage: article.language,
    })),
  };
}
