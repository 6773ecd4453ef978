/**
 * Words that survive regeneration: a starter overlay filled with a description per operation
 * (and a summary, a tag, a parameter description) shows in the Markdown, the HTML and the
 * OpenAPI document (JSON and YAML) of the same captures; a target no longer in the captures is a
 * warning naming it; a change har2api does not carry is said, not silently dropped. The texts are
 * made at run time from the operations the starter lists.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, loadTemplates, renderOutputs } from '../../src/index.js';
import type { ApiModel } from '../../src/model.js';
import { applyOverlays, parseOverlay, starterOverlay } from '../../src/overlay/index.js';
import { richModel } from '../support/rich-model.js';

const ROOT = resolve(import.meta.dirname, '../..');
type Action = { target: string; update: Record<string, unknown> };
type OperationDoc = {
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; description?: string }[];
  'x-endpoint': string | string[];
};

/** The starter with every text filled: a description naming the operation's place in the list, a summary, a tag, and each parameter's description. */
function filled(model: ApiModel): { text: string; descriptions: string[] } {
  const starter = parse(starterOverlay(model)) as { actions: Action[] };
  const descriptions: string[] = [];
  starter.actions.forEach((action, i) => {
    if ('summary' in action.update) {
      const n = descriptions.length;
      descriptions.push(`Purpose number ${n} of this operation.`);
      action.update = { summary: `Operation ${n} summary`, description: `${descriptions[n]}\n\nA second paragraph ${n}.`, tags: [`team-${n % 3}`] };
    } else action.update = { description: `Parameter note ${i}` };
  });
  return { text: JSON.stringify(starter), descriptions };
}

async function samplesModel(): Promise<ApiModel> {
  const text = readFileSync(resolve(ROOT, 'samples/chatgpt.har'), 'utf8');
  return (await buildModel([{ label: 'chatgpt.har', text }])).model;
}

describe.each([
  ['samples/chatgpt.har', samplesModel],
  ['a model with several hosts, GraphQL, WebSocket and event streams', async () => richModel()],
])('an overlay on %s', (_, makeModel) => {
  let model: ApiModel;
  let descriptions: string[];
  let files: Record<string, string>;
  let diagnostics: unknown[];
  let noted: ApiModel;
  beforeAll(async () => {
    model = await makeModel();
    const overlay = filled(model);
    descriptions = overlay.descriptions;
    const applied = applyOverlays(model, [parseOverlay(overlay.text, 'notes.yaml')]);
    diagnostics = applied.diagnostics;
    noted = applied.model;
    const outputs = await renderOutputs(applied.model, ['markdown', 'html', 'openapi', 'openapi-yaml', 'json'], loadTemplates());
    files = Object.fromEntries(outputs.map((o) => [o.name, o.content]));
  }, 120_000);

  it('applies without a warning, to every operation', () => {
    expect(diagnostics).toEqual([]);
    expect(descriptions.length).toBeGreaterThan(0);
  });

  it('shows each description in the Markdown, the HTML, openapi.json and openapi.yaml', () => {
    const document = JSON.parse(files['openapi.json']!) as { paths: Record<string, Record<string, OperationDoc>> };
    const operations = Object.values(document.paths).flatMap((item) =>
      Object.values(item).filter((op): op is OperationDoc => typeof op === 'object' && 'summary' in op),
    );
    expect(operations.map((op) => op.description?.split('\n')[0]).sort()).toEqual([...descriptions].sort());
    expect(parse(files['openapi.yaml']!)).toEqual(document);
    for (const text of descriptions) {
      expect(files['reference.md']).toContain(`\n${text}\n`);
      expect(files['reference.html']).toContain(`<p class="note">${text}</p>`);
    }
  });

  it('puts each note under its own endpoint in the Markdown', () => {
    const document = JSON.parse(files['openapi.json']!) as { paths: Record<string, Record<string, OperationDoc>> };
    const sections = files['reference.md']!.split(/\n### /).slice(1);
    for (const item of Object.values(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!/^[a-z]+$/.test(method)) continue;
        for (const key of [op['x-endpoint']].flat()) {
          const endpoint = model.endpoints.find((e) => e.key === key)!;
          const section = sections.find((s) => s.startsWith(`\`${endpoint.method} ${endpoint.path}\``))!;
          expect(section).toContain(op.description!.split('\n')[0]!);
          expect(section).toContain(`**${op.summary}**`);
          for (const tag of op.tags?.filter((t) => t.startsWith('team-')) ?? []) expect(section).toContain(`\`${tag}\``);
        }
      }
    }
  });

  it('shows parameter descriptions in a Description column and in the OpenAPI parameters', () => {
    const inOpenApi = [...files['openapi.json']!.matchAll(/"description": "(Parameter note \d+)"/g)].map((m) => m[1]);
    expect(inOpenApi.length).toBeGreaterThan(0);
    // Every note on a parameter the reference has a row for shows in its row.
    let rows = 0;
    for (const endpoint of noted.endpoints) {
      const has = { path: endpoint.pathParams, query: endpoint.queryParams, header: endpoint.headers };
      for (const note of endpoint.notes?.parameters ?? []) {
        expect(inOpenApi).toContain(note.description);
        if (!has[note.in].some((p) => p.name === note.name)) continue;
        rows++;
        expect(files['reference.md']).toMatch(new RegExp(`\\| \`${note.name}\` \\|[^\n]*\\| ${note.description} \\|\n`));
        expect(files['reference.html']).toContain(`<td>${note.description}</td></tr>`);
      }
    }
    expect(rows).toBeGreaterThan(0);
    expect(files['reference.md']).toMatch(/\| Example Value \| Description \|/);
  });

  it('keeps the notes in model.json', () => {
    const saved = JSON.parse(files['model.json']!) as ApiModel;
    expect(saved.endpoints.filter((e) => e.notes?.description).length).toBe(model.endpoints.length);
  });
});

