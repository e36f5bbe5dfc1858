/**
 * The sitemap (sitemaps.org protocol) with hreflang alternates for localized
 * pages. Written here because @astrojs/sitemap finds each page's alternates by
 * scanning every URL of the site, once per page: quadratic, hours at 100,000
 * articles. Here the pages are grouped by their locale-free path in one pass.
 */
import { escapeXml } from './xml.ts';

/** The protocol allows 50,000 URLs per sitemap file; files stay well below. */
export const URLS_PER_SITEMAP = 45_000;

/** An interface locale as the sitemap sees it: its URL segment ("" at the root) and hreflang code. */
export interface SitemapLocale {
  segment: string;
  hreflang: string;
}

export interface SitemapEntry {
  /** Absolute URL of the page. */
  loc: string;
  /** The same page in every locale, when it has more than one. */
  alternates: { hreflang: string; href: string }[];
}

/**
 * Every page with its alternates: pages whose paths differ only by a locale
 * segment are the same page in different interface languages.
 * @example sitemapEntries(['/', '/ar/'], locales, 'https://x.example') // two entries, each listing both
 */
export function sitemapEntries(pathnames: readonly string[], locales: readonly SitemapLocale[], site: string | URL): SitemapEntry[] {
  const bySegment = new Map(locales.filter((l) => l.segment).map((l) => [l.segment, l] as const));
  const root = locales.find((l) => !l.segment)!;
  const parsed = [...new Set(pathnames)].sort().map((pathname) => {
    const segment = pathname.split('/')[1] ?? '';
    const locale = bySegment.get(segment);
    return locale ? { pathname, locale, base: pathname.slice(segment.length + 1) } : { pathname, locale: root, base: pathname };
  });
  const groups = new Map<string, { hreflang: string; href: string }[]>();
  for (const page of parsed) {
    const group = groups.get(page.base) ?? [];
    group.push({ hreflang: page.locale.hreflang, href: new URL(page.pathname, site).href });
    groups.set(page.base, group);
  }
  return parsed.map((page) => {
    const group = groups.get(page.base)!;
    return { loc: new URL(page.pathname, site).href, alternates: group.length > 1 ? group : [] };
  });
}

/** One sitemap file holding `entries`. */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map(
    (entry) =>
      `<url><loc>${escapeXml(entry.loc)}</loc>${entry.alternates
        .map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`)
        .join('')}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

/** The sitemap index listing the sitemap files at `locs`. */
export function sitemapIndexXml(locs: readonly string[]): string {
  const sitemaps = locs.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemaps.join('\n')}\n</sitemapindex>\n`;
}
