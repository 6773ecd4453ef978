/**
 * The reference on real application captures, read in place from ../shared/corpus-apps (skipped,
 * visibly, where the folder is absent). Every expectation is derived from the capture at run
 * time, never written down from it: paths keep the trailing slash they were sent with, no
 * literal segment of a documented path is id-shaped, every XHR/fetch/WebSocket/event-stream
 * call (each one) maps to a documented endpoint or is left out for a listed reason that is not
 * page or asset, the left-out counts add up, every credential-shaped header sent, reused, on most
 * calls to a host is in its Auth data, no identifier value is named two ways, and OpenAPI
 * security says what the model's requirements say.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isHar2ApiError } from '../../src/errors.js';
import { buildModel, renderOutputs } from '../../src/index.js';
import { decodeCaptureBytes } from '../../src/ingest/decode.js';
import type { ApiModel } from '../../src/model.js';
import { openCapture } from '../../src/ingest/index.js';
import { isDistinctiveId, ListedIds } from '../../src/normalise/listed-ids.js';
import { classifySegment, isIdentifier, splitExtension } from '../../src/normalise/segments.js';
import { decodeSegment, splitPath, templatePaths } from '../../src/normalise/templates.js';
import { createTrafficFilter } from '../../src/normalise/traffic.js';
import type { Exchange } from '../../src/exchange.js';
import { testContext } from '../support/exchange.js';
import { securityPairs } from '../support/openapi-security.js';

const APPS = '../shared/corpus-apps';
const captures = existsSync(APPS)
  ? readdirSync(APPS)
      .filter((f) => f.endsWith('.har'))
      .sort()
  : [];

interface RawEntry {
  request: { method: string; url: string; headers?: { name: string; value: string }[] };
  response?: { status?: number };
  _resourceType?: string;
}

async function load(file: string): Promise<{ model: ApiModel; entries: RawEntry[] } | null> {
  const bytes = readFileSync(`${APPS}/${file}`);
  let model: ApiModel;
  try {
    ({ model } = await buildModel([{ label: file, text: decodeCaptureBytes(bytes, file) }]));
  } catch (error) {
    if (isHar2ApiError(error)) return null;
    throw error;
  }
  const entries = (JSON.parse(decodeCaptureBytes(bytes, file)) as { log: { entries: RawEntry[] } }).log.entries;
  return { model, entries };
}

/** Requests a page's script made: XHR, fetch, WebSocket, event stream (by any signal the capture has). */
function isScripted(exchange: Exchange): boolean {
  const type = (exchange.resourceType ?? '').toLowerCase();
  if (['xhr', 'fetch', 'websocket', 'eventsource'].includes(type)) return true;
  if (exchange.url.scheme === 'ws' || exchange.url.scheme === 'wss' || exchange.response.status === 101) return true;
  return exchange.response.headers.some((h) => h.name.toLowerCase() === 'content-type' && h.value.toLowerCase().startsWith('text/event-stream'));
}

