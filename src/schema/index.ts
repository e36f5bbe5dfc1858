/**
 * The content model in one place: each collection's schema, folder and file
 * format. Astro's collections, the content checker, the exports and the data
 * dictionary all read this module.
 */
import type { z } from 'astro/zod';
import { ArticleSchema } from './article.ts';
import { EntitySchema } from './entity.ts';
import { EventSchema } from './event.ts';
import { SourceSchema } from './source.ts';
import { TopicSchema } from './topic.ts';

export * from './article.ts';
export * from './entity.ts';
export * from './event.ts';
export * from './source.ts';
export * from './topic.ts';

/** How one collection is stored under content/. */
export interface CollectionSpec<S extends z.ZodType = z.ZodType> {
  /** Folder under content/. */
  folder: string;
  /** File extension: Markdown with front matter, or plain YAML. */
  extension: '.md' | '.yaml';
  /** What the Markdown body holds, for Markdown collections. */
  body?: string;
  schema: S;
}

/** Every collection of the archive, keyed by collection name. */
export const collections = {
  articles: { folder: 'articles', extension: '.md', body: 'The article text as clean Markdown.', schema: ArticleSchema },
  events: { folder: 'events', extension: '.md', body: 'A short neutral English summary of the event.', schema: EventSchema },
  sources: { folder: 'sources', extension: '.yaml', schema: SourceSchema },
  entities: { folder: 'entities', extension: '.yaml', schema: EntitySchema },
  topics: { folder: 'topics', extension: '.yaml', schema: TopicSchema },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof collections;
/** The validated data of one record of `C`. */
export type RecordOf<C extends CollectionName> = z.infer<(typeof collections)[C]['schema']>;
