/** /languages/<code>/feed.xml: Atom feed of every article in one content language. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../data/archive.ts';
import { atomResponse, languageFeed } from '../../../lib/feeds.ts';

export const getStaticPaths: GetStaticPaths = async () => (await getArchive()).languages.map((code) => ({ params: { code } }));

export const GET: APIRoute = async ({ params, site }) => atomResponse(languageFeed(await getArchive(), params.code!, site!));
