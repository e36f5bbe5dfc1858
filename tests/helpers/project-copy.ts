/** A throwaway copy of the project, to add content to and build, without touching the real one. */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './dist.ts';

const PARTS = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'scripts', 'public'];

export interface ProjectCopy {
  dir: string;
  /** Runs a project script (or Astro) with the project's Node, returning its exit code and output. */
  run: (args: string[]) => { code: number; output: string };
  remove: () => Promise<void>;
}

/** Copies the sources and content into a temporary folder, sharing node_modules by a link. */
export async function copyProject(): Promise<ProjectCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-copy-'));
  for (const part of PARTS) await cp(join(ROOT, part), join(dir, part), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return {
    dir,
    run: (args) => {
      const result = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 64 * 1024 * 1024 });
      return { code: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
