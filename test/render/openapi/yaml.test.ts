/**
 * `-f openapi-yaml`: the same document as openapi.json, as YAML. It must read back as equal data
 * (under YAML 1.2 and 1.1 readers) and pass the validators the JSON passes: Spectral's
 * `spectral:oas` and Redocly's recommended rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import spectralRulesets from '@stoplight/spectral-rulesets';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildModel, loadTemplates, renderOutputs } from '../../../src/index.js';
import { toYaml } from '../../../src/yaml.js';
import { buildCanaryCapture } from '../../fixtures/canary-capture.js';
import { lintOpenApi } from '../../support/consumers.js';

const { Document, Spectral } = spectralCore;
type RulesetDefinition = Exclude<Parameters<InstanceType<typeof Spectral>['setRuleset']>[0], { toJSON(): unknown }>;
const ROOT = resolve(import.meta.dirname, '../../..');

async function spectralErrors(text: string, yaml: boolean): Promise<string[]> {
  const spectral = new Spectral();
  spectral.setRuleset({ extends: [[spectralRulesets.oas as RulesetDefinition, 'recommended']] });
  const document = yaml ? new Document(text, spectralParsers.Yaml, 'openapi.yaml') : new Document(text, spectralParsers.Json, 'openapi.json');
  const results = await spectral.run(document);
  return results.filter((r) => r.severity === 0).map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`);
}

async function bothOf(label: string, text: string): Promise<{ json: string; yaml: string }> {
  const { model } = await buildModel([{ label, text }]);
  const [json, yaml] = await renderOutputs(model, ['openapi', 'openapi-yaml'], loadTemplates());
  expect([json!.name, yaml!.name]).toEqual(['openapi.json', 'openapi.yaml']);
  return { json: json!.content, yaml: yaml!.content };
}

const samples = readdirSync(join(ROOT, 'samples')).filter((name) => name.endsWith('.har'));
const cases: [string, () => string][] = [
  ...samples.map((name): [string, () => string] => [`samples/${name}`, () => readFileSync(join(ROOT, 'samples', name), 'utf8')]),
  ['the canary capture', () => buildCanaryCapture().har],
];

describe('openapi.yaml', () => {
  it.each(cases)(
    'from %s reads back equal to openapi.json and passes Spectral and Redocly as the JSON does',
    async (label, read) => {
      const { json, yaml } = await bothOf(`${label.replace(/\W+/g, '-')}.har`, read());
      const data = JSON.parse(json) as unknown;
      expect(parse(yaml)).toEqual(data);
      expect(parse(yaml, { version: '1.1' })).toEqual(data);
      expect(await spectralErrors(yaml, true)).toEqual(await spectralErrors(json, false));
      expect(await spectralErrors(yaml, true)).toEqual([]);
      const [fromYaml, fromJson] = [await lintOpenApi(yaml, 'openapi.yaml'), await lintOpenApi(json)];
      expect(fromYaml.errors).toEqual(fromJson.errors);
      expect(fromYaml.warnings.length).toBe(fromJson.warnings.length);
    },
    120_000,
  );

  it('quotes strings a YAML 1.1 or 1.2 reader would take for another type', () => {
    const value = { a: 'yes', b: 'off', c: '2025-12-30', d: '12:30', e: '0o17', f: '017', g: 'true', h: '1_000', i: '~', j: 'null', k: '.inf', n: 12 };
    const text = toYaml(value);
    expect(parse(text)).toEqual(value);
    expect(parse(text, { version: '1.1' })).toEqual(value);
  });

  it('the Spectral check can fail: a broken document gives errors', async () => {
    const { yaml } = await bothOf('chatgpt.har', readFileSync(join(ROOT, 'samples', 'chatgpt.har'), 'utf8'));
    expect(await spectralErrors(yaml.replace(/^openapi: .*$/m, 'openapi: 3.1.0\npaths: 1'), true)).not.toEqual([]);
  }, 60_000);
});
