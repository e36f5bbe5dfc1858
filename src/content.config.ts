import { defineCollection } from 'astro:content';
import { archiveLoader } from './lib/content-loader.ts';

export const collections = {
  articles: defineCollection({ loader: archiveLoader('articles') }),
  events: defineCollection({ loader: archiveLoader('events') }),
  sources: defineCollection({ loader: archiveLoader('sources') }),
  entities: defineCollection({ loader: archiveLoader('entities') }),
  topics: defineCollection({ loader: archiveLoader('topics') }),
};
