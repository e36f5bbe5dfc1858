/**
 * "How to cite" an archived article in four formats. Small enough to write
 * here: a citation library (citation-js) would add a large dependency for
 * four fixed templates.
 */
import type { Article, Source } from '../schema/index.ts';

export interface CitationInput {
  article: Article;
  source: Source;
  /** Absolute URL of the article's page in the archive. */
  url: string;
  /** Name of the archive, e.g. "Coverage Atlas". */
  archive: string;
}

/** The headline, or the English description of an untitled article. */
function titleOf({ article }: CitationInput): string {
  return article.title ?? `[Untitled${article.title_en ? `: ${article.title_en.text}` : ''}]`;
}

/** The date parts known, e.g. [2024, 1] for January 2024. */
function dateParts(article: Article): number[] {
  return article.published.value.split('-').map(Number);
}

/** A plain-text citation. */
export function citePlain(input: CitationInput): string {
  const { article, source, url, archive } = input;
  const who = article.byline ? `${article.byline}. ` : '';
  const english = article.title && article.title_en ? ` [${article.title_en.text}]` : '';
  return `${who}“${titleOf(input)}”${english}. ${source.name_latin}, ${article.published.value}. Archived in ${archive}: ${url}`;
}

const BIBTEX_SPECIAL = /([{}\\%&#_$])/g;

/** Escapes the characters BibTeX treats specially. */
export function escapeBibtex(text: string): string {
  return text.replace(BIBTEX_SPECIAL, '\\$1');
}

/** A BibTeX entry (UTF-8; use biber/biblatex for non-Latin scripts). */
export function citeBibtex(input: CitationInput): string {
  const { article, source, url, archive } = input;
  const [year, month, day] = dateParts(article);
  const fields: [string, string | number | undefined][] = [
    ['title', titleOf(input)],
    ['author', article.byline ? `{${article.byline}}` : undefined],
    ['journaltitle', source.name_latin],
    ['date', article.published.value],
    ['year', year],
    ['month', month],
    ['day', day],
    ['langid', article.language],
    ['url', url],
    ['note', `Archived in ${archive}${article.title_en && article.title ? `; English title: ${article.title_en.text}` : ''}`],
  ];
  const body = fields
    .filter((f): f is [string, string | number] => f[1] !== undefined)
    .map(([k, v]) => `  ${k} = {${k === 'url' || k === 'author' ? v : escapeBibtex(String(v))}}`)
    .join(',\n');
  return `@article{${article.id.replaceAll('-', '_')},\n${body}\n}`;
}

/** An RIS record (type NEWS). */
export function citeRis(input: CitationInput): string {
  const { article, source, url, archive } = input;
  const [year, month, day] = dateParts(article);
  const lines: [string, string | undefined][] = [
    ['TY', 'NEWS'],
    ['TI', titleOf(input)],
    ['TT', article.title ? article.title_en?.text : undefined],
    ['AU', article.byline],
    ['T2', source.name_latin],
    ['PY', String(year)],
    ['DA', [year, month, day].map((p) => (p === undefined ? '' : String(p).padStart(2, '0'))).join('/')],
    ['LA', article.language],
    ['UR', url],
    ['DB', archive],
    ['ID', article.id],
    ['ER', ''],
  ];
  return lines
    .filter((l): l is [string, string] => l[1] !== undefined)
    .map(([tag, value]) => `${tag}  - ${value}`.trimEnd())
    .join('\n');
}

/** A CSL-JSON item, for Zotero, Pandoc and citeproc. */
export function citeCslJson(input: CitationInput): string {
  const { article, source, url, archive } = input;
  const item = {
    id: article.id,
    type: 'article-newspaper',
    title: titleOf(input),
    ...(article.title && article.title_en ? { note: `English title: ${article.title_en.text}` } : {}),
    ...(article.byline ? { author: [{ literal: article.byline }] } : {}),
    'container-title': source.name_latin,
    issued: { 'date-parts': [dateParts(article)] },
    language: article.language,
    URL: url,
    archive,
  };
  return JSON.stringify([item], null, 2);
}
