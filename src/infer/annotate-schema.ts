/**
 * The schema quicktype inferred from the cover, completed with the evidence gathered over every
 * sample (observe-json.ts): which properties are required (present in every object at their
 * position) and how often the others were seen, formats that held for every value, enums with
 * strong evidence, one example per scalar field, and id-keyed maps turned back from the cover's
 * `{[MAP_KEY]: [...]}` into `additionalProperties`.
 *
 * quicktype's own required/format/enum are replaced: it saw only the cover, which by design
 * keeps one witness per fact and so says nothing about frequencies.
 */
import type { JsonSchema, JsonType } from '../model.js';
import { combineFieldNodes, type FieldNode, MAP_KEY } from './observe-json.js';
import { enumValues, formatName } from './string-format.js';

export function annotateSchema(schema: JsonSchema, node: FieldNode | undefined): JsonSchema {
  if (!node) return schema;
  if (schema.anyOf) return { ...schema, anyOf: schema.anyOf.map((option) => annotateSchema(option, node)) };
  const out: JsonSchema = { ...schema };
  delete out.format;
  delete out.enum;
  if (schema.properties) annotateObject(out, schema.properties, node);
  else if (typeof schema.additionalProperties === 'object') {
    // A map quicktype inferred itself (many word keys of one type): its values are the children.
    const values = combineFieldNodes([...(node.children?.values() ?? []), ...(node.entries ? [node.entries] : [])]);
    out.additionalProperties = annotateSchema(schema.additionalProperties, values);
    out['x-samples'] = node.objects;
  }
  if (schema.items) out.items = annotateSchema(schema.items, node.items);
  const types = typesOf(schema);
  if (types.includes('string')) annotateString(out, node, types.includes('null'));
  const example = node.example;
  if (example !== undefined && fitsTypes(example, types)) out.examples = [example];
  return out;
}

function annotateObject(out: JsonSchema, properties: Record<string, JsonSchema>, node: FieldNode): void {
  const kept: [string, JsonSchema][] = [];
  const required: string[] = [];
  for (const [key, property] of Object.entries(properties)) {
    if (key === MAP_KEY) {
      out.additionalProperties = annotateSchema(property.items ?? {}, node.entries);
      continue;
    }
    const child = node.children?.get(key);
    const seen = child?.values ?? 0;
    kept.push([key, { ...annotateSchema(property, child), 'x-seen': seen }]);
    if (seen > 0 && seen === node.objects) required.push(key);
  }
  if (kept.length > 0 || !out.additionalProperties) {
    out.properties = Object.fromEntries(kept);
    out.required = required;
  } else {
    delete out.properties;
    delete out.required;
  }
  out['x-samples'] = node.objects;
}

function annotateString(out: JsonSchema, node: FieldNode, nullable: boolean): void {
  const format = node.strings > 0 ? formatName(node.formats) : undefined;
  if (format !== undefined) out.format = format;
  const values = enumValues(node.enumCounts, node.strings);
  if (values && format === undefined) out.enum = nullable ? [...values, null] : values;
}

function typesOf(schema: JsonSchema): JsonType[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

function fitsTypes(value: string | number | boolean, types: readonly JsonType[]): boolean {
  if (typeof value === 'string') return types.includes('string');
  if (typeof value === 'boolean') return types.includes('boolean');
  return types.includes('number') || (Number.isInteger(value) && types.includes('integer'));
}
