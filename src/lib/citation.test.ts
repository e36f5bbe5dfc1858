import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article, Source } from '../schema/index.ts';
import { ArticleSchema, SourceSchema } from '../schema/index.ts';
import { citeBibtex, citeCslJson, citePlain, citeRis, escapeBibtex } from './citation.ts';

// Built through the real schemas so the fixtures cannot drift from the content model.
const article: Article = ArticleSchema.parse({
  id: '2024-01-example-report',
  title: 'لقاء بوتين ولوكاشينكو',
  title_en: { text: 'Putin & Lukashenko meet', by: 'machine', agent: 'test engine' },
  language: 'ar',
  published: { value: '2024-01', precision: 'month', basis: 'inferred', evidence: 'Monday' },
  source: 'fars-news-agency',
  events: [],
  entities: [],
  topics: [],
  capture: { path: 'captures/x.txt', sha256: 'a'.repeat(64), origin: { url: null, retrieved: null, description: 'x' } },
  editorial_notes: [],
  added: '2026-11-25',
});
const source: Source = SourceSchema.parse({
  id: 'fars-news-agency', name: 'خبرگزاری فارس', name_lang: 'fa', name_latin: 'Fars News Agency', names: {},
  home: null, country: 'IR', languages: ['fa'], kind: 'news-agency', description: 'An Iranian news agency.',
});
const input = { article, source, url: 'https://example.org/articles/2024-01-example-report/', archive: 'Coverage Atlas' };

test('plain text keeps the original title and gives the English one', () => {
  const text = citePlain(input);
  assert.match(text, /“لقاء بوتين ولوكاشينكو” \[Putin & Lukashenko meet\]\. Fars News Agency, 2024-01\./);
  assert.ok(text.endsWith(input.url));
});

test('BibTeX escapes special characters and gives only the known date parts', () => {
  const bib = citeBibtex(input);
  assert.match(bib, /^@article\{2024_01_example_report,/);
  assert.match(bib, /note = \{Archived in Coverage Atlas; English title: Putin \\& Lukashenko meet\}/);
  assert.match(bib, /month = \{1\}/);
  assert.doesNotMatch(bib, /day = /);
  assert.equal(escapeBibtex('50% {x}'), '50\\% \\{x\\}');
});

test('RIS is a NEWS record ending in ER', () => {
  const ris = citeRis(input).split('\n');
  assert.equal(ris[0], 'TY  - NEWS');
  assert.ok(ris.includes('DA  - 2024/01/'));
  assert.equal(ris.at(-1), 'ER  -');
});

test('CSL-JSON parses and has the date parts', () => {
  const [item] = JSON.parse(citeCslJson(input));
  assert.equal(item.type, 'article-newspaper');
  assert.deepEqual(item.issued, { 'date-parts': [[2024, 1]] });
  assert.equal(item.language, 'ar');
});
