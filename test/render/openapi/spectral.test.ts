/**
 * The OpenAPI documents generated from the samples and from the canary captures pass Spectral's
 * `spectral:oas` ruleset with no error: in particular every example is valid for its schema
 * (`oas3-valid-media-example`, `oas3-valid-schema-example`), placeholders included; and with no
 * unused component (`oas3-unused-component`, a warning in the ruleset). And its tag rules have
 * nothing to say: every operation has a resource tag that the document lists, sorted and
 * described (`operation-tags`, `operation-tag-defined`, `openapi-tags`, `tag-description` …).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import spectralRulesets from '@stoplight/spectral-rulesets';
import { describe, expect, it } from 'vitest';
import { buildModel, loadTemplates, renderOutputs } from '../../../src/index.js';
import { buildCanaryCapture } from '../../fixtures/canary-capture.js';
import { buildPeopleCanary } from '../../fixtures/people-canary.js';

const { Document, Spectral } = spectralCore;
/** The ruleset as `extends` takes it: the package's typing of `oas` and of `extends` disagree by a `null`. */
type RulesetDefinition = Exclude<Parameters<InstanceType<typeof Spectral>['setRuleset']>[0], { toJSON(): unknown }>;
const ROOT = resolve(import.meta.dirname, '../../..');
const APPS = resolve(ROOT, '../shared/corpus-apps');

/** The ruleset's tag rules, whatever their severity: `tag-description` and `openapi-tags-alphabetical` are off in `recommended`. */
const TAG_RULES = ['operation-tags', 'operation-tag-defined', 'openapi-tags', 'openapi-tags-uniqueness', 'openapi-tags-alphabetical', 'tag-description'];

/** Errors, and any finding of a tag rule. */
async function lint(text: string): Promise<string[]> {
  const spectral = new Spectral();
  spectral.setRuleset({
    extends: [[spectralRulesets.oas as RulesetDefinition, 'recommended']],
    rules: { 'tag-description': 'warn', 'openapi-tags-alphabetical': 'warn' },
  });
  const results = await spectral.run(new Document(text, spectralParsers.Json, 'openapi.json'));
  // Severity 0 is an error; warnings (missing contact) are the user's to add, but an unused
  // component is ours (every schema the document declares must be referenced from it), and so are tags.
  return results
    .filter((r) => r.severity === 0 || r.code === 'oas3-unused-component' || TAG_RULES.includes(String(r.code)))
    .map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`);
}

async function openapiOf(label: string, text: string): Promise<string> {
  const { model } = await buildModel([{ label, text }]);
  return (await renderOutputs(model, ['openapi'], loadTemplates()))[0]!.content;
}

describe('spectral:oas', () => {
  const samples = readdirSync(join(ROOT, 'samples')).filter((name) => name.endsWith('.har'));

  it.each(samples)(
    'no error in the OpenAPI document of samples/%s',
    async (name) => {
      expect(await lint(await openapiOf(name, readFileSync(join(ROOT, 'samples', name), 'utf8')))).toEqual([]);
    },
    60_000,
  );

  it('no error in the OpenAPI document of the canary capture', async () => {
    expect(await lint(await openapiOf('canary.har', buildCanaryCapture().har))).toEqual([]);
  }, 60_000);

  it('no error in the OpenAPI document of the people canary', async () => {
    expect(await lint(await openapiOf('people.har', buildPeopleCanary().har))).toEqual([]);
  }, 60_000);

  // Real captures, read in place; one no usable document comes from (an LFS pointer, no API traffic) is named, not linted.
  const apps = existsSync(APPS) ? readdirSync(APPS).filter((name) => name.endsWith('.har')) : [];
  it.each(apps)(
    'no error in the OpenAPI document of corpus-apps/%s',
    async (name) => {
      let text: string;
      try {
        text = await openapiOf(name, readFileSync(join(APPS, name), 'utf8'));
      } catch (error) {
        expect((error as Error).message).toMatch(/LFS|no API endpoints|not a HAR|no entries/i);
        return;
      }
      expect(await lint(text)).toEqual([]);
    },
    60_000,
  );

  it('finds operations without tags and tags the document does not list (the check can fail)', async () => {
    const document = JSON.parse(readFileSync(join(ROOT, 'out', 'openapi.json'), 'utf8')) as {
      tags: { name: string; description?: string }[];
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const [first, second] = Object.values(document.paths).flatMap((item) => Object.values(item));
    delete first!.tags;
    second!.tags = ['not listed'];
    delete document.tags[0]!.description;
    const codes = (await lint(JSON.stringify(document))).map((e) => e.split(' ')[0]);
    expect(codes).toContain('operation-tags');
    expect(codes).toContain('operation-tag-defined');
    expect(codes).toContain('tag-description');
  }, 60_000);

  it('finds an example that does not fit its schema (the check can fail)', async () => {
    const document = JSON.parse(readFileSync(join(ROOT, 'out', 'openapi.json'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    // The placeholder as it was before the gate fitted it to `format: email`.
    const broken = JSON.stringify(document).replaceAll('email-1@example.com', '<email:1>');
    expect(broken).not.toBe(JSON.stringify(document));
    expect((await lint(broken)).some((e) => e.startsWith('oas3-valid-media-example'))).toBe(true);
  }, 60_000);
});
