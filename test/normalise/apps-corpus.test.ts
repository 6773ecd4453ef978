/**
 * The reference on real application captures, read in place from ../shared/corpus-apps (skipped,
 * visibly, where the folder is absent). Every expectation is derived from the capture at run
 * time, never written down from it: paths keep the trailing slash they were sent with, no
 * literal segment of a documented path is id-shaped, every XHR/fetch/WebSocket/event-stream
 * call of the application is documented or listed as left out for a reason, the left-out counts
 * add up, credential headers sent on every call to a host are named, and OpenAPI security
 * says what the model's requirements say.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isHar2ApiError } from '../../src/errors.js';
import { buildModel, renderOutputs } from '../../src/index.js';
import { decodeCaptureBytes } from '../../src/ingest/decode.js';
import type { ApiModel } from '../../src/model.js';
import { classifySegment, isIdentifier } from '../../src/normalise/segments.js';
import { decodeSegment } from '../../src/normalise/templates.js';

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

  it.each(captures)('%s: OpenAPI security matches the Auth requirements on every operation', async (file) => {
    const loaded = await load(file);
    if (!loaded || loaded.model.endpoints.length === 0) return;
    const { model } = loaded;
    const [openapi] = await renderOutputs(model, ['openapi']);
    const document = JSON.parse(openapi!.content) as {
      paths: Record<string, Record<string, { security?: Record<string, string[]>[]; 'x-endpoint'?: string }>>;
      components: { securitySchemes?: Record<string, { name?: string }> };
    };
    const schemes = document.components.securitySchemes ?? {};
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(item)) {
        if (!operation['x-endpoint']) continue;
        const endpoint = model.endpoints.find((e) => e.key === operation['x-endpoint'])!;
        const fromOpenApi = (operation.security ?? [])
          .filter((r) => Object.keys(r).length > 0)
          .map((r) =>
            Object.keys(r)
              .map((n) => (schemes[n]!.name ?? 'authorization').toLowerCase())
              .sort()
              .join('+'),
          );
        const fromModel = (endpoint.authRequirements ?? []).map((r) =>
          r.schemes
            .map((s) => s.split(' ')[1]!.toLowerCase())
            .sort()
            .join('+'),
        );
        expect(fromOpenApi).toEqual(fromModel);
      }
    }
  });
});
