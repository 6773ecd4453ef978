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
 *
 * No claim goes beyond the evidence:
 * - a field only ever `null` has an unknown type (`{}`, `x-only-null`), not `type: "null"`: the
 *   first real value would fail it;
 * - `required` needs the field in every object at its position *and* objects from at least
 *   `MIN_REQUIRED_SAMPLES` independent samples (src/evidence.ts; bodies, not array elements):
 *   one response listing 400 orders says what that list held, not what every order has;
 * - an object only ever seen empty is open (`additionalProperties: {}`), not "no keys";
 * - integers beyond ±2^53 (64-bit ids) are `format: int64`: the wire holds a JSON number, so a
 *   string schema would reject real traffic, and the format tells clients to read it as one;
 * - `integer` narrows `number`, so it needs numbers from `MIN_REQUIRED_SAMPLES` samples: two
 *   prices of 100 and 120 do not rule out 99.5;
 * - a property is non-null only after `MIN_NON_NULL_VALUES` values without a null: 25 rows
 *   without a null `aisle` do not rule out the 26th (src/evidence.ts).
 */
import type { JsonSchema, JsonType, ShownScalar } from '../model.js';
import type { Gate } from './gate.js';
import { isNeverNull, isRequired, MIN_REQUIRED_SAMPLES } from '../evidence.js';
import { combineFieldNodes, type FieldNode, KIND_NULL, MAP_KEY } from './observe-json.js';
import { enumValues, formatName } from './string-format.js';

/** Positions with at least this many keys in all may be maps when the keys come and go. */
const MIN_MAP_KEYS = 4;

/** Where the schema is shown from: the gate, the place of the samples, and the key path so far. */
export interface SchemaView {
  gate: Gate;
  place: string;
  path: readonly string[];
}

export function annotateSchema(schema: JsonSchema, node: FieldNode | undefined, view: SchemaView): JsonSchema {
  if (schema.type === 'null') return onlyNull();
  if (!node) return schema;
  // Inside a union `null` is one of the types seen, not the only one.
  if (schema.anyOf) return { ...schema, anyOf: schema.anyOf.map((option) => (option.type === 'null' ? option : annotateSchema(option, node, view))) };
  const out: JsonSchema = { ...schema };
  delete out.format;
  delete out.enum;
  if (schema.properties && isDataKeyed(schema.properties, node)) {
    // Keys that come and go over values of one schema are data (an inventory by status).
    delete out.properties;
    delete out.required;
    out.additionalProperties = annotateSchema(Object.values(schema.properties)[0]!, combineFieldNodes([...node.children!.values()]), deeper(view, '{}'));
    out['x-samples'] = node.objects;
  } else if (schema.properties) annotateObject(out, schema.properties, node, view);
  else if (typeof schema.additionalProperties === 'object') {
    // A map quicktype inferred itself (many word keys of one type): its values are the children.
    const values = combineFieldNodes([...(node.children?.values() ?? []), ...(node.entries ? [node.entries] : [])]);
    out.additionalProperties = annotateSchema(schema.additionalProperties, values, deeper(view, '{}'));
    out['x-samples'] = node.objects;
  }
  if (schema.items) out.items = annotateSchema(schema.items, node.items, deeper(view, '[]'));
  let types = typesOf(schema);
  if (types.includes('integer') && node.numberSamples < MIN_REQUIRED_SAMPLES && !node.bigIntegers) {
    types = types.map((type) => (type === 'integer' ? 'number' : type));
    out.type = types.length === 1 ? types[0]! : types;
  }
  if (types.includes('object') && !out.properties && out.additionalProperties === undefined) out.additionalProperties = {};
  if (types.includes('string')) annotateString(out, node, types.includes('null'), view);
  else if (types.includes('integer') && node.bigIntegers) {
    out.format = 'int64';
    out.description = 'Integers beyond ±2^53 were seen: read them without losing precision (as a string or a 64-bit integer).';
  }
  const example = shownExample(node, view);
  const fitted = example === undefined ? undefined : view.gate.fit(example, out);
  if (fitted !== undefined && fitted !== null && fitsTypes(fitted, types)) out.examples = [fitted];
  return out;
}

/** The representative sample's value as the gate showed it, else the first value seen, through the gate. */
function shownExample(node: FieldNode, view: SchemaView): ShownScalar | undefined {
  if (node.shown !== undefined) return node.shown;
  if (node.example === undefined) return undefined;
  return view.gate.jsonLeaf(node.example, view.place, view.path, node.exampleSiblings ?? {});
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
    const annotated = annotateSchema(property, child, deeper(view, key));
    const nullable = child && (child.kinds & KIND_NULL) === 0 && !isNeverNull(child.values) ? allowNull(annotated) : annotated;
    kept.push([shownKey, { ...nullable, 'x-seen': seen }]);
    if (isRequired(seen, node.objects, node.objectSamples)) required.push(shownKey);
  }
  if (kept.length > 0) {
    out.properties = Object.fromEntries(kept);
    out.required = required;
  } else {
    // Only ever seen empty (or a map): which keys it takes is unknown, so any are allowed.
    delete out.properties;
    delete out.required;
    out.additionalProperties ??= {};
  }
  out['x-samples'] = node.objects;
}

/**
 * The schema that also takes `null`: a field seen too few times to rule null out. Its type is
 * still what was seen; `x-null-unseen` keeps that no null was actually observed.
 */
function allowNull(schema: JsonSchema): JsonSchema {
  if (schema['x-only-null']) return schema;
  if (schema.anyOf) {
    if (schema.anyOf.some((option) => option.type === 'null')) return schema;
    return { ...schema, anyOf: [...schema.anyOf, { type: 'null' }], 'x-null-unseen': true };
  }
  const types = typesOf(schema);
  if (types.length === 0 || types.includes('null')) return schema;
  const out: JsonSchema = { ...schema, type: [...types, 'null'], 'x-null-unseen': true };
  if (schema.enum) out.enum = [...schema.enum, null];
  return out;
}

/** What a field only ever seen as `null` is: any value, the type unknown. */
function onlyNull(): JsonSchema {
  return { description: 'Only null was observed: the type is unknown.', 'x-only-null': true };
}

/**
 * Whether an object's keys are data rather than field names: every value has the same inferred
 * schema and either some key is prose (`not available`: field names have no spaces), or, over
 * several objects, there are at least `MIN_MAP_KEYS` keys and most are missing from most
 * objects. Records keep their keys: rows that repeat the same keys are a record however uniform
 * their values.
 */
function isDataKeyed(properties: Record<string, JsonSchema>, node: FieldNode): boolean {
  const keys = Object.keys(properties);
  if (keys.length < 2 || keys.includes(MAP_KEY) || !node.children) return false;
  const first = JSON.stringify(properties[keys[0]!]);
  if (!keys.every((key) => JSON.stringify(properties[key]) === first)) return false;
  if (keys.some((key) => /\s/.test(key))) return true;
  if (node.objects < 2 || keys.length < MIN_MAP_KEYS) return false;
  let present = 0;
  for (const child of node.children.values()) present += child.values;
  return present * 2 <= keys.length * node.objects;
}

function annotateString(out: JsonSchema, node: FieldNode, nullable: boolean, view: SchemaView): void {
  const format = node.strings > 0 ? formatName(node.formats) : undefined;
  if (format !== undefined) out.format = format;
  const values = enumValues(node.enumCounts, node.stringSamples);
  // An enum member the gate would replace is no member to show: the field keeps its type only.
  const shown = values && format === undefined ? view.gate.jsonEnum(values, view.place, view.path, node.exampleSiblings ?? {}) : undefined;
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
