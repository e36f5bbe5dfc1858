/** /topics/<id>/feed.xml: Atom feed of the newest articles about one topic (a topic with a page). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../data/archive.ts';
import { atomResponse, topicFeed, topicFeedArticles } from '../../../lib/feeds.ts';
import { topicFeedKey } from '../../../lib/page-keys.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const archive = await getArchive();
  return archive.topicsCovered.map((topic) => ({
    params: { id: topic.id },
    cacheKey: topicFeedKey(topic, topicFeedArticles(archive, topic.id), archive.digest),
  }));
};

export const GET: APIRoute = async ({ params, site }) => atomResponse(topicFeed(await getArchive(), params.id!, site!));
