/**
 * `har2api samples/*.har -f markdown,json,openapi,types` writes four files that say the same
 * thing: every endpoint of model.json is a section of reference.md and an operation of
 * openapi.json, every body schema of the model is a component schema as is, and types.ts
 * declares every component schema under its name.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { ApiModel, JsonSchema } from '../../src/model.js';
import type { OpenApiDocument, Operation } from '../../src/render/openapi/spec.js';
import { memoryIo } from '../support/memory-io.js';

const samples = readdirSync('samples')
  .filter((f) => f.endsWith('.har'))
  .map((f) => join('samples', f));

describe('four formats from samples/', () => {
  let files: Map<string, string>;
  let model: ApiModel;
  let openapi: OpenApiDocument;

  beforeAll(async () => {
    const io = memoryIo({}, { disk: samples });
    expect(await runCli([...samples, '-o', 'docs', '-f', 'markdown,json,openapi,types', '-q'], io)).toBe(0);
    files = new Map([...io.files].filter(([path]) => path.startsWith('/virtual/docs/')).map(([path, text]) => [path.replace('/virtual/docs/', ''), text]));
    model = JSON.parse(files.get('model.json')!) as ApiModel;
    openapi = JSON.parse(files.get('openapi.json')!) as OpenApiDocument;
  });

  it('writes the four files', () => {
    expect([...files.keys()].sort()).toEqual(['model.json', 'openapi.json', 'reference.md', 'types.ts']);
  });

  it('has every endpoint in the reference and as an operation', () => {
    const operations = Object.values(openapi.paths).flatMap((item) => Object.values(item) as Operation[]);
    for (const endpoint of model.endpoints) {
      expect(files.get('reference.md')).toContain(`\`${endpoint.method} ${endpoint.path}\``);
      const op = operations.find((o) => [o['x-endpoint']].flat().includes(endpoint.key));
      expect(op, endpoint.key).toBeDefined();
      expect(op!['x-observed']).toBe(endpoint.observed);
      expect(Object.keys(op!.responses).filter((status) => status !== 'default')).toEqual(Object.keys(endpoint.statusCounts).sort());
      expect(op!.responses.default!.description).toMatch(/did not show/);
    }
    expect(operations).toHaveLength(model.endpoints.length);
  });

  it('has every body schema of the model as a component, unchanged but for its description', () => {
    const components = Object.values(openapi.components.schemas ?? {}).map((s) => JSON.stringify(withoutDescription(s as JsonSchema)));
    const bodies = model.endpoints.flatMap((e) => [...e.requestBodies, ...e.responses.flatMap((r) => r.bodies)]);
    const schemas = [...bodies.filter((b) => b.kind !== 'sse').map((b) => b.schema), ...bodies.flatMap((b) => (b.events ?? []).map((k) => k.schema))].filter(
      (s) => s !== undefined,
    );
    expect(schemas.length).toBeGreaterThan(5);
    for (const schema of schemas) expect(components).toContain(JSON.stringify(withoutDescription(schema)));
  });

  it('declares every component schema in types.ts under the same name', () => {
    const declared = new Set([...files.get('types.ts')!.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]));
    const names = Object.keys(openapi.components.schemas ?? {});
    expect(names).toContain('GetConversationResponse');
    expect(names).toContain('PostFConversationRequest');
    expect(names.filter((n) => !declared.has(n))).toEqual([]);
  });
});

function withoutDescription(schema: JsonSchema): JsonSchema {
  const copy = { ...schema };
  delete copy.description;
  return copy;
}
