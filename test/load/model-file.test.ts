import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeHar, looksLikeModel, parseModel } from '../../src/load/model-file.js';
import { loadSide } from '../../src/load/side.js';
import { Har2ApiError } from '../../src/errors.js';
import { har, jsonEntry } from '../support/har.js';

const saved = readFileSync('out/model.json', 'utf8');
const capture = har([jsonEntry('GET', 'https://api.example.test/v1/items/1', { id: 1 })]);

function errorOf(run: () => unknown): Har2ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof Har2ApiError) return error;
    throw error;
  }
  throw new Error('expected a Har2ApiError');
}

/** The saved model with one change made by `edit`. */
function edited(edit: (model: Record<string, any>) => void): string {
  const model = JSON.parse(saved) as Record<string, any>;
  edit(model);
  return JSON.stringify(model);
}

function firstSchema(model: Record<string, any>): Record<string, unknown> {
  for (const endpoint of model.endpoints) for (const response of endpoint.responses) for (const body of response.bodies) if (body.schema) return body.schema;
  throw new Error('out/model.json has no body schema');
}

describe('model files', () => {
  it('reads the model written by --format json', () => {
    expect(looksLikeModel(saved)).toBe(true);
    expect(looksLikeHar(saved)).toBe(false);
    expect(looksLikeModel(capture)).toBe(false);
    expect(looksLikeHar(capture)).toBe(true);
    expect(parseModel(saved, 'model.json').endpoints.length).toBeGreaterThan(0);
  });

  it.each([
    ['an old version', edited((m) => (m.modelVersion = 0)), 'E_MODEL', 'model.json: model version 0 is not supported (this har2api reads version 1)'],
    ['no version', '{"endpoints": []}', 'E_MODEL', 'model.json: JSON but not a har2api model (no modelVersion)'],
    ['endpoints not a list', edited((m) => (m.endpoints = {})), 'E_MODEL', '/endpoints must be an array'],
    ['an endpoint without a path', edited((m) => delete m.endpoints[0].path), 'E_MODEL', '/endpoints/0/path must be a string'],
    ['a broken schema deep inside', edited((m) => (firstSchema(m).anyOf = 'x')), 'E_MODEL', '/schema/anyOf must be an array'],
    ['truncated JSON', saved.slice(0, 100), 'E_JSON', 'model.json: not valid JSON: it ends early, after 100 characters'],
    ['a stray word', '{"modelVersion": 1,\n  "title": "x" private-words-here}', 'E_JSON', 'model.json: not valid JSON at line 2, column 16'],
    ['an HTML page', '<!doctype html><p>saved page</p>', 'E_JSON', 'model.json: this is an HTML or XML document, not a model JSON written by --format json'],
  ])('rejects %s with one clear error', (_name, text, code, message) => {
    const error = errorOf(() => parseModel(text, 'model.json'));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('\n');
    // V8's own message quotes the bytes around the error, which may be anything the file holds.
    expect(error.message).not.toContain('private-words');
  });
});

describe('loadSide', () => {
  it('builds captures through the pipeline', async () => {
    const side = await loadSide([{ label: 'a.har', text: capture }]);
    expect(side.model.endpoints.map((e) => e.path)).toEqual(['/v1/items/{item_id}']);
  });

  it('loads a model whose keys are in another order', async () => {
    const reordered = edited((m) => {
      const version = m.modelVersion;
      delete m.modelVersion;
      m.modelVersion = version;
    });
    expect(looksLikeModel(reordered)).toBe(false);
    const side = await loadSide([{ label: 'model.json', text: reordered }]);
    expect(side.model.endpoints.length).toBe(JSON.parse(saved).endpoints.length);
  });

  it.each([
    [
      'a model and a capture',
      [
        { label: 'model.json', text: saved },
        { label: 'a.har', text: capture },
      ],
      'either HAR captures or a single model file',
    ],
    [
      'two models',
      [
        { label: 'a.json', text: saved },
        { label: 'b.json', text: saved },
      ],
      'either HAR captures or a single model file',
    ],
    [
      'one broken capture among good ones',
      [
        { label: 'a.har', text: capture },
        { label: 'b.har', text: '{"log": ' },
      ],
      'b.har: not valid JSON',
    ],
  ])('refuses %s', async (_name, inputs, message) => {
    await expect(loadSide(inputs)).rejects.toThrow(message);
  });
});
