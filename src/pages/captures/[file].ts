/** Serves each raw capture byte for byte at /captures/<file>, as the archive's originals. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readdir, readFile } from 'node:fs/promises';

const CAPTURES = 'content/captures';

export const getStaticPaths: GetStaticPaths = async () =>
  (await readdir(CAPTURES)).sort().map((file) => ({ params: { file } }));

export const GET: APIRoute = async ({ params }) =>
  new Response(await readFile(`${CAPTURES}/${params.file}`), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
