/**
 * The canonical text of a content file. Every content file is kept in this
 * form (content:check says when one is not, content:fix rewrites it), so the
 * importer can rebuild the content tree byte for byte from the exports.
 */
import { stringify } from 'yaml';
import { collections, type CollectionName, type RecordOf } from './index.ts';
import { quickYaml } from './quick-yaml.ts';

const YAML_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

/** YAML text of a record, keys in schema order, never folded: written directly where quickYaml can, else by the library. */
export function serializeYaml(data: unknown): string {
  return quickYaml(data) ?? stringify(data, YAML_OPTIONS);
}

/**
 * The canonical file text of a record: YAML for data collections, front matter
 * and the body unchanged for Markdown ones.
 */
export function serializeRecord<C extends CollectionName>(collection: C, data: RecordOf<C>, body: string): string {
  // Parsing through the schema puts keys in schema order and leaves out absent optional fields.
  const ordered = collections[collection].schema.parse(data);
  const yaml = serializeYaml(ordered);
  return collections[collection].extension === '.md' ? `---\n${yaml}---\n${body}` : yaml;
}

/**
 * The canonical text of a record that has just been parsed through the schema
 * (so its keys are in schema order already): skips the second parse.
 */
export function serializeParsedRecord<C extends CollectionName>(collection: C, data: RecordOf<C>, body: string): string {
  const yaml = serializeYaml(data);
  return collections[collection].extension === '.md' ? `---\n${yaml}---\n${body}` : yaml;
}
