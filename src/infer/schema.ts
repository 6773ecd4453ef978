/**
 * JSON Schema from observed JSON values. One walk gathers the evidence and the cover
 * (observe-json.ts); quicktype-core merges the cover into a schema (unions, nullability,
 * integer vs number, nesting, word-keyed maps); the evidence then completes it
 * (annotate-schema.ts). quicktype's cost so follows the number of distinct facts, not of samples.
 */
import type { Json } from '../exchange.js';
import type { JsonSchema } from '../model.js';
import { annotateSchema } from './annotate-schema.js';
import { observeJson } from './observe-json.js';
import { quicktypeSchema } from './quicktype.js';

export interface JsonInference {
  schema: JsonSchema;
  /** Index of the representative sample: the one touching the most fields. */
  representative: number;
}

export async function inferJsonSchema(samples: readonly Json[]): Promise<JsonInference> {
  const observation = observeJson(samples);
  const inferred = await quicktypeSchema(observation.cover.map((skeleton) => JSON.stringify(skeleton)));
  const schema = annotateSchema(inferred, observation.root);
  if (schema['x-samples'] === undefined) schema['x-samples'] = samples.length;
  if (observation.truncated) schema.description = 'Too many distinct fields: some were left out of this schema.';
  return { schema, representative: observation.representative };
}

/** Schema of flat string fields (form bodies): required = present in every sample. */
export function fieldsSchema(samples: readonly { name: string; value: string }[][], scalar: (values: string[]) => JsonSchema): JsonSchema {
  const values = new Map<string, string[]>();
  const seen = new Map<string, number>();
  for (const fields of samples) {
    const names = new Set<string>();
    for (const field of fields) {
      if (!values.has(field.name)) values.set(field.name, []);
      values.get(field.name)!.push(field.value);
      names.add(field.name);
    }
    for (const name of names) seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  const names = [...values.keys()].sort();
  return {
    type: 'object',
    properties: Object.fromEntries(names.map((name) => [name, { ...scalar(values.get(name)!), 'x-seen': seen.get(name)! }])),
    required: names.filter((name) => seen.get(name) === samples.length),
    'x-samples': samples.length,
  };
}
