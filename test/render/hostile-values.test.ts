/**
 * No captured value can change the structure of the reference: every string in a model (every
 * name, example, pattern, media type, even the enum-like fields) is replaced in turn by hostile
 * Markdown, HTML, template syntax and invisible characters, and the rendered Markdown must
 * still parse to the same headings, rules, tables (with every row as wide as its header) and
 * fences (holding exactly the example), with no raw HTML.
 */
import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../src/model.js';
import { renderOutputs } from '../../src/index.js';
import { visible } from '../../src/render/escape.js';
import { fencedExamples } from '../support/fuzz-capture.js';
import { level3Headings, parseStructure } from '../support/markdown-structure.js';
import { richModel } from '../support/rich-model.js';

const HOSTILE = [
  '|',
  'x | y | z',
  '`',
  '```',
  '``` json\nx\n```',
  '\n\n# injected heading\n\n',
  '\n---\n',
  '\n===',
  '<script>alert(1)</script>',
  '<!-- comment -->',
  '<img src=x onerror=alert(1)>',
  '<http://autolink.example>',
  '&lt;entity&gt; &amp;',
  '*em* __strong__ ~~del~~ $math$',
  '[link](javascript:alert(1)) ![img](http://x.example/i.png)',
  '\\',
  '\\|',
  '{{title}}',
  '{{#each hosts}}loop{{/each}}',
  '{{> body}}',
  '{{{raw}}}',
  '\u202eevil\u202c',
  'zero\u200bwidth\u200d',
  '\ud800lone\udfff',
  'nul\u0000bell\u0007esc\u001b',
  'crlf\r\nline',
  '> quote',
  '- item',
  '1. item',
  '    indented code',
  ' padded ',
  '',
  'Grüße 😀 東京',
  '__proto__',
  'constructor',
  'a'.repeat(300),
];

/** Keys of these objects are data (field names, status codes, reasons), so they are poisoned too. */
const RECORDS = new Set(['properties', 'statusCounts', 'skipped', 'byKind', 'byPlace']);

/**
 * Each distinct string becomes one hostile value (the same one everywhere, so an endpoint still
 * finds its host), numbered so that two different strings stay different.
 */
function poison(model: ApiModel, offset: number): ApiModel {
  const seen = new Map<string, string>();
  const next = (original: string): string => {
    let hostile = seen.get(original);
    if (hostile === undefined) seen.set(original, (hostile = `${HOSTILE[(offset + seen.size) % HOSTILE.length]!}${seen.size}`));
    return hostile;
  };
  const walk = (value: unknown, recordKeys: boolean): unknown => {
    if (typeof value === 'string') return next(value);
    if (Array.isArray(value)) return value.map((item) => walk(item, false));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const name = recordKeys ? next(key) : key;
      Object.defineProperty(out, name, { value: walk(child, RECORDS.has(key)), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return walk(model, false) as ApiModel;
}

describe('hostile values in every string of the model', () => {
  const base = richModel();

  it.each(HOSTILE.map((_, offset) => offset))('keep the Markdown structure (rotation %i)', async (offset) => {
    const model = poison(base, offset);
    const [markdown] = await renderOutputs(model, ['markdown']);
    const structure = parseStructure(markdown!.content);

    expect(structure.html).toEqual([]);
    expect(structure.headings.filter((h) => h.level === 1)).toHaveLength(1);
    expect(structure.headings.filter((h) => h.level === 1)[0]!.text).toBe(visible(model.title.replace(/[\r\n\t]+/g, ' ')).trim());
    expect(structure.headings.filter((h) => h.level === 3)).toHaveLength(level3Headings(model));
    expect(structure.headings.filter((h) => h.level !== 1 && h.level !== 2 && h.level !== 3)).toEqual([]);
    // One rule under the overview, one before each resource and each endpoint but a resource's first, one before the "Left out" section.
    expect(structure.rules).toBe(1 + model.endpoints.length + ((model.traffic.leftOut ?? []).length > 0 ? 1 : 0));

    for (const table of structure.tables) {
      expect(table.rows.every((cells) => cells === table.header)).toBe(true);
      expect(table.parsedRows).toBe(table.rows.length);
    }
    const expectedFences = fencedExamples(model).map((e) => `${visible(e.replace(/\r\n?/g, '\n'))}\n`);
    // The flow diagram is one fence more, whole whatever the names in it.
    const [diagrams, examples] = [structure.fences.filter((f) => f.info === 'mermaid'), structure.fences.filter((f) => f.info !== 'mermaid')];
    expect(diagrams).toHaveLength(model.links.length > 0 ? 1 : 0);
    for (const diagram of diagrams) expect(diagram.content.split('\n')[0]).toBe('sequenceDiagram');
    expect(examples.map((f) => f.content).sort()).toEqual(expectedFences.sort());
  });

  it('never evaluates template syntax found in values', async () => {
    const model = { ...base, title: '{{#each hosts}}{{heading}}{{/each}}' };
    const [markdown] = await renderOutputs(model, ['markdown']);
    expect(markdown!.content.split('\n')[0]).toBe('# {{\\#each hosts}}{{heading}}{{/each}}');
  });
});
