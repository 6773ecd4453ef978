/**
 * Builds synthetic `Exchange`s (what ingest makes of a HAR entry) for the tests of the stages
 * after ingest: normalise, infer, redact. Only what a test sets differs from the defaults: a GET
 * (a POST when there is a request body) to `https://api.example.com/`, answered 200 with no body.
 *
 * Also the one-line notation of the normalise tests:
 *
 *   'GET /users/alice -> {login,id,avatar_url}'   JSON object response with these keys
 *   'GET /user/repos -> [{id,name}]'              JSON array of such objects ([] for an empty one)
 *   'DELETE /items/7'                             no response body
 *   'GET api.example.com/v1/items'                another host than the default
 *
 * Tests that go through ingest build HAR entries instead (./har.ts). All ids, names and hosts
 * are invented.
 */
import type { Context } from '../../src/context.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import type { Exchange, Json, NameValue, Payload, WebSocketMessage } from '../../src/exchange.js';
import { type Options, resolveOptions } from '../../src/options.js';

export const DEFAULT_HOST = 'api.example.com';

export interface ExchangeSpec {
  /** GET, or POST when the request has a body. */
  method?: string;
  host?: string;
  /** `/` unless set. */
  path?: string;
  query?: NameValue[];
  status?: number;
  /** Chromium's resource type: `fetch` unless set; `null` for a recorder that writes none. */
  resourceType?: string | null;
  requestHeaders?: NameValue[];
  responseHeaders?: NameValue[];
  /** The request body as JSON. */
  requestJson?: Json;
  /** A request body of another kind (form, multipart, empty), as ingest decodes it. */
  requestBody?: Payload;
  /** The response body as JSON. */
  responseJson?: Json;
  /** A response body of this media type whose content is not read (binary). */
  responseMediaType?: string;
  webSocket?: WebSocketMessage[];
}

const jsonPayload = (value: Json): Payload => ({ mediaType: 'application/json', size: JSON.stringify(value).length, content: { kind: 'json', value } });

export function makeExchange(spec: ExchangeSpec = {}, entry = 0): Exchange {
  const requestBody = spec.requestJson !== undefined ? jsonPayload(spec.requestJson) : (spec.requestBody ?? null);
  const responseBody =
    spec.responseJson !== undefined
      ? jsonPayload(spec.responseJson)
      : spec.responseMediaType !== undefined
        ? { mediaType: spec.responseMediaType, size: 1, content: { kind: 'binary' as const } }
        : null;
  return {
    source: 'test.har',
    entry,
    startedAt: null,
    method: spec.method ?? (requestBody ? 'POST' : 'GET'),
    resourceType: spec.resourceType === undefined ? 'fetch' : spec.resourceType,
    webSocket: spec.webSocket ?? [],
    url: { scheme: 'https', host: spec.host ?? DEFAULT_HOST, path: spec.path ?? '/', query: spec.query ?? [], fragment: '' },
    request: { headers: spec.requestHeaders ?? [], cookies: [], body: requestBody },
    response: { headers: spec.responseHeaders ?? [], cookies: [], body: responseBody, status: spec.status ?? 200, statusText: 'OK', redirectURL: '' },
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
  return makeExchange({ method: method!, host, path, ...(response ? { responseJson: keysToJson(response) } : {}) });
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

/** A stage context that keeps the diagnostics it is given. */
export interface TestContext extends Context {
  diagnostics: Diagnostic[];
}

export function testContext(options: Options = {}): TestContext {
  const diagnostics: Diagnostic[] = [];
  return { options: resolveOptions(options), report: (d) => diagnostics.push(d), diagnostics };
}
