/**
 * Builds synthetic `Exchange`s for stage tests: a GET or POST to a host, with optional JSON
 * request body, query and WebSocket frames. Only what a test sets differs from the defaults.
 */
import type { Exchange, Json, NameValue, WebSocketMessage } from '../../src/exchange.js';

export interface ExchangeSpec {
  method?: string;
  path?: string;
  query?: NameValue[];
  json?: Json;
  status?: number;
  webSocket?: WebSocketMessage[];
}

export function makeExchange(spec: ExchangeSpec = {}, entry = 0): Exchange {
  const body =
    spec.json === undefined
      ? null
      : { mediaType: 'application/json', size: JSON.stringify(spec.json).length, content: { kind: 'json' as const, value: spec.json } };
  return {
    source: 'test.har',
    entry,
    startedAt: null,
    method: spec.method ?? (spec.json === undefined ? 'GET' : 'POST'),
    url: { scheme: 'https', host: 'api.example.com', path: spec.path ?? '/graphql', query: spec.query ?? [], fragment: '' },
    request: { headers: [], cookies: [], body },
    response: { headers: [], cookies: [], body: null, status: spec.status ?? 200, statusText: '', redirectURL: '' },
    resourceType: 'fetch',
    webSocket: spec.webSocket ?? [],
  };
}
