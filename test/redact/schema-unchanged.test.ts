/**
 * Redaction never changes what the schema says: `openapi.json` and `types.ts` built with and
 * without `--no-redact` give the same types and formats, on the samples, the canary capture and
 * every capture in ../shared/corpus-apps (read in place). Types, formats and enums are decided on
 * the original values; only what is shown of them (examples, enum members the gate would
 * replace, names that are data) may differ.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, loadTemplates, renderOutputs } from '../../src/index.js';
import { buildCanaryCapture } from '../fixtures/canary-capture.js';
import { buildPeopleCanary } from '../fixtures/people-canary.js';

const ROOT = resolve(import.meta.dirname, '../..');
const APPS = resolve(ROOT, '../shared/corpus-apps');

interface Capture {
  label: string;
  text: string;
}

/** Every `type|format` pair of the document's schemas, in a sorted list (names and examples left out). */
export function schemaFacts(document: unknown): string[] {
  const facts: string[] = [];
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const record = value as Record<string, unknown>;
    if ('type' in record && (typeof record.type === 'string' || Array.isArray(record.type)))
      facts.push(`${[record.type].flat().join(',')}|${typeof record.format === 'string' ? record.format : ''}`);
    for (const [key, child] of Object.entries(record)) if (key !== 'example' && key !== 'examples' && key !== 'enum') visit(child);
  };
  visit(document);
  return facts.sort();
}

/** The primitive types `types.ts` names, counted; string literal unions (enums) count as `string`. */
export function typeFacts(types: string): Record<string, number> {
  const stripped = types
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/[^\n]*/g, '')
    .replace(/^\s*(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[\w$]+)\??:/gm, '')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, 'string')
    .replace(/string(?:\s*\|\s*string)+/g, 'string');
  const counts: Record<string, number> = {};
  for (const word of stripped.match(/\b(?:string|number|boolean|null|unknown)\b/g) ?? []) counts[word] = (counts[word] ?? 0) + 1;
  return counts;
}

async function facts(capture: Capture, redact: boolean) {
  const { model } = await buildModel([capture], { redact });
  const outputs = await renderOutputs(model, ['openapi', 'types'], loadTemplates());
  const openapi = JSON.parse(outputs.find((o) => o.name === 'openapi.json')!.content) as unknown;
  const types = outputs.find((o) => o.name === 'types.ts')!.content;
  return { redacted: model.redaction.total, openapi: schemaFacts(openapi), types: typeFacts(types) };
}

function captures(): Capture[] {
  const samples = readdirSync(join(ROOT, 'samples'))
    .filter((name) => name.endsWith('.har'))
    .map((name) => ({ label: name, text: readFileSync(join(ROOT, 'samples', name), 'utf8') }));
  const canary = { label: 'canary.har', text: buildCanaryCapture().har };
  const people = { label: 'people.har', text: buildPeopleCanary().har };
  const apps = existsSync(APPS)
    ? readdirSync(APPS)
        .filter((name) => name.endsWith('.har'))
        .map((name) => ({ label: name, text: readFileSync(join(APPS, name), 'utf8') }))
    : [];
  return [...samples, canary, people, ...apps];
}

describe('redaction changes no type or format', () => {
  const all = captures();

  it('reads the samples, the canary capture and corpus-apps', () => {
    expect(all.length).toBeGreaterThanOrEqual(existsSync(APPS) ? 16 : 3);
  });

  it.each(all.map((c) => [c.label, c] as const))(
    '%s',
    async (_label, capture) => {
      let open: Awaited<ReturnType<typeof facts>>;
      try {
        open = await facts(capture, false);
      } catch (error) {
        // A capture that is not usable is refused the same way with redaction on.
        await expect(facts(capture, true)).rejects.toThrow((error as Error).message);
        return;
      }
      const redacted = await facts(capture, true);
      expect(redacted.openapi).toEqual(open.openapi);
      expect(redacted.types).toEqual(open.types);
    },
    120_000,
  );

  it('some capture has values redacted, so the comparison is not vacuous', async () => {
    expect((await facts(all.find((c) => c.label === 'canary.har')!, true)).redacted).toBeGreaterThan(50);
    expect((await facts(all.find((c) => c.label === 'people.har')!, true)).redacted).toBeGreaterThan(100);
  });

  it('the projections see a changed type or format', () => {
    const schema = { type: 'object', properties: { a: { type: 'string', format: 'email', examples: ['x'] } } };
    const changed = { type: 'object', properties: { a: { type: 'string', examples: ['x'] } } };
    expect(schemaFacts(changed)).not.toEqual(schemaFacts(schema));
    expect(typeFacts("export interface A {\n  a: number;\n  'b-c'?: 'x' | 'y';\n}")).toEqual({ number: 1, string: 1 });
    expect(typeFacts('export interface A {\n  a: string;\n}')).not.toEqual(typeFacts('export interface A {\n  a: number;\n}'));
  });
});
