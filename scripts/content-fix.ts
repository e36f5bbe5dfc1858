/**
 * Applies the safe, mechanical fixes to content files and prints each change:
 * Unicode NFC, and the canonical layout of front matter and YAML (the body
 * text is never touched beyond NFC). Invalid files are left alone: fix them
 * by hand with the messages of content:check.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listCollectionFiles } from '../src/lib/content-files.ts';
import { collections, type CollectionName } from '../src/schema/index.ts';
import { parseContentFile } from '../src/schema/parse.ts';
import { serializeRecord } from '../src/schema/serialize.ts';

const USAGE = `Usage: npm run content:fix [-- --root DIR]

Rewrites content files into Unicode NFC and canonical form and prints what it
changed. Files with errors are skipped (see npm run content:check).`;

const { values } = parseArgs({ options: { root: { type: 'string', default: '.' }, help: { type: 'boolean', short: 'h', default: false } } });
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const root = resolve(values.root);
let changed = 0;
for (const collection of Object.keys(collections) as CollectionName[]) {
  for (const file of await listCollectionFiles(root, collection)) {
    const original = await readFile(join(root, file), 'utf8');
    const normalized = original.replace(/^\uFEFF/, '').normalize('NFC');
    const parsed = parseContentFile(collection, file, normalized);
    if (!parsed.ok) {
      console.log(`${file}: skipped, it has errors (run npm run content:check)`);
      continue;
    }
    const fixed = serializeRecord(collection, parsed.record.data, parsed.record.body);
    if (fixed === original) continue;
    await writeFile(join(root, file), fixed);
    changed++;
    const what = [original !== normalized && 'Unicode NFC', normalized !== fixed && 'canonical layout'].filter(Boolean).join(', ');
    console.log(`${file}: ${what}`);
  }
}
console.log(changed === 0 ? 'content:fix: nothing to fix' : `content:fix: ${changed} file(s) fixed`);
