/**
 * JSON Schema from observed JSON values. quicktype-core does the merging (required = present
 * in every sample, nullable, integer vs number, formats, maps); this module bounds its cost by
 * feeding it a limited set of samples.
 */
import type { Json } from '../exchange.js';
import type { JsonSchema } from '../model.js';
import { quicktypeSchema } from './quicktype.js';

export const MAX_SCHEMA_SAMPLES = 25;

export async function inferJsonSchema(samples: readonly Json[]): Promise<JsonSchema> {
  const texts = [...new Set(samples.slice(0, MAX_SCHEMA_SAMPLES * 4).map((s) => JSON.stringify(s)))].slice(0, MAX_SCHEMA_SAMPLES);
  const schema = await quicktypeSchema(texts);
  return { ...schema, 'x-samples': samples.length };
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
    properties: Object.fromEntries(names.map((name) => [name, scalar(values.get(name)!)])),
    required: names.filter((name) => seen.get(name) === samples.length),
    'x-samples': samples.length,
  };
}
