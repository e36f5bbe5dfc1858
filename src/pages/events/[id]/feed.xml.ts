/** /events/<id>/feed.xml: Atom feed of every article reporting one event. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../data/archive.ts';
import { atomResponse, eventFeed } from '../../../lib/feeds.ts';

export const getStaticPaths: GetStaticPaths = async () => (await getArchive()).timeline.map((event) => ({ params: { id: event.id } }));

export const GET: APIRoute = async ({ params, site }) => atomResponse(eventFeed(await getArchive(), params.id!, site!));
