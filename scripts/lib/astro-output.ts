/**
 * Reads Astro's build output: each page and feed it names, and whether it was
 * kept from the incremental build's cache or rendered again.
 */
import { stripVTControlCharacters } from 'node:util';

/** A page or feed the build named, by its path in dist/. */
export interface BuiltPage {
  page: string;
  /** Kept from the incremental build's cache ("(cached)" or "(restored)"), not rendered again. */
  kept: boolean;
}

/**
 * Every page and feed the build output names, in order. Astro names a page as
 * it starts it. A kept page's name is followed at once by "(cached)"; a
 * rendered page's time comes when it ends, and other pages' names may come
 * first, on the same line: so a name ends at its extension. Colours are taken out.
 * @example builtPages('├─ /a/index.html (cached)\n├─ /b/index.html├─ /c/feed.xml (+2ms)') // [{ page: '/a/index.html', kept: true }, { page: '/b/index.html', kept: false }, { page: '/c/feed.xml', kept: false }]
 */
export function builtPages(output: string): BuiltPage[] {
  return [...stripVTControlCharacters(output).matchAll(/[├└]─ (\/\S*?\.(?:html|xml|txt))( \((?:cached|restored)\))?/g)].map((match) => ({
    page: match[1]!,
    kept: match[2] !== undefined,
  }));
}