describe('stale and uncarried actions', () => {
  it('names a target that matches nothing once the endpoint is gone, and keeps the rest', async () => {
    const model = await samplesModel();
    const { text } = filled(model);
    const gone = model.endpoints[0]!;
    const fewer = { ...model, endpoints: model.endpoints.filter((e) => e !== gone) };
    const { model: noted, diagnostics } = applyOverlays(fewer, [parseOverlay(text, 'notes.yaml')]);
    const stale = diagnostics.filter((d) => d.code === 'overlay-target-unmatched');
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((d) => d.severity === 'warning' && d.place?.file === 'notes.yaml')).toBe(true);
    expect(stale[0]!.message).toContain(`$.paths['${gone.path}'].${gone.method.toLowerCase()}`);
    expect(noted.endpoints.every((e) => e.notes?.description)).toBe(true);
  });

  it('says when an action changes what har2api does not carry (a removal, the info)', async () => {
    const model = await samplesModel();
    const overlay = {
      overlay: '1.0.0',
      info: { title: 'n', version: '1' },
      actions: [
        { target: '$.info', update: { description: 'About' } },
        { target: `$.paths['${model.endpoints[0]!.path}'].${model.endpoints[0]!.method.toLowerCase()}`, remove: true },
      ],
    };
    const { diagnostics } = applyOverlays(model, [parseOverlay(JSON.stringify(overlay), 'o.json')]);
    expect(diagnostics.map((d) => [d.code, d.place?.pointer])).toEqual([
      ['overlay-not-carried', '/actions/0'],
      ['overlay-not-carried', '/actions/1'],
    ]);
  });

  it('the starter as written applies cleanly and adds nothing', async () => {
    const model = await samplesModel();
    const { model: noted, diagnostics } = applyOverlays(model, [parseOverlay(starterOverlay(model), 'starter.yaml')]);
    expect(diagnostics).toEqual([]);
    expect(noted.endpoints.some((e) => e.notes)).toBe(false);
  });

  it('escapes a note like any other value: no markup, no script, no broken table', async () => {
    const model = await samplesModel();
    const endpoint = model.endpoints.find((e) => e.headers.length > 0 || e.queryParams.length > 0)!;
    const hostile = '<script>alert(1)</script> | *bold* \u202e</p>';
    const starter = parse(starterOverlay(model)) as { actions: Action[] };
    const op = `$.paths['${endpoint.path}'].${endpoint.method.toLowerCase()}`;
    const actions = starter.actions.filter((a) => a.target.startsWith(op));
    for (const action of actions) action.update = 'summary' in action.update ? { summary: hostile, description: hostile } : { description: hostile };
    const { model: noted } = applyOverlays(model, [parseOverlay(JSON.stringify({ ...starter, actions }), 'n.yaml')]);
    const [md, html] = await renderOutputs(noted, ['markdown', 'html'], loadTemplates());
    expect(md!.content).not.toContain('<script>');
    expect(md!.content).not.toMatch(/[^\\]\| \*bold/);
    expect(html!.content).not.toContain('<script>alert');
    expect(html!.content).not.toContain('\u202e');
    expect(html!.content).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  }, 60_000);
});
