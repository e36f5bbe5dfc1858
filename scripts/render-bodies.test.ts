import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const SCRIPT = join(import.meta.dirname, 'render-bodies.ts');
const root = await mkdtemp(join(tmpdir(), 'render-bodies-'));
after(() => rm(root, { recursive: true, force: true }));

/** Runs the bodies stage on `root`; its counts, from its closing line. */
function renderBodies(): { rendered: number; pruned: number; read: number; files: number } {
  const run = spawnSync(process.execPath, [SCRIPT, '--root', root, '--workers', '1'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const [, rendered, pruned, read, files] = /(\d+) rendered .* (\d+) pruned; (\d+) of (\d+) files read/.exec(run.stdout) ?? [];
  assert.ok(files, run.stdout);
  return { rendered: Number(rendered), pruned: Number(pruned), read: Number(read), files: Number(files) };
}

const article = (name: string, body: string) => writeFile(join(root, 'content/articles', name), `---\nid: ${name.replace('.md', '')}\n---\n${body}\n`);

test('the bodies stage reads again only the files whose stamp changed, and renders only new bodies', async () => {
  await mkdir(join(root, 'content/articles'), { recursive: true });
  await mkdir(join(root, 'content/events'), { recursive: true });
  await article('a.md', 'पुतिन और लुकाशेंको।');
  await article('b.md', 'بوتين ولوكاشينكو.');
  await writeFile(join(root, 'content/events/e.md'), '---\nid: e\n---\nSummit.\n');
  assert.deepEqual(renderBodies(), { rendered: 3, pruned: 0, read: 3, files: 3 });
  assert.deepEqual(renderBodies(), { rendered: 0, pruned: 0, read: 0, files: 3 }, 'nothing changed: no file read');

  // A corrected body is read and rendered; the one it replaces is pruned.
  await article('a.md', 'पुतिन और लुकाशेंको मिले।');
  assert.deepEqual(renderBodies(), { rendered: 1, pruned: 1, read: 1, files: 3 });
  // A file touched without a change is read again, and its body found in the cache.
  const later = new Date(Date.now() + 60_000);
  await utimes(join(root, 'content/articles/b.md'), later, later);
  assert.deepEqual(renderBodies(), { rendered: 0, pruned: 0, read: 1, files: 3 });
  // A removed file's body goes.
  await rm(join(root, 'content/articles/b.md'));
  assert.deepEqual(renderBodies(), { rendered: 0, pruned: 1, read: 0, files: 2 });
});
