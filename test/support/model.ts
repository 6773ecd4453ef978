/**
 * Hand-built models for renderer tests: an endpoint or a model with only what a test sets
 * differing from plain defaults, so renderers are tested against `src/model.ts` itself and not
 * only against what today's inference happens to produce.
 */
import { type ApiModel, type Body, type Endpoint, type Host, MODEL_VERSION, type Shown, type ShownScalar } from '../../src/model.js';

export function makeEndpoint(spec: Partial<Endpoint> & { method?: string; path?: string; host?: string } = {}): Endpoint {
  const method = spec.method ?? 'GET';
  const host = spec.host ?? 'api.example.com';
  const path = spec.path ?? '/items';
  const observed = spec.observed ?? 1;
  return {
    key: `${method} ${host} ${path}`,
    method,
    host,
    path,
    observed,
    statusCounts: spec.statusCounts ?? { '200': observed },
    pathParams: [],
    queryParams: [],
    headers: [],
    auth: [],
    requestBodies: [],
    responses: spec.responses ?? [{ status: 200, seen: observed, bodies: [] }],
    resource: spec.resource ?? (path.split('/').find((s) => s !== '' && !s.startsWith('{')) || '(root)'),
    ...spec,
  };
}

export function jsonBody(schema: Body['schema'], extra: Partial<Body> = {}): Body {
  return makeBody({ ...(schema ? { schema } : {}), ...extra });
}

/** A body seen once, 10 bytes, `application/json` unless the spec says otherwise. */
export function makeBody(spec: Partial<Body> = {}): Body {
  return { mediaType: 'application/json', kind: 'json', seen: 1, size: { min: 10, max: 10 }, ...spec };
}

export function makeModel(endpoints: Endpoint[], extra: Partial<ApiModel> = {}): ApiModel {
  const hosts = new Map<string, Host>();
  for (const e of endpoints) {
    const host = hosts.get(e.host) ?? {
      name: e.host,
      schemes: ['https'],
      apiRoot: '',
      endpoints: 0,
      observed: 0,
      baseUrl: `https://${e.host}`,
      auth: { credentials: [], csrf: [], requirements: [] },
    };
    host.endpoints++;
    host.observed += e.observed;
    hosts.set(e.host, host);
  }
  return {
    modelVersion: MODEL_VERSION,
    title: 'Example API reference',
    sources: [{ file: 'test.har', creator: 'test/1', harVersion: '1.2', entries: endpoints.length }],
    window: { start: '2025-01-01T00:00:00.000Z', end: '2025-01-02T00:00:00.000Z' },
    hosts: [...hosts.values()],
    endpoints,
    traffic: { entries: endpoints.length, used: endpoints.length, skipped: {} },
    redaction: { enabled: true, total: 0, byKind: {}, byPlace: {}, report: [] },
    links: [],
    ...extra,
  };
}

/**
 * Model text for hand-built models. In `src/` only the redaction gate (src/infer/gate.ts) makes
 * `Shown` text; a test that builds a model by hand stands in for it.
 */
export function shown(text: string): Shown {
  return text as Shown;
}

export function shownAll<T extends string | number | boolean | null>(values: readonly T[]): ShownScalar[] {
  return values.map((v) => (typeof v === 'string' ? shown(v) : v)) as ShownScalar[];
}
