/**
 * `npm run build`: the whole site, search index and dataset into dist/, timing
 * each stage. The stages and why they run in this order:
 *
 * 1. bodies: every article and event body is rendered once, in parallel, into
 *    the body cache that the next stages read (only changed bodies on a rebuild);
 * 2. then, side by side, the exports, the site (Astro) and the search bundles
 *    (built from the content and the documentation's sources rather than from
 *    the pages). None waits for another: only the site's /data/ pages list what
 *    the exports wrote (sizes, rows, SHA-256), and they wait for the exports'
 *    ready file (EXPORT_READY_ENV); Astro renders them after every other page
 *    (see src/pages/[...locale]/[data].astro). Three
 *    processes for two cores keep both busy: the exports leave much of a core
 *    idle while DuckDB and deflate work;
 * the search bundles, the dataset and the raw captures are mirrored into dist/ by
 * hard links (scripts/lib/link-tree.ts), each as soon as its stage has ended,
 * beside the stages still running: the site ends after the exports, and at
 * 100,000 articles the mirrors took 25 s at the end of a rebuild.
 *
 * From the start, at a lower priority, the content check runs beside them: the
 * build refuses invalid content, with content:check's messages, and stops every
 * stage as soon as the check fails; nothing is linked into dist/ unless it
 * passes. Beside the others it takes the CPU they leave (the search ends before
 * the site), rather than holding up every stage behind it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILD_EXPORT_DIR, EXPORT_READY_ENV } from '../src/lib/dataset-file.ts';
import { CAPTURES_OUTPUT, DATASET_OUTPUT, SEARCH_OUTPUT, SEARCH_INDEX_DIR, type LinkedOutput } from '../src/lib/linked-outputs.ts';
import { lineOutput } from './lib/line-output.ts';
import { mirrorTree } from './lib/link-tree.ts';

const ROOT = join(import.meta.dirname, '..');
const EXPORT_DIR = join(ROOT, BUILD_EXPORT_DIR);
/** Written once the exports are complete; the site's /data/ pages wait for it. */
const EXPORT_READY = `${EXPORT_DIR}.ready`;
const SEARCH_DIR = join(ROOT, SEARCH_INDEX_DIR);

/**
 * With ATLAS_STAGE_REPORT=<file>, each stage runs under GNU time and its wall
 * time, CPU time and peak memory are appended to <file> as a JSON line (for
 * `npm run bench`).
 */
const STAGE_REPORT = process.env.ATLAS_STAGE_REPORT;

/**
 * With ATLAS_CPU_PROFILE=<folder>, each stage's Node threads write V8 CPU
 * profiles into <folder>/<stage>/ (`npm run bench -- --profile` summarizes them).
 */
const CPU_PROFILE = process.env.ATLAS_CPU_PROFILE;

/**
 * The heap each stage may use: at 100,000 articles the exports hold every
 * article's text at once, more than V8's default limit of about 4 GiB; the
 * budget for any process is 8 GiB.
 */
const HEAP_MIB = 6144;

/**
 * V8 counts the memory of buffers (a page's bytes, a file read or deflated) as
 * external to its heap, and by default starts a full garbage collection every
 * 64 MB of it, however large the heap: a collection that walks the whole heap.
 * Astro turns each page into bytes twice, so at 100,000 articles the site was
 * collected 144 times, each time walking 1 to 2 GB (138 s of marking on its
 * main thread, more on the other core). Counted within the heap's own limit,
 * which grows with the heap, the same build is collected 36 times (28 s): the
 * site stage alone used 835 CPU seconds instead of 966, at 4.6 GiB instead of
 * 4.4. The exports at 10,000 articles: 12 full collections instead of 33; at
 * 100,000 their peak rose from 5.2 to 6.0 GiB (buffers wait longer for a
 * collection), under the 8 GiB budget. `npm run export` alone runs with the
 * same flag (package.json).
 */
const GC_FLAGS = ['--external-memory-accounted-in-global-limit'];

/** The stages running now, each its own process group (GNU time and the Node process under it). */
const running = new Set<ChildProcess>();

/** Stops every stage still running: when one fails, or the build is interrupted, none is left behind. */
function stopStages(): void {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // It has already exited.
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopStages();
    process.exit(1);
  });
}

interface RunOptions {
  /** Scheduling priority (nice(1), 0 to 19): a higher number leaves the CPU to the other stages. */
  nice?: number;
  /** Print the stage's output when it ends, in one piece, rather than as it runs among the others'. */
  outputAtEnd?: boolean;
  /** Environment variables for this stage. */
  env?: Record<string, string>;
}

