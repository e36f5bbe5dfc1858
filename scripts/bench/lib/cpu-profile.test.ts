import assert from 'node:assert/strict';
import { test } from 'node:test';
import { areaOf, profileMarkdown, summarizeProfiles, type CpuProfile } from './cpu-profile.ts';

const ROOT = '/work/project';

test('areaOf names the package, the project file, the Node module, WebAssembly or native code', () => {
  assert.equal(areaOf(`file://${ROOT}/node_modules/csv-stringify/lib/api/index.js`, ROOT), 'csv-stringify');
  assert.equal(areaOf(`file://${ROOT}/node_modules/@duckdb/node-api/lib/DuckDBInstance.js`, ROOT), '@duckdb/node-api');
  assert.equal(areaOf(`file://${ROOT}/node_modules/astro/node_modules/vite/dist/node/chunk.js`, ROOT), 'vite');
  assert.equal(areaOf(`file://${ROOT}/src/export/writers.ts`, ROOT), 'src/export/writers.ts');
  assert.equal(areaOf('node:internal/crypto/hash', ROOT), 'node:crypto');
  assert.equal(areaOf('node:zlib', ROOT), 'node:zlib');
  assert.equal(areaOf('wasm://wasm/00ad0bc6', ROOT), '(WebAssembly)');
  assert.equal(areaOf('', ROOT), '(native)');
});

/** A profile of one thread: `run` and `hash` called from the root, and idle time. */
const profile = (deltas: number[], samples: number[]): CpuProfile => ({
  nodes: [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
    { id: 2, callFrame: { functionName: 'run', url: `file://${ROOT}/scripts/export.ts`, lineNumber: 9 } },
    { id: 3, callFrame: { functionName: 'update', url: 'node:internal/crypto/hash', lineNumber: 145 } },
    { id: 4, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
    { id: 5, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
  ],
  samples,
  timeDeltas: deltas,
});

test('summarizeProfiles adds up self time by function and area over threads, each sample lasting until the next', () => {
  // Thread one: run 3.5 ms, update 1 ms, idle 2 ms; the last sample has no next one and counts for nothing.
  const one = profile([0, 3000, 1000, 2000, 500], [2, 3, 4, 2, 3]);
  // Thread two: garbage collection 4 ms, then run 1 ms.
  const two = profile([100, 4000, 1000], [5, 2, 2]);
  const summary = summarizeProfiles([one, two], ROOT);
  assert.equal(summary.threads, 2);
  assert.equal(summary.sampledMs, 11.5);
  assert.equal(summary.idleMs, 2);
  assert.deepEqual(summary.functions, [
    { name: 'run scripts/export.ts:10', ms: 4.5 },
    { name: '(garbage collector)', ms: 4 },
    { name: 'update node:crypto:146', ms: 1 },
  ]);
  assert.deepEqual(summary.areas, [
    { name: 'scripts/export.ts', ms: 4.5 },
    { name: '(native)', ms: 4 },
    { name: 'node:crypto', ms: 1 },
  ]);
});

test('profileMarkdown gives busy and idle time and the top rows, with shares of the busy time', () => {
  const summary = summarizeProfiles([profile([0, 3000, 1000, 2000, 500], [2, 3, 4, 2, 3])], ROOT);
  const markdown = profileMarkdown('exports', summary, 1);
  assert.match(markdown, /^### exports\n/);
  assert.match(markdown, /1 thread\(s\): 0\.0 s busy, 0\.0 s idle/);
  assert.match(markdown, /\| 0\.0 \| 77\.8% \| scripts\/export\.ts \|/);
  assert.match(markdown, /\| 0\.0 \| 77\.8% \| run scripts\/export\.ts:10 \|/);
  assert.doesNotMatch(markdown, /node:crypto/, 'only the top row of each table');
});
