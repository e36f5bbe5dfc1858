/**
 * The thin binding of the archive index to Astro's content collections:
 * loaded and checked once per build, then shared by every page.
 */
import { getCollection } from 'astro:content';
import { formatProblem } from '../schema/parse.ts';
import { buildArchiveIndex, findBrokenReferences, type ArchiveIndex } from '../lib/archive-index.ts';
import { frontMatterDigest } from '../lib/content-loader.ts';
import { entitiesInListOrder } from '../lib/names.ts';
import type { RecordDigest } from '../lib/page-keys.ts';
import type { Entity } from '../schema/index.ts';

let archive: Promise<ArchiveIndex & { articleFiles: ReadonlyMap<string, string>; eventFiles: ReadonlyMap<string, string>; digest: RecordDigest }> | undefined;

async function loadArchive() {
  const [articles, events, sources, entities, topics] = await Promise.all([
    getCollection('articles'),
    getCollection('events'),
    getCollection('sources'),
    getCollection('entities'),
    getCollection('topics'),
  ]);
  const files = new Map<string, string>();
  // The loader's digest of each file (its front matter's and its body's, see recordDigest): what incremental builds
  // compare. The front matter's part is taken once here: the page keys of the lists read it millions of times.
  const digests = new Map<string, string>();
  const frontMatterDigests = new Map<string, string>();
  for (const [collection, entries] of Object.entries({ articles, events, sources, entities, topics })) {
    for (const entry of entries) {
      const key = `${collection}/${entry.id}`;
      files.set(key, entry.filePath ?? `content/${collection}/${entry.id}`);
      digests.set(key, String(entry.digest));
      frontMatterDigests.set(key, frontMatterDigest(String(entry.digest)));
    }
  }
  const input = {
    articles: articles.map((e) => e.data),
    events: events.map((e) => e.data),
    sources: sources.map((e) => e.data),
    entities: entities.map((e) => e.data),
    topics: topics.map((e) => e.data),
    files: (collection: string, id: string) => files.get(`${collection}/${id}`) ?? `content/${collection}/${id}`,
  };
  const broken = findBrokenReferences(input);
  if (broken.length > 0) {
    throw new Error(`${broken.length} broken reference(s) (run "npm run content:check"):\n${broken.map(formatProblem).join('\n')}`);
  }
  return {
    ...buildArchiveIndex(input),
    articleFiles: new Map(articles.map((e) => [e.id, e.filePath!])),
    eventFiles: new Map(events.map((e) => [e.id, e.filePath!])),
    digest: ((collection, id, part) => (part === 'front matter' ? frontMatterDigests : digests).get(`${collection}/${id}`) ?? '') satisfies RecordDigest,
  };
}

/** The archive's records and indexes, built on first use and reused by every page. */
export function getArchive() {
  archive ??= loadArchive();
  return archive;
}

const entityLists = new Map<string, Promise<readonly Entity[]>>();

/** The list of entities in an interface language's order, sorted once per build and language (every page of the list shares it). */
export function getEntitiesInListOrder(lang: string): Promise<readonly Entity[]> {
  let list = entityLists.get(lang);
  if (!list) {
    list = getArchive().then((index) => entitiesInListOrder(index.entities.values(), lang));
    entityLists.set(lang, list);
  }
  return list;
}
