/**
 * The HTML reference without a browser: the same content as the Markdown (headings, table rows,
 * examples), the same bytes every time, a Content-Security-Policy that allows only the page's own
 * style and script, and no markup from a captured value (test/browser opens it in Chromium).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderOutputs } from '../../src/index.js';
import type { ApiModel } from '../../src/model.js';
import { richModel } from '../support/rich-model.js';

const HOSTILE = ['<script>alert(1)</script>', '</script><img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "'&amp;", '\u202eevil\u2066', '{{title}}'];

function poison(model: ApiModel): ApiModel {
  const names = new Map<string, string>();
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      if (['kind', 'type', 'mediaType'].includes(key)) return value;
      if (!names.has(value)) names.set(value, `${HOSTILE[names.size % HOSTILE.length]}${names.size}`);
      return names.get(value);
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([k, child]) => [k, walk(child, k)]));
  };
  return walk(model, '') as ApiModel;
}

async function render(model: ApiModel): Promise<{ html: string; markdown: string }> {
  const [markdown, html] = await renderOutputs(model, ['markdown', 'html']);
  return { markdown: markdown!.content, html: html!.content };
}

describe('the HTML reference', () => {
  const model = richModel();

  it('holds what the Markdown holds: endpoint headings, table rows and examples', async () => {
    const { html, markdown } = await render(model);
    const mdHeadings = [...markdown.matchAll(/^### `(.+ .+)`$/gm)].map((m) => m[1]);
    const htmlHeadings = [...html.matchAll(/<summary><h3><code>(.+?)<\/code><\/h3><\/summary>/g)].map((m) => m[1]);
    expect(htmlHeadings).toHaveLength(model.endpoints.length);
    expect(htmlHeadings.map((h) => h!.replace(/&#123;/g, '{'))).toEqual(mdHeadings);
    const mdRows = markdown.split('\n').filter((line) => line.startsWith('| ') && !/^\| [A-Z][a-z ]+ \|/.test(line)).length;
    expect(html.match(/<tr><td>/g)).toHaveLength(mdRows);
    // Every fenced example is a <pre>; the Mermaid block is the flow diagram's SVG instead.
    const mermaid = markdown.match(/^```+mermaid$/gm)?.length ?? 0;
    expect(mermaid).toBe(model.links.length > 0 ? 1 : 0);
    expect(html.match(/<pre/g)!.length).toBe(markdown.match(/^```+\w*$/gm)!.length / 2 - mermaid);
    expect(html.match(/<svg [^>]*class="flow-diagram"/g)?.length ?? 0).toBe(mermaid);
  });

  it('groups the index and the endpoints by resource, as the Markdown does', async () => {
    const { html, markdown } = await render(model);
    const mdResources = [...markdown.matchAll(/^### `([^ `]+)`$/gm)].map((m) => m[1]);
    const htmlResources = [...html.matchAll(/<h3 class="resource"><code>(.+?)<\/code><\/h3>/g)].map((m) => m[1]);
    expect(mdResources.length).toBeGreaterThan(1);
    expect(htmlResources).toEqual(mdResources);
  });

  it('is byte-deterministic', async () => {
    expect((await render(model)).html).toBe((await render(structuredClone(model))).html);
  });

  it('allows only its own style and script', async () => {
    const { html } = await render(model);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(csp).toBe(`default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; img-src data:; base-uri 'none'; form-action 'none'`);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('never lets a captured value add markup', async () => {
    const { html } = await render(poison(model));
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    // The one SVG is the flow diagram, made of shapes and escaped text only.
    const diagrams = html.match(/<svg [^>]*class="flow-diagram"[\s\S]*?<\/svg>/g) ?? [];
    expect(diagrams).toHaveLength(1);
    expect(new Set(diagrams[0]!.match(/<[a-z]+/gi))).toEqual(new Set(['<svg', '<desc', '<line', '<rect', '<text', '<polygon']));
    expect(html.replace(diagrams[0]!, '')).not.toMatch(/<(img|svg)\b/i);
    expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });
});
