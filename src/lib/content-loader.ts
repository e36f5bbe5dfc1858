/**
 * An Astro content loader that stores only validated front matter. Bodies stay
 * on disk and each page renders its own (see src/markdown/render.ts): the
 * default glob() loader keeps every rendered body in one data store whose cost
 * grows faster than the corpus (measured: 10,000 articles 164 s, 30,000 355 s).
 *
 * Astro keeps the data store between builds, so a file unchanged since the last
 * build (same size, modification time and inode, as make and rsync judge it) is
 * not read again: only new and changed files are parsed and stored, and the
 * records of removed files are deleted.
 */
import type { Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { formatProblem } from '../schema/parse.ts';
import { collections, type CollectionName } from '../schema/index.ts';
import { collectRecords, listCollectionFiles, parseFiles } from './content-files.ts';
import { fileStamps } from './file-stamps.ts';
import { codeFingerprint } from './fingerprint.ts';

/** The code that turns a file into a record: after a change to it, every file is read again. */
const LOADER_SOURCES = ['src/schema', 'src/lib/content-files.ts', 'src/lib/content-loader.ts', 'src/lib/record-cache.ts', 'src/lib/body-key.ts'];

/**
 * A record's digest as the loader stores it: its front matter's and its body's,
 * joined. Astro compares the whole; the site's page keys read the front
 * matter's alone where a page lists a record without its body.
 * @example recordDigest('9f1c', 'e3b0') // "9f1c:e3b0"
 */
export function recordDigest(frontMatter: string, body: string): string {
  return `${frontMatter}:${body}`;
}

/**
 * The front matter's part of a digest recordDigest made.
 * @example frontMatterDigest('9f1c:e3b0') // "9f1c"
 */
export function frontMatterDigest(digest: string): string {
  return digest.slice(0, digest.indexOf(':'));
}

/** Creates the loader for one collection of the archive. */
export function archiveLoader(collection: CollectionName): Loader {
  const spec = collections[collection];
  return {
    name: 'coverage-atlas-loader',
    schema: spec.schema,
    async load({ store, meta, config, generateDigest, logger }) {
      const root = fileURLToPath(config.root);
      const files = await listCollectionFiles(root, collection);
      const stamps = await fileStamps(root, files);
      // What the last build stored, by file: kept only if the same code stored it.
      const fingerprint = codeFingerprint(LOADER_SOURCES);
      const stored = new Map<string, string>(meta.get('fingerprint') === fingerprint ? JSON.parse(meta.get('stamps') ?? '[]') : []);
      // A record's id is its file's name (the schema's rule), so an unchanged file's record is found by it.
      const idOf = (file: string) => file.slice(file.lastIndexOf('/') + 1, -spec.extension.length);
      const unchanged = (file: string) => stored.get(file) === stamps.get(file) && store.has(idOf(file));
      const read = new Map(await parseFiles(root, collection, files.filter((file) => !unchanged(file))));
      // Every file in order, the unchanged ones by their ids alone, so that a changed file that takes an
      // unchanged one's id is found as a duplicate.
      const { records, problems } = collectRecords(files.map((file) => [file, read.get(file) ?? { ok: true, record: { data: { id: idOf(file) } } }] as const));
      if (problems.length > 0) {
        throw new Error(
          `${problems.length} problem(s) in content/${spec.folder}/ (run "npm run content:check"):\n` + problems.map(formatProblem).join('\n'),
        );
      }
      const ids = new Set(records.map((record) => record.data.id));
      for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      for (const record of records) {
        // The unchanged files' records stand in by id alone (see above): only those read have a body.
        if (!('body' in record) || typeof record.body !== 'string') continue;
        const { data, body, file } = record;
        store.set({ id: data.id, data, filePath: file, digest: recordDigest(generateDigest(JSON.stringify(data)), generateDigest(body)) });
      }
      const stampsNow = JSON.stringify([...stamps]);
      // Set only when they differ: setting marks the data store to be written again, all of it.
      if (meta.get('stamps') !== stampsNow) meta.set('stamps', stampsNow);
      if (meta.get('fingerprint') !== fingerprint) meta.set('fingerprint', fingerprint);
      logger.info(`${records.length} ${collection} (${read.size} read, ${records.length - read.size} unchanged)`);
    },
  };
}
