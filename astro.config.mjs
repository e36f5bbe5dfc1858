// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { dataStoreFromFile } from './src/integrations/data-store-from-file.ts';
import { outputInPlace } from './src/integrations/output-in-place.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { markdownOptions } from './src/markdown/options.ts';
import { SITE_URL } from './src/site-config.ts';

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  // Pages are written while the next ones render: without this the build waits on the disk a fifth of the time.
  build: { format: 'directory', concurrency: 4 },
  markdown: {
    processor: unified(markdownOptions),
    syntaxHighlight: false,
  },
  // outputInPlace first: it deletes what this build did not write, and the sitemap is written after the pages.
  integrations: [outputInPlace(), sitemap(), dataStoreFromFile()],
  // Incremental builds: a page whose cache key (src/lib/page-keys.ts) and code are unchanged is kept
  // from the last build instead of rendered (in place: see outputInPlace). The cache lives with the
  // project's other build caches.
  cacheDir: './.cache/astro',
  experimental: { incrementalBuild: true },
});
