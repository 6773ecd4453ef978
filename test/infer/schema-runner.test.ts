/**
 * Where a run's schemas are inferred is a setting of that run (`RunSettings.schemaRunner`), not
 * of the process: every body schema of a run comes from its runner, and runs in one process
 * with different runners (or none) do not see each other's. A runner here runs quicktype in
 * this thread and adds a property named after itself, so a schema shows which runner made it.
 */
import { describe, expect, it } from 'vitest';
import type { Endpoint, JsonSchema } from '../../src/model.js';
import { quicktypeSchemaText, type SchemaRunner } from '../../src/infer/quicktype.js';
import { buildModel } from '../../src/pipeline.js';
import { har, harEntry, jsonEntry } from '../support/har.js';

/** A runner that counts its runs and marks every schema it makes with `marker`. */
function markingRunner(marker: string): { runs: number; run: SchemaRunner } {
  const runner = {
    runs: 0,
    run: async (samples: string[]) => {
      runner.runs++;
      const document = JSON.parse(await quicktypeSchemaText(samples)) as { $ref?: string; definitions: Record<string, { properties?: object }> };
      const root = document.definitions[document.$ref?.replace('#/definitions/', '') ?? ''];
      if (root?.properties) root.properties = { ...root.properties, [marker]: { type: 'string' } };
      return JSON.stringify(document);
    },
  };
  return runner;
}

/** One of every place a body schema is inferred: request and response JSON, NDJSON, SSE events, WebSocket frames, GraphQL. */
const CAPTURE = har([
  jsonEntry('POST', 'https://api.example.com/v1/items', { id: 1, name: 'a' }, { request: { name: 'a' } }),
  harEntry({ url: 'https://api.example.com/v1/lines', content: { mimeType: 'application/x-ndjson', text: '{"line":1}\n{"line":2}\n' } }),
  harEntry({ url: 'https://api.example.com/v1/stream', content: { mimeType: 'text/event-stream', text: 'event: tick\ndata: {"n":1}\n\n' } }),
  harEntry({
    url: 'wss://api.example.com/v1/socket',
    status: 101,
    webSocket: [{ type: 'receive', opcode: 1, data: '{"frame":1}' }],
  }),
  jsonEntry(
    'POST',
    'https://api.example.com/graphql',
    { data: { item: { id: 1 } } },
    { request: { query: 'query Item($id: ID!) { item(id: $id) { id } }', operationName: 'Item', variables: { id: '1' } } },
  ),
]);

/** How many schemas `CAPTURE` gives (the GraphQL call's body, its variables and its `data` each have one). */
const PLACES = 9;

/** Every object schema of the model's bodies, events, frames and GraphQL operations, by where it is. */
function objectSchemas(endpoints: readonly Endpoint[]): Map<string, JsonSchema> {
  const found = new Map<string, JsonSchema>();
  const take = (where: string, schema: JsonSchema | undefined) => {
    if (schema?.properties) found.set(where, schema);
  };
  for (const e of endpoints) {
    for (const body of e.requestBodies) take(`${e.path} request`, body.schema);
    for (const response of e.responses)
      for (const body of response.bodies) {
        take(`${e.path} ${response.status} ${body.kind}`, body.schema);
        for (const event of body.events ?? []) take(`${e.path} event`, event.schema);
      }
    for (const event of e.websocket?.events ?? []) take(`${e.path} frame`, event.schema);
    for (const operation of e.graphql ?? []) {
      take(`${e.path} variables`, operation.variables);
      take(`${e.path} data`, operation.response);
    }
  }
  return found;
}

const markersOf = (schemas: Map<string, JsonSchema>) =>
  [...schemas].map(([where, schema]) => [where, Object.keys(schema.properties!).filter((key) => key.startsWith('runner_'))]);

describe('RunSettings.schemaRunner', () => {
  it('gives every body schema of a library run from the runner it was given', async () => {
    const runner = markingRunner('runner_a');
    const { model } = await buildModel([{ label: 'a.har', text: CAPTURE }], {}, { schemaRunner: runner.run });
    const schemas = objectSchemas(model.endpoints);
    expect([...schemas.keys()].sort()).toEqual([
      '/graphql 200 json',
      '/graphql data',
      '/graphql request',
      '/graphql variables',
      '/v1/items 200 json',
      '/v1/items request',
      '/v1/lines 200 ndjson',
      '/v1/socket frame',
      '/v1/stream event',
    ]);
    for (const [where, markers] of markersOf(schemas)) expect(markers, String(where)).toEqual(['runner_a']);
    expect(runner.runs).toBe(schemas.size);
  });

  it.each([
    ['two runners', ['runner_a', 'runner_b']],
    ['a runner and this thread', ['runner_a', undefined]],
    ['this thread and a runner', [undefined, 'runner_b']],
  ])('keeps runs in one process apart, at the same time: %s', async (_label, markers) => {
    const runners = markers.map((marker) => (marker === undefined ? undefined : markingRunner(marker)));
    const built = await Promise.all(runners.map((runner) => buildModel([{ label: 'a.har', text: CAPTURE }], {}, runner ? { schemaRunner: runner.run } : {})));
    built.forEach(({ model }, i) => {
      for (const [where, found] of markersOf(objectSchemas(model.endpoints))) expect(found, `run ${i}: ${where}`).toEqual(markers[i] ? [markers[i]] : []);
    });
    // Each runner ran its own run's schemas, no more.
    for (const runner of runners) if (runner) expect(runner.runs).toBe(PLACES);
  });

  it('leaves nothing behind when a run fails in its runner: the next run infers in this thread', async () => {
    const failing: SchemaRunner = () => Promise.reject(new Error('the thread failed'));
    await expect(buildModel([{ label: 'a.har', text: CAPTURE }], {}, { schemaRunner: failing })).rejects.toThrow('the thread failed');
    const after = await buildModel([{ label: 'a.har', text: CAPTURE }]);
    const alone = markersOf(objectSchemas(after.model.endpoints));
    expect(alone.length).toBe(PLACES);
    for (const [where, found] of alone) expect(found, String(where)).toEqual([]);
  });
});
