/**
 * reference.html in a real browser (Debian's Chromium, driven by playwright-core), opened from
 * `file://` with the network off: the sample reference and a reference whose every captured
 * string is hostile (HTML, script, `</script>`, event handlers, bidi controls). No console error,
 * no request, every endpoint heading there, the filter finds an endpoint by a field name, the flow
 * diagram is drawn with every participant and message, and no injected script runs. Skips,
 * visibly, where /usr/bin/chromium is missing (.ci/run installs it). `UPDATE_SCREENSHOT=1` writes
 * the sample page's screenshot to docs/reference-html.png (the README shows it).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, type ReferenceTemplates, renderOutputs } from '../../src/index.js';
import type { ApiModel } from '../../src/model.js';
import { buildFlow } from '../../src/render/flow.js';
import { schemaRows } from '../../src/render/schema-rows.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '</script><script>window.__pwned=2</script>',
  '<img src=x onerror="window.__pwned=3">',
  '"><svg onload="window.__pwned=4">',
  "' onmouseover='window.__pwned=5",
  '\u202eevil\u202c',
  '<style>body{display:none}</style>',
  '<a href="http://example.com/x">link</a>',
];

/** Every captured string of the model replaced by a hostile one (keys that pick templates' words stay). */
function poison(model: ApiModel): ApiModel {
  const names = new Map<string, string>();
  // The same string becomes the same hostile one everywhere, so an endpoint still finds its host.
  const hostile = (value: string): string => {
    if (!names.has(value)) names.set(value, `${HOSTILE[names.size % HOSTILE.length]}${names.size}`);
    return names.get(value)!;
  };
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return ['kind', 'type', 'mediaType'].includes(key) ? value : hostile(value);
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([k, child]) => [k, walk(child, k)]));
  };
  return walk(model, '') as ApiModel;
}

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

describe.skipIf(!existsSync(CHROMIUM))('reference.html in Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'har2api-html-'));

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(model: ApiModel, name: string, templates: ReferenceTemplates = loadTemplates()): Promise<Opened> {
    const [html] = await renderOutputs(model, ['html'], templates);
    const file = join(dir, name);
    writeFileSync(file, html!.content);
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    const url = pathToFileURL(file).href;
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  const sample = JSON.parse(readFileSync('out/model.json', 'utf8')) as ApiModel;

  it('shows the sample reference with no error and no request, every endpoint heading, and filters by a field name', async () => {
    const { page, errors, requests } = await open(sample, 'sample.html');
    const headings = await page.locator('details.endpoint > summary h3').allTextContents();
    expect([...headings].sort()).toEqual(sample.endpoints.map((e) => `${e.method} ${e.path}`).sort());

    // The flow diagram: drawn, on screen, with every participant and message of the model's flow.
    const flow = buildFlow(sample)!;
    const diagram = page.locator('#flow svg.flow-diagram');
    expect(await diagram.count()).toBe(1);
    expect(await diagram.isVisible()).toBe(true);
    const box = (await diagram.boundingBox())!;
    expect(box.width).toBeGreaterThan(100);
    expect(await diagram.locator('text').allTextContents()).toEqual([...flow.participants, ...flow.messages.map((m) => m.text)]);
    expect(await diagram.locator('line.call, line.reply').count()).toBe(flow.messages.length);

    // A response field that only one endpoint has: the filter keeps that endpoint and hides the rest.
    const fieldsOf = (i: number) =>
      new Set(sample.endpoints[i]!.responses.flatMap((r) => r.bodies.flatMap((b) => (b.schema ? schemaRows(b.schema, 1e9).rows.map((row) => row.path) : []))));
    const all = sample.endpoints.map((_, i) => fieldsOf(i));
    const index = all.findIndex((fields) => [...fields].some((f) => all.filter((other) => other.has(f)).length === 1));
    const field = [...all[index]!].find((f) => all.filter((other) => other.has(f)).length === 1)!;
    await page.fill('#search', field);
    const shown = await page.locator('details.endpoint:visible > summary h3').allTextContents();
    expect(shown).toEqual([`${sample.endpoints[index]!.method} ${sample.endpoints[index]!.path}`]);
    expect(await page.locator('#search-count').textContent()).toBe(`1 of ${sample.endpoints.length} endpoint(s)`);

    await page.screenshot({ path: process.env.UPDATE_SCREENSHOT ? 'docs/reference-html.png' : join(dir, 'sample.png') });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('copies an example with its button: exactly the example text', async () => {
    const { page, errors, requests } = await open(sample, 'copy.html');
    // Record what the page hands the clipboard (headless Chromium has no clipboard to read back).
    await page.evaluate(() => {
      Object.defineProperty((globalThis as unknown as { navigator: object }).navigator, 'clipboard', {
        value: { writeText: async (text: string) => void ((globalThis as unknown as { __copied?: string }).__copied = text) },
      });
    });
    const buttons = page.locator('main button.copy');
    expect(await buttons.count()).toBeGreaterThan(0);
    const button = buttons.first();
    const expected = await button.locator('xpath=..').locator('pre').first().textContent();
    await button.click();
    expect(await page.evaluate(() => (globalThis as unknown as { __copied?: string }).__copied)).toBe(expected);
    expect(await button.textContent()).toBe('Copied');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('gives every preformatted block a copy button, also one a template wrote without it', async () => {
    const shipped = loadTemplates();
    const bare = shipped.html!.partials.body!.replace('<div class="example"><button type="button" class="copy">Copy</button>{{example}}</div>', '{{example}}');
    expect(bare).not.toBe(shipped.html!.partials.body);
    const templates = { ...shipped, html: { ...shipped.html!, partials: { ...shipped.html!.partials, body: bare } } };
    const { page, errors } = await open(sample, 'bare.html', templates);
    const blocks = await page.locator('main pre').count();
    expect(blocks).toBeGreaterThan(0);
    expect(await page.locator('main .example > button.copy + pre').count()).toBe(blocks);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('runs no script from a hostile capture and keeps its structure', async () => {
    // Overlay notes are text a person wrote; hostile ones are escaped like captured values.
    const noted: ApiModel = {
      ...sample,
      endpoints: sample.endpoints.map((e) => ({ ...e, notes: { summary: 'summary', description: 'one\n\ntwo', tags: ['tag'] } })),
    };
    const model = poison(noted);
    const { page, errors, requests } = await open(model, 'hostile.html');
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('main img, main svg:not(.flow-diagram), main style, main a[href^="http"]').count()).toBe(0);
    // The flow diagram is there, its hostile names as text only.
    expect(await page.locator('#flow svg.flow-diagram').count()).toBe(1);
    expect(await page.locator('#flow svg *').evaluateAll((nodes) => [...new Set(nodes.map((n) => n.tagName))].sort())).toEqual([
      'desc',
      'line',
      'polygon',
      'rect',
      'text',
    ]);
    expect(await page.locator('details.endpoint').count()).toBe(model.endpoints.length);
    // Summary, description (one paragraph once poisoned) and tags.
    expect(await page.locator('main p.note').count()).toBe(model.endpoints.length * 3);
    // Hover and click everything a mouseover handler could hide behind.
    await page.locator('main td').first().hover();
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const text = await page.locator('main').textContent();
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('\\u202e');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.context().close();
  }, 60_000);
});
