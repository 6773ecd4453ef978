/**
 * Every word of the Markdown reference is the templates': the view holds only values. Proved by
 * rendering with the shipped templates stripped of all their literal text (only the `{{…}}` tags
 * and line breaks stay): no label, column header or sentence of the shipped templates may then
 * appear, so each is in a template, where a custom template (`--templates`) can change it. The
 * phrases are read from the templates at run time; the models cover every section (notes,
 * auth, GraphQL, WebSocket, event streams, multipart, several hosts, the Left out section).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, loadTemplates, renderOutputs } from '../../src/index.js';
import type { ApiModel } from '../../src/model.js';
import { richModel } from '../support/rich-model.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TAG = /\{\{[\s\S]*?\}\}/g;

/** The template with every character outside a tag removed, line breaks kept. */
function stripped(template: string): string {
  let out = '';
  let last = 0;
  for (const m of template.matchAll(TAG)) {
    out += template.slice(last, m.index).replace(/[^\n]/g, '') + m[0];
    last = m.index + m[0].length;
  }
  return out + template.slice(last).replace(/[^\n]/g, '');
}

/** The words a template writes: every run of two or more words, and each table header cell and bold label. */
function phrasesOf(template: string): string[] {
  const literal = template.replace(/\{\{!--[\s\S]*?--\}\}/g, '').split(TAG);
  const phrases = new Set<string>();
  for (const text of literal) {
    for (const m of text.matchAll(/[A-Za-z][A-Za-z'-]*(?:[ ,]+[A-Za-z][A-Za-z'-]*)+/g)) phrases.add(m[0].replace(/[ ,]+$/, ''));
    for (const m of text.matchAll(/\*\*([A-Z][A-Za-z ]+)\*\*/g)) phrases.add(m[1]!);
  }
  for (const line of template.split('\n')) {
    if (!/^\|\s*[A-Z][^{]*\|/.test(line)) continue;
    for (const cell of line
      .replace(TAG, '|')
      .split('|')
      .map((c) => c.trim()))
      if (/^[A-Z][A-Za-z ]+$/.test(cell)) phrases.add(cell);
  }
  return [...phrases].filter((p) => p.length >= 4);
}

function withNotes(model: ApiModel): ApiModel {
  return {
    ...model,
    endpoints: model.endpoints.map((e) => ({
      ...e,
      notes: {
        summary: 's',
        description: 'd',
        tags: ['t'],
        parameters: [
          ...e.pathParams.map((p) => ({ in: 'path' as const, name: p.name, description: 'p' })),
          ...e.queryParams.map((p) => ({ in: 'query' as const, name: p.name, description: 'q' })),
          ...e.headers.map((p) => ({ in: 'header' as const, name: p.name, description: 'h' })),
        ],
      },
    })),
  };
}

describe('the Markdown reference takes every word from its templates', () => {
  const shipped = loadTemplates();
  const phrases = [...new Set([...phrasesOf(shipped.reference), ...phrasesOf(shipped.partials.body!)])];
  let outputs: { label: string; full: string; bare: string }[];

  beforeAll(async () => {
    const sample = (await buildModel([{ label: 'chatgpt.har', text: readFileSync(resolve(ROOT, 'samples/chatgpt.har'), 'utf8') }], { all: false })).model;
    const bareTemplates = { ...shipped, reference: stripped(shipped.reference), partials: { ...shipped.partials, body: stripped(shipped.partials.body!) } };
    outputs = [];
    for (const [label, model] of [
      ['samples/chatgpt.har with notes', withNotes(sample)],
      ['a model with every kind of body, several hosts and notes', withNotes(richModel())],
    ] as const) {
      const [full] = await renderOutputs(model, ['markdown'], shipped);
      const [bare] = await renderOutputs(model, ['markdown'], bareTemplates);
      outputs.push({ label, full: full!.content, bare: bare!.content });
    }
  }, 120_000);

  it('finds the labels, columns and sentences of the shipped templates', () => {
    for (const phrase of ['Path Parameters', 'Example Value', 'Distinct values', 'Observed', 'Server-Sent Events', 'Left out', 'Tags', 'Description'])
      expect(
        phrases.some((p) => p.includes(phrase)),
        phrase,
      ).toBe(true);
  });

  it('the shipped templates write them (the check sees them when they are there)', () => {
    for (const { label, full } of outputs) {
      const shown = phrases.filter((p) => full.includes(p));
      expect(shown.length, label).toBeGreaterThan(phrases.length / 3);
      for (const phrase of ['Path Parameters', 'Query Parameters', 'Request Headers', 'Description', 'Tags'])
        expect(full, `${label}: ${phrase}`).toContain(phrase);
    }
    expect(outputs.some(({ full }) => full.includes('Left out'))).toBe(true);
  });

  it('templates without their words leave none of them in the output', () => {
    for (const { label, bare } of outputs) {
      expect(
        phrases.filter((p) => bare.includes(p)),
        label,
      ).toEqual([]);
    }
  });
});
