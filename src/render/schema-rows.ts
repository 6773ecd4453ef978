/**
 * A JSON Schema flattened into field-table rows: dotted paths (`items[].author.role`,
 * `mapping.{key}.id`), a short type label, whether the field is required in its parent (and
 * how often it was seen when it is not), and one example. Shared by every renderer that prints
 * fields.
 */
import type { JsonSchema } from '../model.js';

export interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  /** Objects that carried the field, of those observed at its parent (when recorded). */
  seen?: { n: number; of: number };
  /** One observed value. */
  example?: string;
  /** The values of an enum field. */
  enum?: string[];
}

export const MAX_FIELD_ROWS = 60;
const MAX_DEPTH = 12;

export function schemaRows(schema: JsonSchema, maxRows = MAX_FIELD_ROWS): { rows: FieldRow[]; more: number } {
  const rows: FieldRow[] = [];
  let total = 0;
  const visit = (node: JsonSchema, prefix: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const object of objectParts(node)) {
      if (object.properties) {
        const required = new Set(object.required ?? []);
        const of = object['x-samples'];
        for (const key of Object.keys(object.properties).sort()) {
          const child = object.properties[key]!;
          const path = prefix ? `${prefix}.${key}` : key;
          total++;
          if (rows.length < maxRows) {
            const row: FieldRow = { path, type: typeLabel(child), required: required.has(key) };
            const n = child['x-seen'];
            if (n !== undefined && of !== undefined) row.seen = { n, of };
            const values = enumOf(child);
            const example = values ? undefined : exampleOf(child);
            if (values) row.enum = values;
            if (example !== undefined) row.example = example;
            rows.push(row);
          }
          visit(child, path, depth + 1);
        }
      }
      if (typeof object.additionalProperties === 'object') visit(object.additionalProperties, prefix ? `${prefix}.{key}` : '{key}', depth + 1);
    }
    const array = arrayPart(node);
    if (array?.items) visit(array.items, `${prefix}[]`, depth + 1);
  };
  visit(schema, '', 0);
  return { rows, more: total - rows.length };
}

/**
 * `string (date-time)`, `integer | null`, `object[]`, `map of object`, `unknown (only null)`,
 * `string (or null)` (null not seen, too few values to rule it out): no angle brackets, so no HTML. An object with no known keys (only seen empty) is an `object`.
 */
export function typeLabel(schema: JsonSchema): string {
  if (schema['x-only-null']) return 'unknown (only null)';
  // Too few values to rule null out (src/evidence.ts): the type seen, and why null is allowed.
  if (schema['x-null-unseen']) return `${typeLabel(withoutNull(schema))} (or null)`;
  if (schema.anyOf) return [...new Set(schema.anyOf.map(typeLabel))].join(' | ');
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length === 0) return 'any';
  return types
    .map((type) => {
      if (type === 'array') return arrayLabel(schema.items);
      const values = schema.additionalProperties;
      if (type === 'object' && typeof values === 'object' && !schema.properties && Object.keys(values).length > 0) return `map of ${typeLabel(values)}`;
      if (type === 'string' && schema.format) return `string (${schema.format})`;
      if (schema.enum && type !== 'null') return `${type} enum`;
      return type;
    })
    .join(' | ');
}

function withoutNull(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  delete out['x-null-unseen'];
  if (schema.anyOf) out.anyOf = schema.anyOf.filter((option) => option.type !== 'null');
  if (Array.isArray(schema.type)) out.type = schema.type.filter((type) => type !== 'null');
  if (schema.enum) out.enum = schema.enum.filter((value) => value !== null);
  return out;
}

function enumOf(schema: JsonSchema): string[] | undefined {
  for (const option of schema.anyOf ?? [schema]) {
    const values = option.enum?.filter((v) => v !== null);
    if (values && values.length > 0) return values.map(String);
  }
  return undefined;
}

function exampleOf(schema: JsonSchema): string | undefined {
  for (const option of schema.anyOf ?? [schema]) {
    const example = option.examples?.[0];
    if (example !== undefined && example !== null) return String(example);
  }
  return undefined;
}

function arrayLabel(items: JsonSchema | undefined): string {
  const inner = items ? typeLabel(items) : 'any';
  return inner.includes(' ') ? `(${inner})[]` : `${inner}[]`;
}

/** The parts of a schema that describe objects: itself, or its object options in a union. */
function objectParts(schema: JsonSchema): JsonSchema[] {
  if (schema.properties || typeof schema.additionalProperties === 'object') return [schema];
  return schema.anyOf?.filter((s) => s.properties || typeof s.additionalProperties === 'object') ?? [];
}

function arrayPart(schema: JsonSchema): JsonSchema | undefined {
  if (schema.items) return schema;
  return schema.anyOf?.find((s) => s.items);
}
