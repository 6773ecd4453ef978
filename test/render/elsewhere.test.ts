/**
 * `renderOutputs` with some formats rendered elsewhere (the CLI's quicktype thread renders
 * types.ts): the same files in the same order, and a failure surfaces in format order.
 */
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/load/templates.js';
import type { JsonSchema } from '../../src/model.js';
import { type Format, renderOutputs } from '../../src/render/index.js';
import { jsonBody, makeEndpoint, makeModel } from '../support/model.js';

const schema: JsonSchema = { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] };
const model = makeModel([makeEndpoint({ responses: [{ status: 200, seen: 1, bodies: [jsonBody(schema)] }] })]);
const templates = loadTemplates();
const ALL: Format[] = ['html', 'types', 'markdown', 'openapi', 'json'];

describe('renderOutputs with formats rendered elsewhere', () => {
  it.each([[['types']], [['types', 'openapi']], [['markdown', 'html']], [[]]] as Format[][][])(
    'writes the same files in the same order when %j are rendered elsewhere',
    async (away) => {
      const here = await renderOutputs(model, ALL, templates);
      const elsewhere = (format: Format) => (away.includes(format) ? renderOutputs(model, [format], templates).then(([file]) => file!.content) : undefined);
      expect(await renderOutputs(model, ALL, templates, elsewhere)).toEqual(here);
      expect(here.map((f) => f.name)).toEqual(['reference.md', 'model.json', 'openapi.json', 'types.ts', 'reference.html']);
    },
  );

  it.each([
    ['elsewhere, first in order', 'markdown', 'json', 'markdown failed'],
    ['here, first in order', 'json', 'types', 'json failed'],
    ['elsewhere only', 'types', undefined, 'types failed'],
  ])('throws the first failure in format order (%s)', async (_, first, second, message) => {
    const failing = new Set([first, second]);
    const elsewhere = (format: Format) =>
      format === 'markdown' || format === 'types' ? (failing.has(format) ? Promise.reject(new Error(`${format} failed`)) : Promise.resolve('')) : undefined;
    // A format rendered here fails through a model it cannot read.
    const broken = failing.has('json')
      ? {
          ...model,
          toJSON: () => {
            throw new Error('json failed');
          },
        }
      : model;
    await expect(renderOutputs(broken, ['markdown', 'json', 'types'], templates, elsewhere)).rejects.toThrow(message);
  });
});
