/**
 * Has the build read Astro's data store from its file when the pages are
 * prerendered, instead of from a string literal in the bundle. Astro inlines
 * data-store.json into its data-store module as `export default JSON.parse("…")`:
 * at 100,000 articles that literal is 119 million characters, and V8 compiles a
 * string literal that long in more than linear time (0.40 s for the
 * 10,000-article store, 22.2 s for the 100,000-article one, measured alone,
 * against 2.0 s to read and parse the file; in the 100,000-article rebuild the
 * site's CPU time went from 164.7 s to 127.9 s). The pages are
 * prerendered by this same build, beside that file, so the module can read it
 * when it runs. Only for `astro build`: the dev server keeps Astro's own module,
 * which it reloads as content changes.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

/** Astro's resolved id of its data-store module (astro/dist/content/consts.js). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';
/** How Astro's module begins when it inlines the store (a chunked store, or none, is left as it is). */
const INLINED_STORE = 'export default JSON.parse(';

export function dataStoreFromFile(): AstroIntegration {
  return {
    name: 'coverage-atlas-data-store-from-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        // Where Astro writes the store in a build: the cache folder (astro/dist/content/paths.js).
        const storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'coverage-atlas-data-store-from-file',
                transform(code, id) {
                  if (id !== DATA_STORE_MODULE || !code.startsWith(INLINED_STORE)) return undefined;
                  return { code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));`, map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
