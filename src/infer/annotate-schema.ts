/**
 * The schema quicktype inferred from the cover, completed with the evidence gathered over every
 * sample (observe-json.ts): which properties are required (present in every object at their
 * position) and how often the others were seen, formats that held for every value, enums with
 * strong evidence, one example per scalar field, and id-keyed maps turned back from the cover's
 * `{[MAP_KEY]: [...]}` into `additionalProperties`.
 *
 * quicktype's own required/format/enum are replaced: it saw only the cover, which by design
 * keeps one witness per fact and so says nothing about frequencies.
 *
 * Types, formats and enums are decided on the original values; what the schema shows of them
 * (examples, enum members, property names that are data) comes through the gate (gate.ts),
 * with the key path of the position, and examples are fitted to the schema they sit in.
 */
import type { JsonSchema, JsonType, ShownScalar } from '../model.js';
import type { Gate } from './gate.js';
import { combineFieldNodes, type FieldNode, MAP_KEY } from './observe-json.js';
import { enumValues, formatName } from './string-format.js';

/** Where the schema is shown from: the gate, the place of the samples, and the key path so far. */
export interface SchemaView {
  gate: Gate;
  place: string;
  path: readonly string[];
}

export function annotateSchema(schema: JsonSchema, node: FieldNode | undefined, view: SchemaView): JsonSchema {
  if (!node) return schema;
  if (schema.anyOf) return { ...schema, anyOf: schema.anyOf.map((option) => annotateSchema(option, node, view)) };
  const out: JsonSchema = { ...schema };
  delete out.format;
  delete out.enum;
  if (schema.properties) annotateObject(out, schema.properties, node, view);
  else if (typeof schema.additionalProperties === 'object') {
    // A map quicktype inferred itself (many word keys of one type): its values are the children.
    const values = combineFieldNodes([...(node.children?.values() ?? []), ...(node.entries ? [node.entries] : [])]);
    out.additionalProperties = annotateSchema(schema.additionalProperties, values, deeper(view, '{}'));
    out['x-samples'] = node.objects;
  }
  if (schema.items) out.items = annotateSchema(schema.items, node.items, deeper(view, '[]'));
  const types = typesOf(schema);
  if (types.includes('string')) annotateString(out, node, types.includes('null'), view);
  const example = shownExample(node, view);
  const fitted = example === undefined ? undefined : view.gate.fit(example, out);
  if (fitted !== undefined && fitted !== null && fitsTypes(fitted, types)) out.examples = [fitted];
  return out;
}

/** The representative sample's value as the gate showed it, else the first value seen, through the gate. */
function shownExample(node: FieldNode, view: SchemaView): ShownScalar | undefined {
  if (node.shown !== undefined) return node.shown;
  if (node.example === undefined) return undefined;
  return view.gate.jsonLeaf(node.example, view.place, view.path, node.exampleSiblings ?? []);
}

function deeper(view: SchemaView, key: string): SchemaView {
  return { ...view, path: [...view.path, key] };
}

function annotateObject(out: JsonSchema, properties: Record<string, JsonSchema>, node: FieldNode, view: SchemaView): void {
  const kept: [string, JsonSchema][] = [];
  const required: string[] = [];
  for (const [key, property] of Object.entries(properties)) {
    if (key === MAP_KEY) {
      out.additionalProperties = annotateSchema(property.items ?? {}, node.entries, deeper(view, '{}'));
      continue;
    }
    const child = node.children?.get(key);
    const seen = child?.values ?? 0;
    // A key can be data (an email, a token): the schema names it as the gate shows it.
    const shownKey = view.gate.key(key, view.place);
    kept.push([shownKey, { ...annotateSchema(property, child, deeper(view, key)), 'x-seen': seen }]);
    if (seen > 0 && seen === node.objects) required.push(shownKey);
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

function annotateString(out: JsonSchema, node: FieldNode, nullable: boolean, view: SchemaView): void {
  const format = node.strings > 0 ? formatName(node.formats) : undefined;
  if (format !== undefined) out.format = format;
  const values = enumValues(node.enumCounts, node.strings);
  // An enum member the gate would replace is no member to show: the field keeps its type only.
  const shown = values && format === undefined ? view.gate.jsonEnum(values, view.place, view.path, node.exampleSiblings ?? []) : undefined;
  if (shown) out.enum = nullable ? [...shown, null] : shown;
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
