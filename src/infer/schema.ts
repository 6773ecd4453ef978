/**
 * JSON Schema from observed JSON values. One walk gathers the evidence and the cover
 * (observe-json.ts); quicktype-core merges the cover into a schema (unions, nullability,
 * integer vs number, nesting, word-keyed maps); the evidence then completes it
 * (annotate-schema.ts). quicktype's cost so follows the number of distinct facts, not of samples.
 */
import type { JsonSchema, Shown } from '../model.js';
import { annotateSchema } from './annotate-schema.js';
import type { Gate } from './gate.js';
import { type JsonObserver, takeShownExamples } from './observe-json.js';
import { quicktypeSchema, type SchemaRunner } from './quicktype.js';

export interface JsonInference {
  schema: JsonSchema;
  /** Index of the representative sample: the one touching the most fields. */
  representative: number;
  /** The representative sample as the gate shows it, printed and cut. */
  example: Shown;
}

/**
 * Where observed samples are shown from: the gate, their place, the keys above them, the
 * example's budget; and where their schema is inferred (`SchemaRunner`; absent: in this thread).
 */
export interface ShowAt {
  gate: Gate;
  place: string;
  keyPath?: readonly string[];
  maxChars?: number;
  maxLines?: number;
  schemaRunner?: SchemaRunner | undefined;
}

/**
 * Starts quicktype on an observer's cover now, when the run has a schema runner (quicktype runs
 * elsewhere, on the CLI's thread): the pipeline starts every body's once the last exchange is
 * in, so the thread infers later endpoints' schemas while this one finishes earlier ones (which
 * wait on nothing but their own). The gate is not called here, so what it shows and in which
 * order stays as it was. Without a runner it does nothing: quicktype would run in this thread,
 * where starting every run at once would only hold all their graphs together.
 */
export function prepareObservedSchema(observer: JsonObserver, schemaRunner: SchemaRunner | undefined): void {
  if (observer.coverSchema !== undefined || schemaRunner === undefined) return;
  const started = coverSchema(observer, schemaRunner);
  // Its error reaches `inferObservedSchema`, which awaits it; until then it is not unhandled.
  started.catch(() => undefined);
  observer.coverSchema = started;
}

function coverSchema(observer: JsonObserver, schemaRunner: SchemaRunner | undefined): Promise<JsonSchema> {
  return quicktypeSchema(
    observer.result().cover.map((skeleton) => JSON.stringify(skeleton)),
    schemaRunner,
  );
}

/**
 * The schema of every sample an observer saw, from the original values; its examples and the
 * printed representative sample through the gate. Finishes the observer (see `JsonObserver.result`).
 */
export async function inferObservedSchema(observer: JsonObserver, at: ShowAt): Promise<JsonInference> {
  const observation = observer.result();
  const inferred = await (observer.coverSchema ?? coverSchema(observer, at.schemaRunner));
  const keyPath = at.keyPath ?? [];
  const sample = at.gate.json(observation.sample, at.place, keyPath);
  if (observation.samples > 0) takeShownExamples(sample, observation.root);
  const schema = annotateSchema(inferred, observation.root, { gate: at.gate, place: at.place, path: keyPath });
  if (schema['x-samples'] === undefined) schema['x-samples'] = observation.samples;
  if (observation.truncated) schema.description = 'Too many distinct fields: some were left out of this schema.';
  const example = at.gate.printJson(sample, schema, at.maxChars, at.maxLines);
  return { schema, representative: observation.representative, example };
}
