/**
 * `npm run build`: the whole site, search index and dataset into dist/, in order,
 * timing each stage. The exports come first because the /data/ pages list the
 * files they wrote (sizes, rows, SHA-256); they are then copied into dist/data/.
 */
import { spawnSync } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILD_EXPORT_DIR } from '../src/lib/dataset-file.ts';

const ROOT = join(import.meta.dirname, '..');
const EXPORT_DIR = join(ROOT, BUILD_EXPORT_DIR);

function run(stage: string, args: string[]): void {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    console.error(`build: ${stage} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`build: ${stage} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// The build refuses invalid content, with content:check's own messages.
run('content check', ['scripts/content-check.ts']);
run('exports', ['scripts/export.ts', '--out', EXPORT_DIR]);
run('site', ['node_modules/astro/bin/astro.mjs', 'build']);
run('search index', ['scripts/search-index.ts']);
await cp(EXPORT_DIR, join(ROOT, 'dist', 'data'), { recursive: true });
console.log('build: dataset copied to dist/data/');
