import { describe, expect, it } from 'vitest';
import { renderChangelog, renderDiff } from '../../src/index.js';
import { diffModels } from '../../src/diff/index.js';
import { entries, modelOf, times } from './captures.js';
import { har, jsonEntry } from '../support/har.js';
import { buildModel } from '../../src/pipeline.js';

const items = (body: Record<string, unknown>) => entries(times(3, (i) => ({ path: `/v1/items/${i + 1}`, response: { id: i + 1, ...body } })));

/** Cells of a Markdown table row, splitting on pipes that are not escaped. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1);
}

/** Runs of consecutive table lines. */
function tablesOf(markdown: string): string[][] {
  const tables: string[][] = [];
  let current: string[] | null = null;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) (current ??= []).push(line);
    else if (current) {
      tables.push(current);
      current = null;
    }
  }
  if (current) tables.push(current);
  return tables;
}

describe('Markdown changelog', () => {
  it('says "No changes." for identical captures', async () => {
    const model = await modelOf(items({ name: 'box' }));
    const markdown = renderChangelog(diffModels(model, model));
    expect(markdown).toContain('\nNo changes.\n');
    expect(markdown).toContain('- **Changes**: none');
    expect(markdown).not.toContain('| Level |');
  });

  it('groups by endpoint, breaking first, one row per change', async () => {
    const before = await modelOf([...items({ name: 'box' }), ...entries([{ path: '/v1/accounts', response: { x: 1 } }])]);
    const after = await modelOf([...items({}), ...entries([{ path: '/v1/accounts', response: { x: 1, y: 2 } }])]);
    const markdown = renderChangelog(diffModels(before, after));
    const headings = markdown.split('\n').filter((l) => l.startsWith('### '));
    expect(headings).toEqual(['### `GET /v1/items/{item_id}`', '### `GET /v1/accounts`']);
    expect(markdown).toContain('| [`GET /v1/items/{item_id}`](#get-v1itemsitem_id) | 1 breaking |');
    expect(markdown).toMatch(
      /\| \*\*breaking\*\* \| response 200 application\/json: response field `name` removed \(was string; was in all 3 old responses\) \| `[0-9a-f]{12}` \|/,
    );
    expect(markdown).toContain('- **Changes**: 1 breaking, 0 warning, 1 non-breaking, 0 info');
  });

  it('names the host when changes span several hosts', async () => {
    const one = har([jsonEntry('GET', 'https://a.example.test/v1/x', { a: 1 })]);
    const two = har([
      jsonEntry('GET', 'https://a.example.test/v1/x', { a: 1 }),
      jsonEntry('GET', 'https://b.example.test/v1/y', { b: 1 }),
      jsonEntry('GET', 'https://c.example.test/v1/z', { c: 1 }),
    ]);
    const [before, after] = await Promise.all([one, two].map(async (text) => (await buildModel([{ label: 'c.har', text }])).model));
    expect(renderChangelog(diffModels(before!, after!))).toContain('### `GET /v1/y` on `b.example.test`');
  });

  it('keeps captured names from breaking the Markdown', async () => {
    const hostile = 'a|b`c<script>x</script>';
    const before = await modelOf(items({ [hostile]: 1 }));
    const after = await modelOf(items({}));
    const markdown = renderChangelog(diffModels(before, after));
    // Inside a code span HTML is text; the pipe is escaped for the table.
    expect(markdown).toContain('response field ``a\\|b`c<script>x</script>`` removed');
    expect(markdown.replace(/``[^\n]*?``/g, '')).not.toContain('<script>');
    const tables = tablesOf(markdown);
    expect(tables).toHaveLength(2);
    for (const table of tables) for (const row of table) expect(cells(row)).toHaveLength(cells(table[0]!).length);
  });

  it('renders JSON with the same changes, and the same bytes every time', async () => {
    const before = await modelOf(items({ name: 'box' }));
    const after = await modelOf(items({}));
    const diff = diffModels(before, after);
    const json = renderDiff(diff, 'json');
    const parsed = JSON.parse(json) as { diffVersion: number; changes: { fingerprint: string; rule: string; level: string; message: string }[] };
    expect(parsed.diffVersion).toBe(1);
    expect(parsed.changes.map((c) => [c.rule, c.level])).toEqual([['response-field-removed', 'breaking']]);
    expect(parsed.changes[0]!.message).toBe('response 200 application/json: response field `name` removed (was string; was in all 3 old responses)');
    expect(renderDiff(diffModels(before, after), 'json')).toBe(json);
    expect(renderDiff(diffModels(before, after), 'markdown')).toBe(renderDiff(diff, 'markdown'));
  });
});
