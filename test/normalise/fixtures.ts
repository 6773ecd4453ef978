/**
 * Synthetic exchanges for the normalise tests, written from a one-line notation:
 *
 *   'GET /users/alice -> {login,id,avatar_url}'   JSON object response with these keys
 *   'GET /user/repos -> [{id,name}]'              JSON array of such objects ([] for an empty one)
 *   'DELETE /items/7'                             no response body
 *   'GET api.example.com/v1/items'                another host than the default
 *
 * All ids, names and hosts are invented.
 */
import type { Context } from '../../src/context.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import type { Exchange, Json, NameValue, Payload } from '../../src/exchange.js';
import { type Options, resolveOptions } from '../../src/options.js';

export const DEFAULT_HOST = 'api.example.com';

export interface ExchangeSpec {
  method?: string;
  path: string;
  host?: string;
  status?: number;
  json?: Json;
  query?: NameValue[];
  resourceType?: string | null;
  mediaType?: string;
  requestHeaders?: NameValue[];
  responseHeaders?: NameValue[];
  /** A request body: JSON, or a decoded payload of another kind (form, multipart, empty). */
  requestJson?: Json;
  requestBody?: Payload;
}

export function exchange(spec: ExchangeSpec): Exchange {
  const body =
    spec.json !== undefined
      ? { mediaType: 'application/json', size: JSON.stringify(spec.json).length, content: { kind: 'json' as const, value: spec.json } }
      : spec.mediaType !== undefined
        ? { mediaType: spec.mediaType, size: 1, content: { kind: 'binary' as const } }
        : null;
  const requestBody =
    spec.requestJson !== undefined
      ? { mediaType: 'application/json', size: JSON.stringify(spec.requestJson).length, content: { kind: 'json' as const, value: spec.requestJson } }
      : (spec.requestBody ?? null);
  return {
    source: 'test.har',
    entry: 0,
    startedAt: null,
    method: spec.method ?? 'GET',
    resourceType: spec.resourceType === undefined ? 'fetch' : spec.resourceType,
    webSocket: [],
    url: { scheme: 'https', host: spec.host ?? DEFAULT_HOST, path: spec.path, query: spec.query ?? [], fragment: '' },
    request: { headers: spec.requestHeaders ?? [], cookies: [], body: requestBody },
    response: { headers: spec.responseHeaders ?? [], cookies: [], body, status: spec.status ?? 200, statusText: 'OK', redirectURL: '' },
  };
}

/** Parses the one-line notation described above. */
export function line(text: string): Exchange {
  const match = /^([A-Z]+) (\S+)(?: -> (.+))?$/.exec(text);
  if (!match) throw new Error(`bad fixture line: ${text}`);
  const [, method, target, response] = match;
  const slash = target!.indexOf('/');
  const host = slash > 0 ? target!.slice(0, slash) : DEFAULT_HOST;
  const path = target!.slice(slash);
  return exchange({ method: method!, host, path, ...(response ? { json: keysToJson(response) } : {}) });
}

function keysToJson(shape: string): Json {
  if (shape === '[]') return [];
  const array = shape.startsWith('[');
  const inner = shape.replace(/^\[?\{|\}\]?$/g, '');
  const object: Record<string, Json> = {};
  for (const key of inner
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean))
    object[key] = 'x';
  return array ? [object, object] : object;
}

export interface TestContext extends Context {
  diagnostics: Diagnostic[];
}

export function context(options: Options = {}): TestContext {
  const diagnostics: Diagnostic[] = [];
  return { options: resolveOptions(options), report: (d) => diagnostics.push(d), diagnostics };
}
