/** /events/<id>/feed.xml: Atom feed of every article reporting one event. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../data/archive.ts';
import { atomResponse, eventFeed, eventFeedArticles } from '../../../lib/feeds.ts';
import { eventFeedKey } from '../../../lib/page-keys.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const archive = await getArchive();
  return archive.timeline.map((event) => ({
    params: { id: event.id },
    cacheKey: eventFeedKey(event, eventFeedArticles(archive, event.id), archive.digest),
  }));
};

export const GET: APIRoute = async ({ params, site }) => atomResponse(eventFeed(await getArchive(), params.id!, site!));
