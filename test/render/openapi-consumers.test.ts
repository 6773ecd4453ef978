/**
 * The generated OpenAPI documents and types for `samples/` and the real captures in
 * ../shared/corpus, through real consumers: the Redocly validator, openapi-typescript (an
 * importer client code uses) and the TypeScript compiler. Every component schema must be
 * declared under the same name in types.ts, and the two must accept each other's values.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCaptureBytes } from '../../src/ingest/decode.js';
import { buildModel, Har2ApiError, renderOutputs } from '../../src/index.js';
import { agreementCheck, compileTypeScript, importOpenApi, lintOpenApi, unreferencedComponents } from '../support/consumers.js';

const CORPUS = '../shared/corpus';
const captures = [
  ...readdirSync('samples')
    .filter((f) => f.endsWith('.har'))
    .map((f) => `samples/${f}`),
  ...(existsSync(CORPUS)
    ? readdirSync(CORPUS)
        .filter((f) => f.endsWith('.har'))
        .sort()
        .map((f) => `${CORPUS}/${f}`)
    : []),
];

interface Generated {
  capture: string;
  openapi: string;
  types: string;
  names: string[];
}

/** Captures that give at least one endpoint (the others are errors or have no API traffic). */
const generated: Generated[] = [];

beforeAll(async () => {
  for (const capture of captures) {
    const label = capture.split('/').pop()!;
    let model;
    try {
      ({ model } = await buildModel([{ label, text: decodeCaptureBytes(readFileSync(capture), label) }]));
    } catch (error) {
      // A capture refused with one clear error has nothing to check; a crash is a failure.
      if (error instanceof Har2ApiError) continue;
      throw error;
    }
    if (model.endpoints.length === 0) continue;
    const [openapi, types] = await renderOutputs(model, ['openapi', 'types']);
    const names = Object.keys((JSON.parse(openapi!.content) as { components: { schemas?: object } }).components.schemas ?? {});
    generated.push({ capture, openapi: openapi!.content, types: types!.content, names });
  }
}, 300_000);

describe(`OpenAPI and types for samples/${existsSync(CORPUS) ? ` and ${CORPUS}` : ` (${CORPUS} absent: corpus skipped)`}`, () => {
  it('has API captures to check, including samples/ and corpus captures with bodies', () => {
    expect(generated.some((g) => g.capture.startsWith('samples/'))).toBe(true);
    if (existsSync(CORPUS)) expect(generated.filter((g) => g.names.length > 0).length).toBeGreaterThanOrEqual(10);
  });

  it('passes the Redocly validator for every capture, every component referenced', async () => {
    const failures: string[] = [];
    for (const g of generated) {
      const { errors, warnings } = await lintOpenApi(g.openapi);
      // `no-unused-components` flags schemas referenced from `x-` extensions only (WebSocket, GraphQL).
      const unexpected = [...errors, ...warnings.filter((w) => !w.startsWith('no-unused-components'))];
      const unreferenced = unreferencedComponents(g.openapi);
      if (unexpected.length || unreferenced.length)
        failures.push(`${g.capture}: ${[...unexpected, ...unreferenced.map((n) => `unreferenced ${n}`)].join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('imports into openapi-typescript, and the types compile and agree with it', async () => {
    const files: Record<string, string> = {};
    const failures: string[] = [];
    for (const [i, g] of generated.entries()) {
      const declared = new Set([...g.types.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]));
      const missing = g.names.filter((n) => !declared.has(n));
      if (missing.length) failures.push(`${g.capture}: types.ts lacks ${missing.join(', ')}`);
      files[`c${i}/types.ts`] = g.types;
      try {
        files[`c${i}/openapi.ts`] = await importOpenApi(g.openapi);
        files[`c${i}/check.ts`] = agreementCheck(g.names);
      } catch (error) {
        // openapi-typescript crashes on a `%` in a path key (openapi-ts/openapi-typescript#2251).
        const knownBug = (error as Error).name === 'URIError' && /"\/[^"]*%25[^"]*": \{/.test(g.openapi);
        if (!knownBug) failures.push(`${g.capture}: openapi-typescript failed: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(Object.keys(files).length).toBeGreaterThan(0);
    expect(compileTypeScript(files)).toEqual([]);
  });
});
