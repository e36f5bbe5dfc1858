/**
 * Atom feeds (RFC 4287) of the archive: the latest articles, each content
 * language's articles, each event's coverage and each topic's articles. Pure: the endpoints under
 * src/pages/ pass in the archive index and the site URL. Every date comes from
 * the content (published, added, modified), never from the clock, so a
 * rebuild of the same content gives the same bytes.
 */
import { createTranslator } from '../i18n/ui/index.ts';
import type { Article, Source, Topic } from '../schema/index.ts';
import type { ArchiveIndex } from './archive-index.ts';
import type { PreciseDate } from './dates.ts';
import { languageName } from './languages.ts';
import { topicName } from './names.ts';
import { paths } from './routing.ts';
import { element, textElement } from './xml.ts';

/** How many of the newest articles a feed lists (a feed announces what is new; the pages list everything). */
export const ARCHIVE_FEED_SIZE = 50;

/** The media type the feed endpoints serve. */
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

/** The URL of every feed. */
export const feedPaths = {
  archive: () => '/feed.xml',
  language: (lang: string) => `/languages/${lang}/feed.xml`,
  event: (id: string) => `/events/${id}/feed.xml`,
  topic: (id: string) => `/topics/${id}/feed.xml`,
} as const;

/** What a feed says about itself. */
export interface FeedMeta {
  title: string;
  subtitle?: string | undefined;
  /** The feed's own path, e.g. "/feed.xml" (its id and rel="self"). */
  path: string;
  /** The HTML page the feed follows, e.g. "/languages/hi/" (rel="alternate"). */
  pagePath: string;
}

/** The archive records an entry needs. */
export type FeedIndex = Pick<ArchiveIndex, 'sources' | 'topics'>;

/** The Atom updated value of a feed with no entries (a fixed instant, never the clock). */
const NO_ENTRIES_UPDATED = '1970-01-01T00:00:00Z';
const t = createTranslator('en');

/**
 * A YYYY-MM-DD day as an RFC 3339 date-time at midnight UTC.
 * @example atomDay('2026-11-25') // "2026-11-25T00:00:00Z"
 */
export function atomDay(day: string): string {
  return `${day}T00:00:00Z`;
}

/**
 * A date known to the year or month as an RFC 3339 date-time, padded to the first day of its period.
 * @example publishedInstant({ value: '2024-01', precision: 'month', … }) // "2024-01-01T00:00:00Z"
 */
export function publishedInstant(date: Pick<PreciseDate, 'value'>): string {
  const [year, month = '01', day = '01'] = date.value.split('-');
  return atomDay(`${year}-${month}-${day}`);
}

/** When the article's record last changed: its modified day, else the day it was added. */
export function entryUpdated(article: Pick<Article, 'added' | 'modified'>): string {
  return atomDay(article.modified ?? article.added);
}

/** The entry's title: the headline in its language, or "Untitled" with the English rendering in English. */
export function entryTitle(article: Pick<Article, 'title' | 'title_en' | 'language'>): { text: string; lang: string } {
  if (article.title) return { text: article.title, lang: article.language };
  const untitled = t('article.untitled');
  return { text: article.title_en ? `${untitled}: ${article.title_en.text}` : untitled, lang: 'en' };
}

/** One article as an Atom entry, its topics named in its language where they can be; `site` is the absolute site URL. */
export function atomEntry(article: Article, source: Source, topics: readonly Topic[], site: string | URL): string {
  const url = new URL(paths.article(article.id), site).href;
  const title = entryTitle(article);
  const { precision, value, basis } = article.published;
  const author = article.byline
    ? element('author', {}, [textElement('name', {}, article.byline)])
    : element('author', { 'xml:lang': 'en' }, [
        textElement('name', {}, source.name_latin),
        ...(source.home ? [textElement('uri', {}, source.home)] : []),
      ]);
  return element('entry', { 'xml:lang': article.language }, [
    textElement('id', {}, url),
    textElement('title', { 'xml:lang': title.lang }, title.text),
    element('link', { rel: 'alternate', type: 'text/html', hreflang: article.language, href: url }),
    textElement('updated', {}, entryUpdated(article)),
    textElement('published', {}, publishedInstant(article.published)),
    author,
    ...(article.title_en ? [textElement('summary', { 'xml:lang': 'en' }, article.title_en.text)] : []),
    element('category', {
      scheme: new URL(`${paths.dataDictionary()}#articles-published-precision`, site).href,
      term: precision,
      label: `published ${value}, known to the ${precision} (${basis})`,
      'xml:lang': 'en',
    }),
    ...topics.map((topic) => {
      const name = topicName(topic, article.language);
      return element('category', { term: topic.id, label: name.text, 'xml:lang': name.lang });
    }),
  ]);
}

