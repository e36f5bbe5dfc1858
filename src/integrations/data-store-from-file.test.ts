import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { dataStoreFromFile } from './data-store-from-file.ts';

/** The Vite plugin the integration adds for `command`, with the cache folder `cacheDir`. */
async function pluginFor(command: 'build' | 'dev', cacheDir: string): Promise<Plugin | undefined> {
  let plugins: Plugin[] = [];
  const setup = dataStoreFromFile().hooks['astro:config:setup'] as (options: unknown) => Promise<void> | void;
  await setup({
    command,
    config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
    updateConfig: (update: { vite: { plugins: Plugin[] } }) => (plugins = update.vite.plugins),
  });
  return plugins[0];
}

/** Runs a module's code (as the prerendering build would) and gives its default export. */
async function run(code: string): Promise<unknown> {
  return ((await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown }).default;
}

test("the build's data-store module reads the store from its file, giving what Astro's inlined module gives", async () => {
  const cacheDir = await mkdtemp(join(tmpdir(), 'atlas-store-'));
  try {
    // A store with the characters that JSON escapes inside a string literal, and text in other scripts.
    const json = JSON.stringify([['Map', 1, 2], 'articles', { title: 'पुतिन "और" लुकाशेंको', note: 'بوتين\\ \n' }]);
    await writeFile(join(cacheDir, 'data-store.json'), json);
    // Astro's module, as astro/dist/content/vite-plugin-content-virtual-mod.js writes it.
    const inlined = `export default JSON.parse(${JSON.stringify(json)})`;
    const plugin = await pluginFor('build', cacheDir);
    const transform = plugin!.transform as (code: string, id: string) => { code: string } | undefined;
    const fromFile = transform(inlined, '\0astro:data-layer-content');
    assert.ok(fromFile, 'the inlined store is replaced');
    assert.ok(fromFile.code.length < 300, 'the module no longer holds the store');
    assert.deepEqual(await run(fromFile.code), await run(inlined));
    // Every other module, and a store Astro writes in parts, are left as they are.
    assert.equal(transform(inlined, '/project/src/pages/index.astro'), undefined);
    assert.equal(transform('export default{"articles":[]}', '\0astro:data-layer-content'), undefined);
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
});

test('the dev server keeps Astro\'s own data-store module', async () => {
  assert.equal(await pluginFor('dev', tmpdir()), undefined);
});
