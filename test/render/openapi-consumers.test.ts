/**
 * The generated OpenAPI documents and types for every capture the conformance test measures
 * (`samples/`, the real captures in ../shared/corpus and ../shared/corpus-apps, and the synthetic
 * shop captures), through real consumers: the Redocly validator, openapi-typescript (an importer
 * client code uses) and the TypeScript compiler. Every component schema must be referenced and
 * declared under the same name in types.ts, and the two must accept each other's values.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, Har2ApiError, renderOutputs } from '../../src/index.js';
import { CORPORA, measuredCaptures } from '../support/measured-captures.js';
import { agreementCheck, compileTypeScript, importOpenApi, lintOpenApi, unreferencedComponents } from '../support/consumers.js';

const captures = measuredCaptures();
const CORPUS = CORPORA[0]!;

interface Generated {
  capture: string;
  openapi: string;
  types: string;
  names: string[];
}

/** Captures that give at least one endpoint (the others are errors or have no API traffic). */
const generated: Generated[] = [];

beforeAll(async () => {
  for (const { path: capture, label, text } of captures) {
    let model;
    try {
      ({ model } = await buildModel([{ label, text: text() }]));
    } catch (error) {
      // A capture refused with one clear error (not a HAR, an LFS pointer) has nothing to check; a crash is a failure.
      if (error instanceof Har2ApiError) continue;
      throw error;
    }
    if (model.endpoints.length === 0) continue;
    const [openapi, types] = await renderOutputs(model, ['openapi', 'types']);
    const names = Object.keys((JSON.parse(openapi!.content) as { components: { schemas?: object } }).components.schemas ?? {});
    generated.push({ capture, openapi: openapi!.content, types: types!.content, names });
  }
}, 300_000);

describe(`OpenAPI and types for samples/, synthetic captures${existsSync(CORPUS) ? ` and ${CORPORA.join(', ')}` : ` (${CORPUS} absent: corpus skipped)`}`, () => {
  it('has API captures to check, including samples/, synthetic and corpus captures with bodies', () => {
    expect(generated.some((g) => g.capture.startsWith('samples/'))).toBe(true);
    expect(generated.some((g) => g.capture.startsWith('synthetic-'))).toBe(true);
    if (existsSync(CORPUS)) expect(generated.filter((g) => g.names.length > 0).length).toBeGreaterThanOrEqual(10);
  });

  it('passes the Redocly validator for every capture with no warning, every component referenced', async () => {
    const failures: string[] = [];
    for (const g of generated) {
      const { errors, warnings } = await lintOpenApi(g.openapi);
      // Warnings count too: `no-unused-components` is one (a component only an `x-` extension names).
      const unexpected = [...errors, ...warnings];
      const unreferenced = unreferencedComponents(g.openapi);
      if (unexpected.length || unreferenced.length)
        failures.push(`${g.capture}: ${[...unexpected, ...unreferenced.map((n) => `unreferenced ${n}`)].join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('types no field only `null` (null is at most one type of several, or one member of a union)', () => {
    const failures: string[] = [];
    const walk = (node: unknown, path: string, inUnion: boolean): void => {
      if (node === null || typeof node !== 'object') return;
      if (Array.isArray(node)) {
        node.forEach((item, i) => walk(item, `${path}/${i}`, inUnion));
        return;
      }
      const record = node as Record<string, unknown>;
      if (record.type === 'null' && !inUnion) failures.push(path);
      for (const [key, value] of Object.entries(record)) walk(value, `${path}/${key}`, key === 'anyOf' || key === 'oneOf');
    };
    for (const g of generated) {
      const before = failures.length;
      walk(JSON.parse(g.openapi), '', false);
      if (failures.length > before) failures.splice(before, failures.length - before, `${g.capture}: ${failures.slice(before, before + 3).join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('finds a component referenced only from an `x-` extension (the check can fail)', async () => {
    const g = generated.find((x) => x.names.length > 0)!;
    const document = JSON.parse(g.openapi) as { components: { schemas: Record<string, unknown> }; 'x-extra'?: unknown };
    document.components.schemas.Orphan = { type: 'object' };
    document['x-extra'] = { schema: { $ref: '#/components/schemas/Orphan' } };
    const text = JSON.stringify(document, null, 2);
    expect(unreferencedComponents(text)).toEqual(['Orphan']);
    expect((await lintOpenApi(text)).errors.some((e) => e.startsWith('no-unused-components'))).toBe(true);
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

  it('finds types.ts and openapi.json disagreeing on one field, or a field typed only null (the checks can fail)', async () => {
    // A string property of types.ts declared as a number instead: the agreement check must not compile.
    const property = /^(\s+\w+\??:\s+(?:null \| )?)string;$/m;
    const g = generated.find((x) => x.capture.startsWith('samples/') && property.test(x.types))!;
    const changed = g.types.replace(property, '$1number;');
    const files = { 'x/types.ts': changed, 'x/openapi.ts': await importOpenApi(g.openapi), 'x/check.ts': agreementCheck(g.names) };
    expect(compileTypeScript(files).length).toBeGreaterThan(0);
    expect(ONLY_NULL_PROPERTY.test(changed.replace(/^(\s+\w+\??:\s+)(?:null \| )?number;$/m, '$1null;'))).toBe(true);
  });

  it('declares no property of types.ts as only `null`', () => {
    expect(generated.filter((g) => ONLY_NULL_PROPERTY.test(g.types)).map((g) => g.capture)).toEqual([]);
  });
});

/** A property declared `name: null;` (or `name?: null;`) in types.ts. */
const ONLY_NULL_PROPERTY = /^\s+[\w"]+\??:\s+null;$/m;