/** A complete Atom document listing `articles` in the order given; its updated is the latest entry's. */
export function atomFeed(meta: FeedMeta, articles: readonly Article[], index: FeedIndex, site: string | URL): string {
  const absolute = (path: string) => new URL(path, site).href;
  const updated = articles.map(entryUpdated).reduce((a, b) => (b > a ? b : a), NO_ENTRIES_UPDATED);
  const head = [
    textElement('id', {}, absolute(meta.path)),
    textElement('title', {}, meta.title),
    ...(meta.subtitle ? [textElement('subtitle', {}, meta.subtitle)] : []),
    element('link', { rel: 'self', type: 'application/atom+xml', href: absolute(meta.path) }),
    element('link', { rel: 'alternate', type: 'text/html', href: absolute(meta.pagePath) }),
    textElement('updated', {}, updated),
    element('author', {}, [textElement('name', {}, t('site.name')), textElement('uri', {}, absolute(paths.home('en')))]),
  ];
  const entries = articles.map((article) =>
    atomEntry(article, index.sources.get(article.source)!, article.topics.map((id) => index.topics.get(id)!), site),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    ...head,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** The whole archive's feed: the newest articles by publication date. */
export function archiveFeed(index: FeedIndex & Pick<ArchiveIndex, 'articlesByDate'>, site: string | URL): string {
  const meta = { title: `${t('site.name')}: latest articles`, subtitle: t('site.tagline'), path: feedPaths.archive(), pagePath: paths.home('en') };
  return atomFeed(meta, index.articlesByDate.slice(0, ARCHIVE_FEED_SIZE), index, site);
}

/** The articles the feed of content language `lang` lists: the newest ARCHIVE_FEED_SIZE. */
export function languageFeedArticles(index: Pick<ArchiveIndex, 'articlesByLanguage'>, lang: string): readonly Article[] {
  return (index.articlesByLanguage.get(lang) ?? []).slice(0, ARCHIVE_FEED_SIZE);
}

/** The feed of the newest articles in content language `lang`. */
export function languageFeed(index: FeedIndex & Pick<ArchiveIndex, 'articlesByLanguage'>, lang: string, site: string | URL): string {
  const meta = { title: `${t('site.name')}: articles in ${languageName(lang, 'en')}`, path: feedPaths.language(lang), pagePath: paths.language('en', lang) };
  return atomFeed(meta, languageFeedArticles(index, lang), index, site);
}

/** The articles the feed of event `eventId` lists: the newest ARCHIVE_FEED_SIZE of its coverage. */
export function eventFeedArticles(index: Pick<ArchiveIndex, 'articlesByEvent'>, eventId: string): readonly Article[] {
  return (index.articlesByEvent.get(eventId) ?? []).slice(0, ARCHIVE_FEED_SIZE);
}

/** The feed of the newest articles reporting event `eventId`. */
export function eventFeed(index: FeedIndex & Pick<ArchiveIndex, 'events' | 'articlesByEvent'>, eventId: string, site: string | URL): string {
  const event = index.events.get(eventId);
  if (!event) throw new Error(`No event "${eventId}"`);
  const meta = { title: `${t('site.name')}: ${event.title}`, path: feedPaths.event(eventId), pagePath: paths.event('en', eventId) };
  return atomFeed(meta, eventFeedArticles(index, eventId), index, site);
}

/** The articles the feed of topic `topicId` lists: the newest ARCHIVE_FEED_SIZE about it. */
export function topicFeedArticles(index: Pick<ArchiveIndex, 'articlesByTopic'>, topicId: string): readonly Article[] {
  return (index.articlesByTopic.get(topicId) ?? []).slice(0, ARCHIVE_FEED_SIZE);
}

/** The feed of the newest articles about topic `topicId`, titled by its English name and described by its description. */
export function topicFeed(index: FeedIndex & Pick<ArchiveIndex, 'articlesByTopic'>, topicId: string, site: string | URL): string {
  const topic = index.topics.get(topicId);
  if (!topic) throw new Error(`No topic "${topicId}"`);
  const meta = { title: `${t('site.name')}: ${topic.names.en}`, subtitle: topic.description, path: feedPaths.topic(topicId), pagePath: paths.topic('en', topicId) };
  return atomFeed(meta, topicFeedArticles(index, topicId), index, site);
}

/** The HTTP response of a feed endpoint. */
export function atomResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': ATOM_CONTENT_TYPE } });
}
