import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadedFiles } from './pagefind-files.ts';

const file = (path: string, content = '') => ({ path, content: new TextEncoder().encode(content) });
const bundle = (wasm: string | null) => [
  file('pagefind-entry.json', JSON.stringify({ version: '1.6.0', languages: { xx: { hash: 'xx_1', wasm, page_count: 1 } } })),
  file('pagefind.js'), file('pagefind-worker.js'), file('pagefind.xx_1.pf_meta'), file('index/xx_2.pf_index'), file('fragment/xx_3.pf_fragment'), file('filter/xx_4.pf_filter'),
  file('wasm.en.pagefind'), file('wasm.unknown.pagefind'),
  file('pagefind-ui.js'), file('pagefind-ui.css'), file('pagefind-component-ui.js'), file('pagefind-component-ui.css'), file('pagefind-modular-ui.js'), file('pagefind-modular-ui.css'), file('pagefind-highlight.js'),
];

test('a bundle keeps what the search runtime loads, and its language\'s WebAssembly only', () => {
  const runtime = ['pagefind-entry.json', 'pagefind.js', 'pagefind-worker.js', 'pagefind.xx_1.pf_meta', 'index/xx_2.pf_index', 'fragment/xx_3.pf_fragment', 'filter/xx_4.pf_filter'];
  assert.deepEqual(loadedFiles(bundle('en')).map((f) => f.path), [...runtime, 'wasm.en.pagefind']);
  assert.deepEqual(loadedFiles(bundle(null)).map((f) => f.path), [...runtime, 'wasm.unknown.pagefind'], 'a language without a stemmer');
});

test('a bundle without its entry is an error, not an empty bundle', () => {
  assert.throws(() => loadedFiles([file('pagefind.js')]), /pagefind-entry\.json/);
});