/** Runs a Node script as its own process; rejects, after printing the stage, when it fails. */
function run(stage: string, script: string[], { nice = 0, outputAtEnd = false, env = {} }: RunOptions = {}): Promise<void> {
  const started = performance.now();
  const name = stage.replaceAll(' ', '-');
  const profiling = CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(CPU_PROFILE, name)}`] : [];
  const args = [`--max-old-space-size=${HEAP_MIB}`, ...GC_FLAGS, ...profiling, ...script];
  const timing = `${STAGE_REPORT}.${name}`;
  const timed = STAGE_REPORT ? ['/usr/bin/time', '-f', '%e %U %S %M', '-o', timing] : [];
  const [command, ...commandArgs] = ['nice', '-n', String(nice), ...timed, process.execPath, ...args];
  return new Promise((resolve, reject) => {
    // Its own process group, so that stopStages() reaches the Node process under GNU time too.
    // Colours as the stage would show them in this terminal, though its output goes through a pipe.
    const colours = process.stdout.isTTY ? { FORCE_COLOR: '1' } : {};
    const child = spawn(command!, commandArgs, {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, ...colours, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    // Passed on a whole line at a time (scripts/lib/line-output.ts), or all at the end.
    const output: Buffer[] = [];
    const [stdout, stderr] = outputAtEnd
      ? [lineOutput((bytes) => output.push(bytes)), lineOutput((bytes) => output.push(bytes))]
      : [lineOutput((bytes) => process.stdout.write(bytes)), lineOutput((bytes) => process.stderr.write(bytes))];
    child.stdout.on('data', (chunk: Buffer) => stdout.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.write(chunk));
    running.add(child);
    child.once('error', reject);
    child.once('close', async (code, signal) => {
      running.delete(child);
      stdout.end();
      stderr.end();
      if (output.length > 0) process.stdout.write(Buffer.concat(output));
      if (code !== 0) return reject(new Error(`build: ${stage} failed (exit ${code ?? signal})`));
      console.log(`build: ${stage} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      if (STAGE_REPORT) {
        const [wall, user, system, rssKb] = (await readFile(timing, 'utf8')).trim().split('\n').at(-1)!.split(' ').map(Number);
        await rm(timing);
        await appendFile(STAGE_REPORT, JSON.stringify({ stage, wall_s: wall, cpu_s: Math.round((user! + system!) * 10) / 10, peak_rss_mib: Math.round(rssKb! / 1024) }) + '\n');
      }
      resolve();
    });
  });
}

try {
  const check = run('content check', ['scripts/content-check.ts'], { nice: 10, outputAtEnd: true });
  // Content the check refuses stops the build at once.
  check.catch(stopStages);
  /** Links an output into dist/ (the site stage leaves these folders alone: src/integrations/output-in-place.ts), once the check has passed. */
  const mirror = async (output: LinkedOutput) => {
    await check;
    const started = performance.now();
    const { linked, unchanged, removed } = await mirrorTree(join(ROOT, output.from), join(ROOT, 'dist', output.to), output.pages);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`build: dist/${output.to}/: ${linked} file(s) linked from ${output.from}/, ${unchanged} unchanged, ${removed} removed, in ${seconds} s`);
  };
  const build = (async () => {
    await rm(EXPORT_READY, { force: true });
    await run('bodies', ['scripts/render-bodies.ts']);
    await Promise.all([
      run('exports', ['scripts/export.ts', '--out', EXPORT_DIR]).then(() => writeFile(EXPORT_READY, '')).then(() => mirror(DATASET_OUTPUT)),
      run('site', ['node_modules/astro/bin/astro.mjs', 'build'], { env: { [EXPORT_READY_ENV]: EXPORT_READY } }),
      run('search index', ['scripts/search-index.ts', '--out', SEARCH_DIR]).then(() => mirror(SEARCH_OUTPUT)),
      mirror(CAPTURES_OUTPUT),
    ]);
  })();
  // When a stage fails on content the check refuses, the check's messages are the ones that say what to fix: so it is awaited first.
  const [checked, built] = await Promise.allSettled([check, build]);
  if (checked.status === 'rejected') throw checked.reason;
  if (built.status === 'rejected') throw built.reason;
} catch (error) {
  console.error((error as Error).message);
  stopStages();
  process.exit(1);
}