/** `/a/{id}/b.json` as a regular expression over sent paths. */
function templateRegex(template: string): RegExp {
  const pattern = template
    .split(/(\{[^}/]+\}|<[^>/]+>)/)
    .map((part) =>
      (part.startsWith('{') && part.endsWith('}')) || (part.startsWith('<') && part.endsWith('>')) ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${pattern}$`);
}

/**
 * A header a person would call a credential: `authorization`, or a name with key, token, secret,
 * session or auth in it, with a value of 8+ characters that is not a plain word or number.
 * Protocol headers, CSRF tokens and anti-bot proofs (`*-sentinel-*`, `*-proof-*`, turnstile,
 * captcha) are not: they are sent with a credential, never one (README, Authentication).
 */
function isCredentialHeader(name: string, value: string): boolean {
  if (name.startsWith(':') || name.startsWith('sec-') || name === 'cookie') return false;
  if (/csrf|xsrf|sentinel|proof|turnstile|captcha|challenge|nonce|signature/.test(name)) return false;
  if (name !== 'authorization' && !/key|token|secret|session|auth|jwt/.test(name)) return false;
  if (/[-_]id$/.test(name)) return false;
  return value.length >= 8 && !/\s/.test(value.replace(/^(bearer|basic) /i, '')) && !/^[a-z]+$|^\d+$/.test(value);
}

describe(`real application captures${captures.length ? '' : ` (${APPS} absent: skipped)`}`, () => {
  it.skipIf(captures.length === 0)('has captures to read', () => {
    expect(captures.length).toBeGreaterThanOrEqual(10);
  });

  it.each(captures)('%s: paths as sent, ids templated, nothing lost, credentials named', async (file) => {
    const loaded = await load(file);
    if (!loaded) return;
    const { model, entries } = loaded;
    const paths = model.endpoints.map((e) => `${e.method} ${e.host}${e.path}`);

    // Trailing slashes: a path sent with one is never documented without it.
    const sent = new Set(
      entries.map((e) => `${e.request.method.toUpperCase()} ${new URL(e.request.url).host.toLowerCase()}${new URL(e.request.url).pathname}`),
    );
    for (const key of sent) if (key.endsWith('/') && !key.endsWith(' /') && !sent.has(key.slice(0, -1))) expect(paths).not.toContain(key.slice(0, -1));

    // No literal segment is id-shaped (reserved words and versions are words anyway).
    for (const endpoint of model.endpoints)
      for (const segment of endpoint.path.split('/').slice(1))
        if (!segment.startsWith('{') && segment !== '')
          expect([endpoint.path, isIdentifier(classifySegment(decodeSegment(segment)))]).toEqual([endpoint.path, false]);

    // Everything is documented or left out for a reason, and the counts add up.
    const leftOut = (model.traffic.leftOut ?? []).reduce((n, l) => n + l.count, 0);
    expect(model.traffic.used + leftOut).toBe(model.traffic.entries);
    const scripted = entries.filter((e) => ['xhr', 'fetch', 'websocket', 'eventsource'].includes((e._resourceType ?? '').toLowerCase()));
    const documented = new Set(model.endpoints.map((e) => e.host));
    const reasons = new Set((model.traffic.leftOut ?? []).map((l) => l.reason));
    for (const entry of scripted) {
      const host = new URL(entry.request.url).host.toLowerCase();
      expect(documented.has(host) || reasons.has('telemetry') || reasons.has('cors-preflight') || reasons.has('rsc-navigation')).toBe(true);
    }

    // A credential-named header sent on every call to a documented host is named in Auth.
    for (const name of ['authorization', 'apikey', 'token', 'x-api-key', 'x-admin-key']) {
      for (const host of documented) {
        const calls = model.endpoints.filter((e) => e.host === host);
        const sent = calls.length > 0 && calls.every((e) => e.headers.some((h) => h.name === name && h.seen === e.observed));
        if (sent) expect(calls.every((e) => e.auth.some((a) => a.name.toLowerCase() === name))).toBe(true);
      }
    }
  });

  it.each(captures)('%s: every XHR/fetch/WebSocket/event-stream call is documented, or left out for a reason that is not page or asset', async (file) => {
    const loaded = await load(file);
    if (!loaded) return;
    const { model } = loaded;
    const ctx = testContext();
    const capture = openCapture({ label: file, text: decodeCaptureBytes(readFileSync(`${APPS}/${file}`), file) }, ctx);
    const skip = createTrafficFilter(ctx.options);
    const templates = model.endpoints.map((e) => ({ method: e.method, host: e.host, path: templateRegex(e.path) }));
    const listed = new Set((model.traffic.leftOut ?? []).map((l) => l.reason));
    const unaccounted: string[] = [];
    for await (const exchange of capture.exchanges()) {
      if (!isScripted(exchange)) continue;
      const reason = skip(exchange);
      const where = `#${exchange.entry} ${exchange.method} ${reason ?? 'kept'}`;
      if (reason === null) {
        const documented = templates.some((t) => t.method === exchange.method && t.host === exchange.url.host && t.path.test(exchange.url.path));
        if (!documented) unaccounted.push(`${where}: no documented endpoint`);
      } else if (reason === 'document' || reason === 'static-asset' || !listed.has(reason)) unaccounted.push(where);
    }
    expect(unaccounted).toEqual([]);
  });

  it.each(captures)('%s: every credential-shaped header sent on most calls of a host is in its Auth data', async (file) => {
    const loaded = await load(file);
    if (!loaded) return;
    const { model } = loaded;
    const ctx = testContext();
    const capture = openCapture({ label: file, text: decodeCaptureBytes(readFileSync(`${APPS}/${file}`), file) }, ctx);
    const skip = createTrafficFilter(ctx.options);
    const calls = new Map<string, number>();
    const sent = new Map<string, string[]>();
    for await (const exchange of capture.exchanges()) {
      if (skip(exchange) !== null) continue;
      const host = exchange.url.host;
      calls.set(host, (calls.get(host) ?? 0) + 1);
      for (const header of exchange.request.headers) {
        const name = header.name.toLowerCase();
        if (!isCredentialHeader(name, header.value)) continue;
        const key = `${host} ${name}`;
        if (!sent.has(key)) sent.set(key, []);
        sent.get(key)!.push(header.value);
      }
    }
    const missing: string[] = [];
    for (const [key, values] of sent) {
      const [host, name] = key.split(' ') as [string, string];
      const distinct = new Set(values).size;
      // Most calls, and reused: a value new on every call is a nonce or a proof, never a credential.
      if (values.length * 2 <= calls.get(host)! || (values.length >= 3 && distinct >= values.length)) continue;
      const named = model.endpoints.some((e) => e.host === host && e.auth.some((a) => a.name.toLowerCase() === name));
      if (!named) missing.push(key);
    }
    expect(missing).toEqual([]);
  });

  it.each(captures)('%s: one id, one name (no identifier value fills parameters of two names)', async (file) => {
    const ctx = testContext();
    const capture = openCapture({ label: file, text: decodeCaptureBytes(readFileSync(`${APPS}/${file}`), file) }, ctx);
    const skip = createTrafficFilter(ctx.options);
    const kept: Exchange[] = [];
    const listed = new ListedIds();
    try {
      for await (const exchange of capture.exchanges()) {
        if (skip(exchange) !== null) continue;
        kept.push(exchange);
        listed.add(exchange);
      }
    } catch (error) {
      if (isHar2ApiError(error)) return;
      throw error;
    }
    const names = new Map<string, Set<string>>();
    for (const group of templatePaths(kept, ctx, listed).groups) {
      for (const exchange of group.exchanges) {
        const segments = splitPath(exchange.url.path);
        for (const param of group.pathParams) {
          const value = splitExtension(decodeSegment(segments[param.position] ?? ''))[0];
          if (!isDistinctiveId(value)) continue;
          let set = names.get(`${group.host} ${value}`);
          if (!set) names.set(`${group.host} ${value}`, (set = new Set()));
          set.add(param.name);
        }
      }
    }
    const twoWays = [...names.values()].filter((set) => set.size > 1).map((set) => [...set].sort().join(' = '));
    expect(twoWays).toEqual([]);
  });

  it.each(captures)('%s: OpenAPI security matches the Auth requirements on every operation', async (file) => {
    const loaded = await load(file);
    if (!loaded || loaded.model.endpoints.length === 0) return;
    const { model } = loaded;
    const [openapi] = await renderOutputs(model, ['openapi']);
    for (const { endpoint, fromOpenApi, fromModel } of securityPairs(model, openapi!.content))
      expect({ endpoint, security: fromOpenApi }).toEqual({ endpoint, security: fromModel });
  });
});
