/**
 * JSON Schema from observed JSON values. One walk gathers the evidence and the cover
 * (observe-json.ts); quicktype-core merges the cover into a schema (unions, nullability,
 * integer vs number, nesting, word-keyed maps); the evidence then completes it
 * (annotate-schema.ts). quicktype's cost so follows the number of distinct facts, not of samples.
 */
import type { Json } from '../exchange.js';
import type { JsonSchema } from '../model.js';
import { annotateSchema } from './annotate-schema.js';
import type { JsonObserver } from './observe-json.js';
import { quicktypeSchema } from './quicktype.js';

export interface JsonInference {
  schema: JsonSchema;
  /** Index of the representative sample: the one touching the most fields. */
  representative: number;
  /** The representative sample itself, for the printed example. */
  sample: Json;
}

/** The schema of every sample an observer saw; finishes the observer (see `JsonObserver.result`). */
export async function inferObservedSchema(observer: JsonObserver): Promise<JsonInference> {
  const observation = observer.result();
  const inferred = await quicktypeSchema(observation.cover.map((skeleton) => JSON.stringify(skeleton)));
  const schema = annotateSchema(inferred, observation.root);
  if (schema['x-samples'] === undefined) schema['x-samples'] = observation.samples;
  if (observation.truncated) schema.description = 'Too many distinct fields: some were left out of this schema.';
  return { schema, representative: observation.representative, sample: observation.sample };
}
