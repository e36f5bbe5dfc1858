/**
 * The files of a Pagefind bundle that the search page loads. Pagefind writes its
 * ready-made interfaces into every bundle too (pagefind-ui.js, the component
 * and modular UIs, their styles, pagefind-highlight.js: about 450 KB a
 * bundle), and the WebAssembly for an unknown language beside the bundle's own;
 * the site uses its own interface (src/search/client.ts), so those are not
 * published.
 */

/** A file as Pagefind's Node API gives it (getFiles). */
export interface BundleFile {
  path: string;
  content: Uint8Array;
}

/** The bundle's entry point: which index each language has, and which WebAssembly (null: Pagefind's "unknown"). */
const ENTRY = 'pagefind-entry.json';

/**
 * Keeps the search runtime (pagefind.js and its worker), the entry, the
 * metadata, the index, fragment and filter chunks, and the WebAssembly of the
 * bundle's languages as the runtime names it (`wasm.${wasm ?? 'unknown'}.pagefind`).
 * @example loadedFiles([entry, js, ui]).map((f) => f.path) // ["pagefind-entry.json", "pagefind.js"]
 */
export function loadedFiles<F extends BundleFile>(files: readonly F[]): F[] {
  const entry = files.find((file) => file.path === ENTRY);
  if (!entry) throw new Error(`a Pagefind bundle without ${ENTRY}`);
  const { languages } = JSON.parse(new TextDecoder().decode(entry.content)) as { languages: Record<string, { wasm: string | null }> };
  const wasm = new Set(Object.values(languages).map((language) => `wasm.${language.wasm ?? 'unknown'}.pagefind`));
  return files.filter(({ path }) =>
    path === ENTRY || path === 'pagefind.js' || path === 'pagefind-worker.js' || path.endsWith('.pf_meta') || wasm.has(path) ||
    /^(index|fragment|filter)\//u.test(path));
}
