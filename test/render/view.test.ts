/**
 * The presentation view holds values, the templates hold words. Every letter of the shipped
 * templates' text (outside `{{…}}`) is replaced, and a model whose every captured string has no
 * ASCII letter is rendered: any word left in the output must then come from the view's own
 * vocabulary, which is only the schema's type names (`integer`, `map of string`) and the fence
 * language. So a custom template can change every label, heading and column of the reference.
 */
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/load/templates.js';
import type { ApiModel } from '../../src/model.js';
import { renderOutputs } from '../../src/render/index.js';
import type { ReferenceTemplates } from '../../src/render/templates.js';
import { makeEndpoint, makeModel } from '../support/model.js';
import { richModel } from '../support/rich-model.js';

const JSON_TYPES = new Set(['null', 'boolean', 'integer', 'number', 'string', 'array', 'object']);
const BODY_KINDS = new Set(['json', 'form', 'multipart', 'sse', 'ndjson', 'jsonp', 'text', 'binary', 'empty']);
/**
 * Words the view itself writes: type labels and `{key}` in field paths (schema-rows.ts), the
 * language of JSON examples, and boolean enum values (data, but not strings that can be renamed).
 */
// Type labels are vocabulary too: `map of string`, `unknown (only null)` (schema-rows.ts).
// The flow diagram is one piece the view writes: Mermaid's syntax (`sequenceDiagram`, `participant P0 as`)
// and the client's participant (render/flow-mermaid.ts).
const DIAGRAM_WORDS = ['mermaid', 'sequenceDiagram', 'participant', 'P', 'as', 'Client'];
const VIEW_WORDS = new Set([...JSON_TYPES, 'any', 'map', 'of', 'enum', 'key', 'json', 'true', 'false', 'unknown', 'only', 'or', ...DIAGRAM_WORDS]);

/**
 * Every captured string (and every data key) becomes `値1`, `値2` …: no ASCII letter left. Media
 * types stay, since the view reads them (a JSON type that did not parse, an empty event stream).
 */
function withoutLetters(model: ApiModel): ApiModel {
  const names = new Map<string, string>();
  const rename = (value: string): string => {
    if (!names.has(value)) names.set(value, `値${names.size}`);
    return names.get(value)!;
  };
  const walk = (value: unknown, key: string, recordKeys: boolean): unknown => {
    // A body's kind picks the template's words for it, and a schema's type names are the view's vocabulary.
    if (typeof value === 'string') {
      const kept = (key === 'type' && JSON_TYPES.has(value)) || (key === 'kind' && BODY_KINDS.has(value)) || key === 'mediaType';
      return kept ? value : rename(value);
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, key, false));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, child]) => [
        recordKeys ? rename(k) : k,
        walk(child, k, ['properties', 'statusCounts', 'skipped', 'byKind', 'byPlace'].includes(k)),
      ]),
    );
  };
  return walk(model, '', false) as ApiModel;
}

/** Every ASCII letter in the template text outside `{{…}}` becomes `X`. */
function letterless(template: string): string {
  return template
    .split(/(\{\{[\s\S]*?\}\})/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]/g, 'X')))
    .join('');
}

function rewritten(templates: ReferenceTemplates): ReferenceTemplates {
  return {
    reference: letterless(templates.reference),
    partials: Object.fromEntries(Object.entries(templates.partials).map(([name, text]) => [name, letterless(text)])),
  };
}

describe('the presentation view', () => {
  const model = withoutLetters(richModel());

  it('leaves every word of the Markdown to the templates', async () => {
    const [markdown] = await renderOutputs(model, ['markdown'], rewritten(loadTemplates()));
    // A curl example is code the view builds (a command line, not a label); the Authentication
    // section's anchor is the slug of the shipped heading, as every other anchor is.
    const prose = markdown!.content.replace(/^```sh\n[\s\S]*?^```$/gm, '').replaceAll('#authentication', '');
    const words = new Set(prose.match(/[A-Za-z]+/g) ?? []);
    const mediaTypes = new Set(
      JSON.stringify(model)
        .match(/"mediaType":"[^"]*"/g)!
        .flatMap((m) => m.slice(12).match(/[A-Za-z]+/g) ?? []),
    );
    const fromView = [...words].filter((word) => !/^X+$/.test(word) && !mediaTypes.has(word));
    expect(fromView.filter((word) => !VIEW_WORDS.has(word))).toEqual([]);
    // The run reached the templates' branches: the shipped words would be there.
    const [shipped] = await renderOutputs(model, ['markdown'], loadTemplates());
    for (const label of [
      'Query Parameters',
      'Path Parameters',
      'Request Headers',
      'Stream sentinels',
      'not valid JSON',
      'more field(s)',
      'one of',
      'WebSocket Messages',
      'Direction',
      '**Operation**',
      'no body recorded',
      'field (',
      'no (',
      'holds no stream content',
      'Host ',
    ]) {
      expect(shipped!.content).toContain(label);
    }
  });
});

describe('the Auth line', () => {
  it.each([
    [[], 'bearer (header `authorization`) and apiKey (header `x-api-key`) (2 of 5) or cookie (cookie `sid`) (1 of 5); none on 2 of 5'],
    [
      [{ schemes: ['cookie sid', 'header authorization', 'header x-api-key'], seen: 5 }],
      'bearer (header `authorization`) and apiKey (header `x-api-key`) and cookie (cookie `sid`)',
    ],
  ])('joins credentials sent together with "and" and alternatives with "or" (%#)', async (requirements, line) => {
    const endpoint = makeEndpoint({
      observed: 5,
      auth: [
        { type: 'bearer', in: 'header', name: 'authorization', seen: 2 },
        { type: 'apiKey', in: 'header', name: 'x-api-key', seen: 2 },
        { type: 'cookie', in: 'cookie', name: 'sid', seen: 1 },
      ],
      authRequirements: requirements.length
        ? requirements
        : [
            { schemes: ['header authorization', 'header x-api-key'], seen: 2 },
            { schemes: ['cookie sid'], seen: 1 },
          ],
    });
    const [markdown] = await renderOutputs(makeModel([endpoint]), ['markdown'], loadTemplates());
    expect(markdown!.content).toContain(`\n**Auth**: ${line}\n`);
  });
});
