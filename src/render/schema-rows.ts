/**
 * A JSON Schema flattened into field-table rows: dotted paths (`items[].author.role`,
 * `mapping.{key}.id`), a short type label and whether the field is required in its parent.
 * Shared by every renderer that prints fields.
 */
import type { JsonSchema } from '../model.js';

export interface FieldRow {
  path: string;
  type: string;
  required: boolean;
}

export const MAX_FIELD_ROWS = 60;
const MAX_DEPTH = 12;

export function schemaRows(schema: JsonSchema, maxRows = MAX_FIELD_ROWS): { rows: FieldRow[]; more: number } {
  const rows: FieldRow[] = [];
  let total = 0;
  const visit = (node: JsonSchema, prefix: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const object = objectPart(node);
    if (object?.properties) {
      const required = new Set(object.required ?? []);
      for (const key of Object.keys(object.properties).sort()) {
        const child = object.properties[key]!;
        const path = prefix ? `${prefix}.${key}` : key;
        total++;
        if (rows.length < maxRows) rows.push({ path, type: typeLabel(child), required: required.has(key) });
        visit(child, path, depth + 1);
      }
    }
    if (object && typeof object.additionalProperties === 'object') visit(object.additionalProperties, prefix ? `${prefix}.{key}` : '{key}', depth + 1);
    const array = arrayPart(node);
    if (array?.items) visit(array.items, `${prefix}[]`, depth + 1);
  };
  visit(schema, '', 0);
  return { rows, more: total - rows.length };
}

/** `string (date-time)`, `integer | null`, `object[]`, `map of object`: no angle brackets, so no HTML. */
export function typeLabel(schema: JsonSchema): string {
  if (schema.anyOf) return [...new Set(schema.anyOf.map(typeLabel))].join(' | ');
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length === 0) return 'any';
  return types
    .map((type) => {
      if (type === 'array') return arrayLabel(schema.items);
      if (type === 'object' && typeof schema.additionalProperties === 'object' && !schema.properties) return `map of ${typeLabel(schema.additionalProperties)}`;
      if (type === 'string' && schema.format) return `string (${schema.format})`;
      if (schema.enum && type !== 'null') return `${type} enum`;
      return type;
    })
    .join(' | ');
}

function arrayLabel(items: JsonSchema | undefined): string {
  const inner = items ? typeLabel(items) : 'any';
  return inner.includes(' ') ? `(${inner})[]` : `${inner}[]`;
}

function objectPart(schema: JsonSchema): JsonSchema | undefined {
  if (schema.properties || typeof schema.additionalProperties === 'object') return schema;
  return schema.anyOf?.find((s) => s.properties || typeof s.additionalProperties === 'object');
}

function arrayPart(schema: JsonSchema): JsonSchema | undefined {
  if (schema.items) return schema;
  return schema.anyOf?.find((s) => s.items);
}
