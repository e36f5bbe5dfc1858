// @ts-check
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { defaultLocale, localeKeys, locales } from './src/i18n/locales.ts';
import { paths } from './src/lib/routing.ts';
import { markdownOptions } from './src/markdown/options.ts';
import { SITE_URL } from './src/site-config.ts';

/** Search result pages are not content: they stay out of the sitemap (404 is left out by the integration). */
const searchPages = new Set(localeKeys.map((key) => new URL(paths.search(key), SITE_URL).href));

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    processor: unified(markdownOptions),
    syntaxHighlight: false,
  },
  integrations: [
    sitemap({
      // Keys are URL segments (English at the root), values hreflang codes: localized pages list their alternates.
      i18n: {
        defaultLocale,
        locales: Object.fromEntries(localeKeys.map((key) => [locales[key].segment || key, locales[key].lang])),
      },
      filter: (page) => page.endsWith('/') && !searchPages.has(page),
      namespaces: { news: false, image: false, video: false },
    }),
  ],
});
