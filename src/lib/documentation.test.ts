import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { buildTables } from '../export/tables.ts';
import { loadDataset } from './dataset-file.ts';
import { dataDictionaryPage, markdownPage } from './documentation.ts';

test('a Markdown documentation page is found by its description and its text, without its markup', () => {
  const page = markdownPage('/docs/citing/', '---\nlayout: ../../layouts/Doc.astro\ntitle: Citing\ndescription: How to cite.\n---\n\n## Citing an article\n\nUse the **BibTeX** entry.\n');
  assert.deepEqual(page, { url: '/docs/citing/', title: 'Citing', text: 'How to cite.\n\nCiting an article\n\nUse the BibTeX entry.' });
  assert.throws(() => markdownPage('/x/', '---\ndescription: no title\n---\nText'), /\/x\/: its front matter has no title/);
});

test('the data dictionary is found by every field of every collection and every dataset column', async () => {
  const dataset = await loadDataset(join(import.meta.dirname, '..', '..'));
  const tables = buildTables({ articles: [], events: [], sources: [], entities: [], topics: [], captures: new Map(), dataset, siteUrl: 'https://x.example', bodyText: () => ({ text: '', words: 0 }) });
  const page = dataDictionaryPage('/docs/data-dictionary/', tables);
  assert.equal(page.title, 'Data dictionary');
  assert.match(page.text, /^published\.precision \(.+\): /m, 'a nested field of the articles');
  assert.match(page.text, /^content\/entities\/: /m);
  for (const table of tables) assert.match(page.text, new RegExp(`^${table.name}: `, 'm'), table.name);
});
