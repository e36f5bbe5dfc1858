/**
 * The documentation pages as the search indexes them, read from their sources
 * (the Markdown pages, and the schema and dataset tables for the data
 * dictionary) rather than from the built site: so no search bundle waits for
 * the site. Pure: the caller reads the files.
 */
import { parse } from 'yaml';
import { markdownToText } from '../export/plain-text.ts';
import type { Table } from '../export/tables.ts';
import { describeCollection } from '../schema/dictionary.ts';
import { collections, type CollectionName } from '../schema/index.ts';
import { splitFrontMatter } from '../schema/parse.ts';

/** A documentation page: where it is, its title and the text it is found by. */
export interface DocumentationPage {
  url: string;
  title: string;
  text: string;
}

/**
 * A documentation page written in Markdown (src/pages/…/*.md): its title from
 * the front matter, its description and its text.
 * @example markdownPage('/about/', '---\ntitle: About\n---\nAn *archive*.').text // "An archive."
 */
export function markdownPage(url: string, source: string): DocumentationPage {
  const split = splitFrontMatter(source);
  const frontMatter = (split ? parse(split.yaml) : {}) as { title?: string; description?: string };
  if (!frontMatter.title) throw new Error(`documentation page ${url}: its front matter has no title`);
  const text = markdownToText(split?.body ?? source);
  return { url, title: frontMatter.title, text: [frontMatter.description, text].filter(Boolean).join('\n\n') };
}

/**
 * The data dictionary's text, as the page shows it: every field of every
 * collection and every column of every dataset table, with its type and meaning.
 */
export function dataDictionaryPage(url: string, tables: readonly Table[]): DocumentationPage {
  const collectionParts = (Object.keys(collections) as CollectionName[]).map((name) =>
    [
      `content/${collections[name].folder}/: ${collections[name].schema.meta()?.description ?? ''}`,
      ...describeCollection(name).map((field) => `${field.path} (${field.type}): ${field.description}`),
    ].join('\n'),
  );
  const tableParts = tables.map((table) =>
    [`${table.name}: ${table.description}`, ...table.columns.map((column) => `${column.name} (${column.type}): ${column.description}`)].join('\n'),
  );
  return { url, title: 'Data dictionary', text: ['Content files', ...collectionParts, 'Dataset tables', ...tableParts].join('\n\n') };
}
