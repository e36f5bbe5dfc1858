/**
 * The data dictionary, generated from the schemas: every field of every
 * collection with its type, whether it is required, its meaning and an example.
 */
import { z } from 'astro/zod';
import { collections, type CollectionName } from './index.ts';

/** One documented field. */
export interface DictionaryField {
  /** Dotted path; `[]` marks a list item, `<lang>` a key of a per-language map. */
  path: string;
  type: string;
  required: boolean;
  description: string;
  example?: string;
}

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  description?: string;
  examples?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
};

/** A short human description of a JSON Schema type. */
function describeType(schema: JsonSchema): string {
  if (schema.anyOf) return schema.anyOf.map(describeType).join(' or ');
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (schema.prefixItems) return `pair of ${schema.prefixItems.map(describeType).join(', ')}`;
  if (schema.type === 'array') return `list of ${schema.items && !Array.isArray(schema.items) ? describeType(schema.items) : 'values'}`;
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object') {
    return `map of language tag → ${describeType(schema.additionalProperties)}`;
  }
  if (schema.format) return `${schema.type} (${schema.format})`;
  return Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
}

function walk(schema: JsonSchema, prefix: string, required: boolean, out: DictionaryField[]): void {
  const object = schema.anyOf?.find((s) => s.type === 'object') ?? schema;
  if (prefix) {
    out.push({
      path: prefix,
      type: describeType(schema),
      required,
      description: schema.description ?? object.description ?? '',
      ...(schema.examples?.[0] !== undefined ? { example: JSON.stringify(schema.examples[0]) } : {}),
    });
  }
  if (object.properties) {
    for (const [key, child] of Object.entries(object.properties)) {
      walk(child, prefix ? `${prefix}.${key}` : key, object.required?.includes(key) ?? false, out);
    }
  } else if (object.type === 'array' && object.items && !Array.isArray(object.items) && object.items.properties) {
    walk({ ...object.items, description: '' }, `${prefix}[]`, true, out);
    out.splice(out.findIndex((f) => f.path === `${prefix}[]`), 1);
  }
}

/** The JSON Schema of a collection's records (what a record's front matter or YAML must satisfy). */
export function collectionJsonSchema(collection: CollectionName): JsonSchema {
  return z.toJSONSchema(collections[collection].schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Every field of a collection, in schema order, nested fields after their parent. */
export function describeCollection(collection: CollectionName): DictionaryField[] {
  const fields: DictionaryField[] = [];
  walk(collectionJsonSchema(collection), '', true, fields);
  return fields;
}
