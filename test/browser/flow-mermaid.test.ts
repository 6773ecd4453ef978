/**
 * The flow diagrams of the Markdown reference rendered by the real `mermaid` library (its dist
 * bundle, as GitHub would run it) in headless Chromium, offline: every diagram from samples/, from
 * a held-out synthetic capture (sign-in → token → calls, hostile names, a flow long enough to be
 * cut), from a hand-built model whose every name is hostile, and from each capture in
 * ../shared/corpus-apps (read in place) parses and renders with no error, and shows every name as
 * written. Skips, visibly, where /usr/bin/chromium is missing (.ci/run installs it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel, loadTemplates, renderOutputs } from '../../src/index.js';
import type { ApiModel, Link } from '../../src/model.js';
import { buildFlow, MAX_FLOW_MESSAGES } from '../../src/render/flow.js';
import { buildFlowCapture, HOSTILE_KEYS } from '../support/flow-capture.js';
import { makeEndpoint, makeModel } from '../support/model.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const ROOT = resolve(import.meta.dirname, '../..');
const APPS = resolve(ROOT, '../shared/corpus-apps');
const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

/** The ```mermaid blocks of a Markdown reference. */
function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^(`{3,})mermaid\n([\s\S]*?)\n\1$/gm)].map((m) => m[2]!);
}

async function markdownOf(model: ApiModel): Promise<string> {
  return (await renderOutputs(model, ['markdown'], loadTemplates()))[0]!.content;
}

async function modelOf(label: string, text: string): Promise<ApiModel> {
  return (await buildModel([{ label, text }])).model;
}

/** Every name a model's flow shows: participants and message texts. */
function flowTexts(model: ApiModel): string[] {
  const flow = buildFlow(model);
  return flow ? [...flow.participants, ...flow.messages.map((m) => m.text)] : [];
}

/** A model whose links and endpoints carry hostile names everywhere a diagram shows one. */
function hostileModel(): ApiModel {
  const endpoints = HOSTILE_KEYS.slice(0, 6).map((key, i) =>
    makeEndpoint({ method: i % 2 ? 'POST' : 'GET', path: `/api/${key.replace(/\//g, '')}/x${i}`, resource: key, host: 'a.example' }),
  );
  const links: Link[] = endpoints.slice(1).map((e, i) => ({
    from: { endpoint: endpoints[i]!.key, in: 'body', name: HOSTILE_KEYS[(i + 6) % HOSTILE_KEYS.length]! },
    to: { endpoint: e.key, in: i % 2 ? 'header' : 'query', name: HOSTILE_KEYS[(i + 3) % HOSTILE_KEYS.length]! },
    seen: 1,
    of: 1,
  }));
  return makeModel(endpoints, { links });
}

describe.skipIf(!existsSync(CHROMIUM))('the Markdown flow diagram in the mermaid library', () => {
  let browser: Browser;
  let page: Page;
  let count = 0;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const context = await browser.newContext({ offline: true });
    page = await context.newPage();
    await page.setContent('<!DOCTYPE html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID });
    await page.evaluate(() => (globalThis as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({ startOnLoad: false }));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Parses and renders one diagram; returns the text the SVG shows, or the error. */
  async function render(source: string): Promise<{ error: string | null; text: string }> {
    const id = `flow${count++}`;
    return page.evaluate(
      async ({ source, id }) => {
        const mermaid = (globalThis as unknown as { mermaid: { parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> } })
          .mermaid;
        try {
          await mermaid.parse(source);
          const { svg } = await mermaid.render(id, source);
          // The page's DOM (the tests are type-checked without the DOM library).
          type Holder = { innerHTML: string; querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> };
          const holder = (globalThis as unknown as { document: { createElement(tag: string): Holder } }).document.createElement('div');
          holder.innerHTML = svg;
          const texts = Array.from(holder.querySelectorAll('text'), (t) => t.textContent ?? '');
          return { error: null, text: texts.join('\n') };
        } catch (error) {
          return { error: String((error as Error).message ?? error), text: '' };
        }
      },
      { source, id },
    );
  }

  /** Each block renders; the SVG shows every participant and message text as the flow holds it. */
  async function expectRendered(model: ApiModel): Promise<number> {
    const blocks = mermaidBlocks(await markdownOf(model));
    const texts = flowTexts(model);
    expect(blocks.length).toBe(texts.length > 0 ? 1 : 0);
    for (const block of blocks) {
      const { error, text } = await render(block);
      expect(error).toBeNull();
      for (const expected of texts) expect(text).toContain(expected.replace(/[\r\n\t]+/g, ' ').trim());
    }
    return blocks.length;
  }

  const samples = readdirSync(join(ROOT, 'samples')).filter((name) => name.endsWith('.har'));
  it.each(samples)(
    'renders the flow of samples/%s',
    async (name) => {
      expect(await expectRendered(await modelOf(name, readFileSync(join(ROOT, 'samples', name), 'utf8')))).toBe(1);
    },
    60_000,
  );

  it('renders the flow of a held-out capture: sign-in first, hostile names shown as written', async () => {
    const model = await modelOf('flow.har', buildFlowCapture());
    expect(await expectRendered(model)).toBe(1);
    const flow = buildFlow(model)!;
    expect(flow.messages[0]!.text).toBe('POST /api/v1/sessions');
    expect(flow.messages[1]).toMatchObject({ reply: true, text: 'body access_token, set-cookie sid' });
  }, 60_000);

  it('renders a flow cut to its first calls', async () => {
    const model = await modelOf('long.har', buildFlowCapture(20));
    const flow = buildFlow(model)!;
    expect(flow.shown).toBeLessThan(flow.calls);
    expect(flow.messages.length).toBeLessThanOrEqual(MAX_FLOW_MESSAGES);
    expect(await markdownOf(model)).toContain(`The first ${flow.shown} of ${flow.calls} calls are shown`);
    expect(await expectRendered(model)).toBe(1);
  }, 60_000);

  it('renders a flow whose every name is hostile', async () => {
    expect(await expectRendered(hostileModel())).toBe(1);
  }, 60_000);

  it('reports a diagram that does not parse (the check can fail)', async () => {
    const blocks = mermaidBlocks(await markdownOf(hostileModel()));
    // What an unescaped name would write: a statement separator and a keyword.
    const { error } = await render(blocks[0]!.replace('P1: ', 'P1: a;end\n'));
    expect(error).not.toBeNull();
  }, 60_000);

  const apps = existsSync(APPS) ? readdirSync(APPS).filter((name) => name.endsWith('.har')) : [];
  it.each(apps)(
    'renders the flow of corpus-apps/%s, if it has one',
    async (name) => {
      let model: ApiModel;
      try {
        model = await modelOf(name, readFileSync(join(APPS, name), 'utf8'));
      } catch (error) {
        expect((error as Error).message).toMatch(/LFS|no API endpoints|not a HAR|no entries/i);
        return;
      }
      await expectRendered(model);
    },
    60_000,
  );
});
