/** /languages/<code>/feed.xml: Atom feed of every article in one content language. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../data/archive.ts';
import { atomResponse, languageFeed, languageFeedArticles } from '../../../lib/feeds.ts';
import { languageFeedKey } from '../../../lib/page-keys.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const archive = await getArchive();
  return archive.languages.map((code) => ({ params: { code }, cacheKey: languageFeedKey(code, languageFeedArticles(archive, code), archive.digest) }));
};

export const GET: APIRoute = async ({ params, site }) => atomResponse(languageFeed(await getArchive(), params.code!, site!));
