/**
 * A JSON Schema flattened into the facts `diff` compares, one entry per field path (`items[].id`,
 * `mapping.{key}.title`, `` for the body itself). Walks the structure generically (properties,
 * required, type arrays with "null", items, additionalProperties maps, anyOf, enum, format), so
 * whatever the inference learns to express flows through without changes here.
 *
 * Bounded: depth and field count are capped, so a pathological schema costs a fixed amount.
 */
import type { JsonSchema, JsonType } from '../model.js';

export type FieldShape = 'object' | 'map' | 'array' | 'scalar' | 'unknown';

export interface FieldFacts {
  /** Path of the enclosing field, null for the body itself. */
  parent: string | null;
  /** Observed types without "null", sorted; `integer` is dropped where `number` is present. Empty: only null seen, or nothing known. */
  types: JsonType[];
  nullable: boolean;
  /** Present in every sample of its parent (the body itself: always). */
  required: boolean;
  /** Objects observed at the parent (the body count for the body itself): what `required` and `seen` count against. 0: unknown. */
  samples: number;
  /** How many of those objects carried this field (`x-seen`), when the inference says. */
  seen?: number;
  /** Values observed at this position (`x-samples`, else inherited): what its own fields count against. */
  objects: number;
  shape: FieldShape;
  /** Sorted values, when the inference listed them. */
  enum?: string[];
  format?: string;
}

export const MAX_FIELDS = 5000;
const MAX_DEPTH = 32;

/** Field path → facts. Paths use the field tables' notation: `a.b`, `a[]`, `a.{key}`. */
export function flattenSchema(schema: JsonSchema): Map<string, FieldFacts> {
  const fields = new Map<string, FieldFacts>();
  const visit = (node: JsonSchema, path: string, parent: string | null, required: boolean, samples: number, depth: number): void => {
    if (fields.size >= MAX_FIELDS || depth > MAX_DEPTH || fields.has(path)) return;
    // A `null` allowed only because too few values were seen (`x-null-unseen`) is no observed null.
    const seenOnly = node['x-null-unseen'] ? withoutUnseenNull(node) : node;
    const variants = seenOnly.anyOf ? seenOnly.anyOf : [seenOnly];
    const own = countOf(node, 'x-samples') ?? samples;
    const facts = factsOf(variants, parent, required, parent === null ? own : samples, own);
    const seen = countOf(node, 'x-seen');
    if (seen !== undefined) facts.seen = seen;
    fields.set(path, facts);
    const object = mergedObject(variants);
    if (facts.shape === 'object' && object) {
      const requiredKeys = new Set(object.required);
      for (const key of Object.keys(object.properties).sort()) {
        visit(object.properties[key]!, path === '' ? key : `${path}.${key}`, path, requiredKeys.has(key), own, depth + 1);
      }
    }
    const map = variants.find((v) => typeof v.additionalProperties === 'object');
    if (facts.shape === 'map' && map) visit(map.additionalProperties as JsonSchema, path === '' ? '{key}' : `${path}.{key}`, path, false, own, depth + 1);
    const items = variants.find((v) => v.items !== undefined)?.items;
    if (items) visit(items, `${path}[]`, path, true, own, depth + 1);
  };
  visit(schema, '', null, true, 0, 0);
  return fields;
}

function withoutUnseenNull(node: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...node };
  if (out.anyOf) out.anyOf = out.anyOf.filter((option) => option.type !== 'null');
  if (Array.isArray(out.type)) out.type = out.type.filter((type) => type !== 'null');
  if (out.enum) out.enum = out.enum.filter((value) => value !== null);
  return out;
}

/** A count the inference put on the schema or, failing that, on its anyOf variants (summed). */
function countOf(node: JsonSchema, key: 'x-samples' | 'x-seen'): number | undefined {
  if (typeof node[key] === 'number') return node[key];
  const counts = (node.anyOf ?? []).map((v) => v[key]).filter((n): n is number => typeof n === 'number');
  return counts.length > 0 ? counts.reduce((a, b) => a + b, 0) : undefined;
}

function factsOf(variants: readonly JsonSchema[], parent: string | null, required: boolean, samples: number, objects: number): FieldFacts {
  const types = new Set<JsonType>();
  let nullable = false;
  for (const variant of variants) {
    for (const type of typesOf(variant)) {
      if (type === 'null') nullable = true;
      else types.add(type);
    }
    if (variant.enum?.includes(null)) nullable = true;
  }
  if (types.has('number')) types.delete('integer');
  const facts: FieldFacts = { parent, types: [...types].sort(), nullable, required, samples, objects, shape: shapeOf(variants) };
  const enums = variants.filter((v) => !typesOf(v).every((t) => t === 'null'));
  if (enums.length > 0 && enums.every((v) => v.enum)) {
    facts.enum = [...new Set(enums.flatMap((v) => v.enum!.filter((value) => value !== null).map((value) => JSON.stringify(value))))].sort();
  }
  const formats = [...new Set(variants.map((v) => v.format).filter((f): f is string => f !== undefined))];
  if (formats.length === 1) facts.format = formats[0]!;
  return facts;
}

function typesOf(schema: JsonSchema): JsonType[] {
  if (schema.type === undefined) {
    // Untyped but shaped (an inference that omits `type`): read the shape.
    if (schema.properties || typeof schema.additionalProperties === 'object') return ['object'];
    if (schema.items) return ['array'];
    return [];
  }
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/**
 * `object` only when named fields were seen (or it is closed); an object that was always `{}` is `unknown`, so its
 * fields are neither added nor removed by a capture that happened to see it empty. Likewise an
 * array whose items were never seen (always `[]`).
 */
function shapeOf(variants: readonly JsonSchema[]): FieldShape {
  if (variants.some((v) => v.properties && Object.keys(v.properties).length > 0)) return 'object';
  // Closed and empty: known to have no fields (an endpoint's query string with no parameters).
  if (variants.some((v) => v.additionalProperties === false)) return 'object';
  if (variants.some((v) => typeof v.additionalProperties === 'object')) return 'map';
  if (variants.some((v) => v.items !== undefined && typesOf(v.items).length + (v.items.anyOf?.length ?? 0) > 0)) return 'array';
  const types = variants.flatMap(typesOf).filter((t) => t !== 'null');
  if (types.length === 0 || types.every((t) => t === 'object' || t === 'array')) return 'unknown';
  return 'scalar';
}

/** Properties of every object variant together; required only where every such variant requires it. */
function mergedObject(variants: readonly JsonSchema[]): { properties: Record<string, JsonSchema>; required: string[] } | null {
  const objects = variants.filter((v) => v.properties && Object.keys(v.properties).length > 0);
  if (objects.length === 0) return null;
  if (objects.length === 1) return { properties: objects[0]!.properties!, required: objects[0]!.required ?? [] };
  // A captured key may be `__proto__`: a prototype-less record keeps it a plain key.
  const properties: Record<string, JsonSchema> = Object.create(null) as Record<string, JsonSchema>;
  for (const object of objects) for (const [key, value] of Object.entries(object.properties!)) properties[key] ??= value;
  const required = Object.keys(properties).filter((key) => objects.every((o) => o.required?.includes(key)));
  return { properties, required };
}
