/**
 * Writes sitemap-index.xml and sitemap-<n>.xml once Astro has built the pages:
 * every page but the 404 and the search pages, with hreflang alternates for
 * localized pages (see src/lib/sitemap.ts for why this is not @astrojs/sitemap).
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { localeKeys, locales } from '../i18n/locales.ts';
import { paths } from '../lib/routing.ts';
import { sitemapEntries, sitemapIndexXml, sitemapXml, URLS_PER_SITEMAP } from '../lib/sitemap.ts';

/** Search result pages are not content; 404 is not a page. */
const LEFT_OUT = new Set(['/404/', '/404.html', ...localeKeys.map(paths.search)]);

export function sitemap(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'coverage-atlas-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!site) throw new Error('The sitemap needs the `site` option in astro.config.mjs');
        const pathnames = pages.map((page) => `/${page.pathname}`).filter((pathname) => pathname.endsWith('/') && !LEFT_OUT.has(pathname));
        const entries = sitemapEntries(pathnames, localeKeys.map((key) => ({ segment: locales[key].segment, hreflang: locales[key].lang })), site);
        const files: string[] = [];
        for (let start = 0; start < entries.length; start += URLS_PER_SITEMAP) {
          const name = `sitemap-${files.length}.xml`;
          await writeFile(new URL(name, dir), sitemapXml(entries.slice(start, start + URLS_PER_SITEMAP)));
          files.push(new URL(name, site).href);
        }
        await writeFile(new URL('sitemap-index.xml', dir), sitemapIndexXml(files));
        logger.info(`${entries.length} pages in ${files.length} sitemap file(s) under ${fileURLToPath(dir)}`);
      },
    },
  };
}
