/**
 * Generates a deterministic benchmark corpus in the archive's content format:
 *   npm run bench:corpus -- --articles N --out DIR [--seed S] [--force] [--workers W]
 * writes DIR/content/{articles,events,sources,entities,captures}/. The same N
 * and seed give byte-identical files (whatever the number of workers). Text is
 * recombined from sentences of the real corpus in this project's content/
 * folder; names are invented, written in Latin, Devanagari and Arabic script.
 * The result passes `node scripts/content-check.ts --root DIR`.
 */
import { availableParallelism } from 'node:os';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataset } from '../../src/lib/dataset-file.ts';
import type { Dataset } from '../../src/schema/dataset.ts';
import { serializeYaml } from '../../src/schema/serialize.ts';
import { planArticles } from './lib/articles.ts';
import { eventFile, planEvents } from './lib/events.ts';
import { loadSentencePools } from './lib/text.ts';
import { LANGUAGES, TOPICS } from './lib/vocabulary.ts';
import { buildWorld } from './lib/world.ts';
import { splitRange, writeArticles, writeArticlesInWorker, writeInBatches, type ArticleJob } from './lib/write.ts';
import { yamlText } from './lib/yaml-out.ts';

const USAGE = `Usage: npm run bench:corpus -- --articles N --out DIR [--seed S] [--force] [--workers W]

Writes a deterministic benchmark corpus of N articles to DIR/content/ (articles,
events, sources, entities, captures) in the archive's content format: about N/20
events, max(10, N/200) sources (at most 500) and N/4 entities (50 to 30,000).
The same N and seed give byte-identical output. Check it with
  node scripts/content-check.ts --root DIR

  --articles N  number of articles (a positive integer)
  --out DIR     output directory; DIR/content must not exist or be empty
  --seed S      seed of the pseudo-random generator (default 1)
  --force       replace an existing DIR/content
  --workers W   worker threads writing articles (default: one per CPU, at most 8;
                0 writes them on the main thread); output does not depend on it
  -h, --help    print this help`;

/** The project root, whose content/ supplies the sentences. */
const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
/** The content folders the generator writes. */
const FOLDERS = ['articles', 'events', 'sources', 'entities', 'topics', 'captures'] as const;

/** How many records of each collection a corpus of `articles` articles has. */
function corpusCounts(articles: number): { articles: number; events: number; sources: number; entities: number } {
  return {
    articles,
    events: Math.max(1, Math.round(articles / 20)),
    sources: Math.min(500, Math.max(10, Math.round(articles / 200))),
    entities: Math.min(30_000, Math.max(50, Math.round(articles / 4))),
  };
}

/** The command-line options. */
interface Options {
  articles: number;
  out: string;
  seed: string;
  force: boolean;
  workers: number;
}

/** Parses the command line; exits with the usage on --help (0) or a bad argument (2). */
function parseCommandLine(): Options {
  const fail = (message: string): never => {
    console.error(`bench:corpus: ${message}\n\n${USAGE}`);
    process.exit(2);
  };
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        articles: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string', default: '1' },
        force: { type: 'boolean', default: false },
        workers: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const articles = Number(values.articles);
  if (!values.articles || !Number.isSafeInteger(articles) || articles < 1) return fail('--articles must be a positive integer');
  if (!values.out) return fail('--out DIR is required');
  const workers = values.workers === undefined ? Math.min(8, availableParallelism()) : Number(values.workers);
  if (!Number.isSafeInteger(workers) || workers < 0) return fail('--workers must be a whole number');
  return { articles, out: resolve(values.out), seed: values.seed, force: values.force, workers };
}

/** Makes DIR/content/ and its folders, refusing to overwrite unless forced and never touching the project's own content. */
async function prepareOutput(out: string, force: boolean): Promise<string> {
  if (out === PROJECT_ROOT) throw new Error('refusing to write into the project root: its content/ is the real corpus');
  const content = join(out, 'content');
  const existing = await readdir(content).catch(() => []);
  if (existing.length > 0) {
    if (!force) throw new Error(`${content} already exists and is not empty; choose another --out or pass --force to replace it`);
    await rm(content, { recursive: true });
  }
  await Promise.all(FOLDERS.map((folder) => mkdir(join(content, folder), { recursive: true })));
  return content;
}

/**
 * The corpus's dataset record: the archive's own (name, licences, rights), with one release of its own that
 * adds every article, as content:check asks of an archive.
 */
async function benchmarkDataset(content: string, seed: string): Promise<Dataset> {
  const dataset = await loadDataset(PROJECT_ROOT);
  const added = (await readdir(join(content, 'articles'))).map((file) => basename(file, '.md')).sort();
  const summary = `A generated benchmark corpus of ${added.length} articles (seed ${seed}), recombined from the seed captures: not real coverage.`;
  return { ...dataset, releases: [{ version: '1.0.0', date: '2026-11-25', summary, added, corrected: [], withdrawn: [] }] };
}

/** Generates the corpus and prints what it wrote. */
async function main(): Promise<void> {
  const options = parseCommandLine();
  const { seed } = options;
  const counts = corpusCounts(options.articles);
  const content = await prepareOutput(options.out, options.force);
  const pools = await loadSentencePools(PROJECT_ROOT);
  const world = buildWorld(seed, counts);
  const events = planEvents(seed, counts.events, world);
  const plan = planArticles(seed, counts.articles, world, events);

  // Articles (the bulk) go to worker threads while this thread writes the other collections.
  const workers = Math.min(options.workers, Math.ceil(counts.articles / 500));
  const job = (start: number, end: number): ArticleJob => ({ seed, content, start, end, world, events, plan, pools });
  const articlesWritten =
    workers === 0 ? undefined : Promise.all(splitRange(counts.articles, workers).map(([start, end]) => writeArticlesInWorker(job(start, end))));
  await writeInBatches(0, world.entities.length, (i) => [[join(content, 'entities', `${world.entities[i]!.id}.yaml`), yamlText(world.entities[i]!.record)]]);
  await writeInBatches(0, world.sources.length, (i) => [[join(content, 'sources', `${world.sources[i]!.id}.yaml`), yamlText(world.sources[i]!.record)]]);
  // The topics are the archive's own vocabulary, named in every interface language: the articles list its ids.
  await Promise.all(TOPICS.map((id) => copyFile(join(PROJECT_ROOT, 'content', 'topics', `${id}.yaml`), join(content, 'topics', `${id}.yaml`))));
  await writeInBatches(0, events.length, (i) => {
    const { id, text } = eventFile(seed, i, events, plan.coverage[i]!, world, pools);
    return [[join(content, 'events', `${id}.md`), text]];
  });
  await (articlesWritten ?? writeArticles(job(0, counts.articles)));
  await writeFile(join(content, 'dataset.yaml'), serializeYaml(await benchmarkDataset(content, seed)));

  const perLanguage = LANGUAGES.map((lang, k) => `${lang} ${plan.language.filter((l) => l === k).length}`).join(', ');
  console.log(
    `bench:corpus: wrote ${counts.articles} articles (${perLanguage}) with their captures, ${events.length} events, ` +
      `${world.sources.length} sources, ${world.entities.length} entities and ${TOPICS.length} topics to ${content} (seed ${seed})`,
  );
}

await main().catch((error: unknown) => {
  console.error(`bench:corpus: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
