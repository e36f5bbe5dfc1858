/** /feed.xml: Atom feed of the newest articles in the whole archive. */
import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive.ts';
import { archiveFeed, atomResponse } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => atomResponse(archiveFeed(await getArchive(), site!));
