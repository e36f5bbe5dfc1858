/**
 * Summaries of V8 CPU profiles (`node --cpu-prof`, one file per thread): where
 * a stage's time went, by function and by area (a package, a project file,
 * one of Node's modules), for `npm run bench -- --profile`. Pure, so it is
 * tested on a small profile.
 */

/** The part of a .cpuprofile file read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  /** The node each sample was taken in. */
  samples: number[];
  /** Microseconds since the sample before (the first: since the profile started). */
  timeDeltas: number[];
}

export interface ProfileRow {
  name: string;
  ms: number;
}

export interface ProfileSummary {
  /** How many threads' profiles were merged. */
  threads: number;
  /** All the time sampled, over every thread. */
  sampledMs: number;
  /** Of it, time a thread had nothing to run: it waited for I/O, another thread or another process. */
  idleMs: number;
  /** Self time by function, most first. */
  functions: ProfileRow[];
  /** Self time by area, most first. */
  areas: ProfileRow[];
}

/** What V8 names the time that is not in a JavaScript function. */
const IDLE = '(idle)';

/**
 * The area a function belongs to, from its script's URL: a package under
 * node_modules, a file of the project (relative to `root`), a module of
 * Node's own, WebAssembly, or V8's native code.
 * @example areaOf('file:///p/node_modules/@duckdb/node-api/lib/x.js', '/p') // "@duckdb/node-api"
 * @example areaOf('node:internal/crypto/hash', '/p') // "node:crypto"
 * @example areaOf('file:///p/src/lib/words.ts', '/p') // "src/lib/words.ts"
 */
export function areaOf(url: string, root: string): string {
  if (url === '') return '(native)';
  if (url.startsWith('wasm://')) return '(WebAssembly)';
  if (url.startsWith('node:')) return `node:${url.slice('node:'.length).replace(/^internal\//, '').split('/')[0]}`;
  const path = decodeURIComponent(url.replace(/^file:\/\//, ''));
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const [scope, name] = path.slice(inModules + '/node_modules/'.length).split('/');
    return scope!.startsWith('@') ? `${scope}/${name}` : scope!;
  }
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/**
 * Merges the profiles of a stage's threads into self time by function and by
 * area. A sample stands for the time until the next one. Each profile is read
 * once, as it comes: a generator can parse them one at a time.
 */
export function summarizeProfiles(profiles: Iterable<CpuProfile>, root: string): ProfileSummary {
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  let threads = 0;
  let sampledMs = 0;
  let idleMs = 0;
  for (const profile of profiles) {
    threads++;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    for (let i = 0; i < profile.samples.length; i++) {
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const frame = nodes.get(profile.samples[i]!)!;
      sampledMs += ms;
      if (frame.functionName === IDLE) {
        idleMs += ms;
        continue;
      }
      const area = areaOf(frame.url, root);
      const name = frame.url === '' ? frame.functionName : `${frame.functionName || '(anonymous)'} ${area}:${frame.lineNumber + 1}`;
      functions.set(name, (functions.get(name) ?? 0) + ms);
      areas.set(area, (areas.get(area) ?? 0) + ms);
    }
  }
  const sorted = (rows: Map<string, number>) => [...rows].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name));
  return { threads, sampledMs, idleMs, functions: sorted(functions), areas: sorted(areas) };
}

/** A stage's summary as Markdown: its busy and idle time, then the largest functions and areas by self time. */
export function profileMarkdown(stage: string, summary: ProfileSummary, top = 15): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const busyMs = summary.sampledMs - summary.idleMs;
  const share = (ms: number) => `${busyMs > 0 ? ((100 * ms) / busyMs).toFixed(1) : '0.0'}%`;
  const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const table = (heading: string, rows: readonly ProfileRow[]) =>
    [`| Self (s) | Of busy | ${heading} |`, '| --- | --- | --- |', ...rows.slice(0, top).map((row) => `| ${seconds(row.ms)} | ${share(row.ms)} | ${cell(row.name)} |`)].join('\n');
  return [
    `### ${stage}`,
    '',
    `${summary.threads} thread(s): ${seconds(busyMs)} s busy, ${seconds(summary.idleMs)} s idle (waiting for I/O, another thread or another process).`,
    '',
    table('Area', summary.areas),
    '',
    table('Function', summary.functions),
    '',
  ].join('\n');
}
