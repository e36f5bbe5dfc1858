/**
 * Builds the site into dist/ in place instead of emptying it first. Astro's
 * incremental build keeps a page whose code and cache key are unchanged, but
 * only if the page is still in dist/: when dist/ is emptied, it copies every
 * page back from its cache, which at 100,000 articles is 15 GB copied for a
 * one-article change. So dist/ is kept, and once the pages are built, every
 * file this build did not produce is deleted (pages of removed records, and
 * anything else left in dist/), which leaves the same files as emptying would.
 * What dist/ held is listed while the pages render, not after: at 100,000
 * articles its 280,000 folders took 13 s to walk at the end of a rebuild. Only
 * the build writes into dist/ meanwhile, and what it writes is in its assets.
 *
 * That copy in Astro's cache (<cacheDir>/dist/, astro/dist/core/build/incremental.js)
 * then serves no purpose, and it doubled what the build writes: a second file
 * and folder for every page it renders. So that folder is made a link to dist/
 * itself, and a page missing from dist/ is missing from the cache too, so it is
 * rendered again rather than restored. Astro would still write each page it
 * renders a second time, over itself (a folder made and a file opened, truncated
 * and written again: at 10,000 articles a sixth of the site's CPU time, a third
 * of its system time), so that write is skipped while the link is in place
 * (skipCopiesOverPages).
 *
 * The client assets (_astro/) are written anew by every build, so they are
 * emptied before it; public/ is copied in by Astro. The folders that receive the
 * search index, the dataset and the captures are left alone: `npm run build`
 * mirrors those outputs into them (src/lib/linked-outputs.ts).
 *
 * List it before the integrations that write into dist/ once the pages are
 * built (the sitemap), or their files are deleted as stale.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, readlink, rm, rmdir, symlink, unlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LINKED_OUTPUTS } from '../lib/linked-outputs.ts';
import { filesUnder, foldersOf, staleFiles } from '../lib/stale-output.ts';

/** The method of Astro's incremental build cache (IncrementalBuildCache in astro/dist/core/build/incremental.js) this integration changes. */
interface CopyWriter {
  writeOutputFile(settings: unknown, outputFile: string, body: Uint8Array): Promise<void>;
}

/** Whether Astro's cache of pages is now a link to dist/ (so its copy of a page is the page), and how many copies this build skipped. */
const pageCopies = { skip: false, skipped: 0 };
let skipping: Promise<void> | undefined;

/**
 * Makes Astro's incremental build skip its copy of each page it renders while
 * that copy would be the page itself (pageCopies.skip). Astro writes the copy,
 * then records the page's cache key (astro/dist/core/build/generate.js); the
 * key is still recorded, so the page is kept by the next build. The class is
 * not among Astro's exports, so it is reached by its file, which is the module
 * Astro's build imports: the skipped copies are counted and reported, so that
 * a change in Astro that bypasses this shows.
 */
function skipCopiesOverPages(): Promise<void> {
  return (skipping ??= (async () => {
    const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
    const { IncrementalBuildCache } = (await import(pathToFileURL(join(dirname(astroPackage), 'dist/core/build/incremental.js')).href)) as {
      IncrementalBuildCache: { prototype: CopyWriter };
    };
    const writeCopy = IncrementalBuildCache.prototype.writeOutputFile;
    if (typeof writeCopy !== 'function') throw new Error("coverage-atlas-output-in-place: Astro's incremental build cache has no writeOutputFile() any more: see src/integrations/output-in-place.ts");
    IncrementalBuildCache.prototype.writeOutputFile = function (this: CopyWriter, ...args) {
      if (!pageCopies.skip) return writeCopy.apply(this, args);
      pageCopies.skipped++;
      return Promise.resolve();
    };
  })());
}

export function outputInPlace(): AstroIntegration {
  let outDir = '';
  let publicDir = '';
  let assetsFolder = '';
  /** Where Astro's incremental build keeps its copy of each page it renders. */
  let pagesCache = '';
  /** The files dist/ held when the build started, outside the folders it keeps. */
  let present: Promise<string[]> = Promise.resolve([]);
  const keptFolders = () => [assetsFolder, ...LINKED_OUTPUTS.map((output) => output.to)];
  return {
    name: 'coverage-atlas-output-in-place',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        publicDir = fileURLToPath(config.publicDir);
        assetsFolder = config.build.assets;
        pagesCache = fileURLToPath(new URL('dist/', config.cacheDir)).replace(/[\\/]$/, '');
      },
      'astro:build:start': async () => {
        await rm(join(outDir, assetsFolder), { recursive: true, force: true });
        await mkdir(outDir, { recursive: true });
        const target = relative(dirname(pagesCache), outDir);
        if ((await readlink(pagesCache).catch(() => undefined)) !== target) {
          // A folder of copies from a build before this one, or a link elsewhere.
          await rm(pagesCache, { recursive: true, force: true });
          await mkdir(dirname(pagesCache), { recursive: true });
          await symlink(target, pagesCache, 'dir');
        }
        await skipCopiesOverPages();
        Object.assign(pageCopies, { skip: true, skipped: 0 });
        present = filesUnder(outDir, keptFolders());
        // Awaited when the pages are built; a build that fails before then leaves it unread.
        present.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const produced = new Set(await filesUnder(publicDir));
        for (const urls of assets.values()) for (const url of urls) produced.add(relative(root, fileURLToPath(url)).split(sep).join('/'));
        const kept = keptFolders();
        const stale = staleFiles(await present, produced, kept);
        // A file the build itself removed meanwhile (Astro's scratch folders) is gone already.
        for (const file of stale) {
          await unlink(join(root, file)).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw error;
          });
        }
        for (const folder of foldersOf(stale)) {
          await rmdir(join(root, folder)).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOTEMPTY' && error.code !== 'ENOENT') throw error;
          });
        }
        logger.info(`${produced.size} file(s) in ${root}; ${stale.length} left from an earlier build deleted; ${pageCopies.skipped} page(s) written once, not again over themselves as Astro's cached copy`);
        pageCopies.skip = false;
      },
    },
  };
}
