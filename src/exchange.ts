/**
 * The captured traffic as the stages between ingest and inference see it: one `Exchange` per
 * usable HAR entry, with bodies already decoded into structured payloads. Ingest builds these
 * (never touching the parsed HAR); redaction returns new ones with every secret replaced; later
 * stages only read them.
 *
 * Only the HAR fields that can reach an output are carried over. Page titles, `_initiator`,
 * `serverIPAddress`, timings and the like are dropped at ingest, which is the safest redaction.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface NameValue {
  name: string;
  value: string;
}

export interface Exchange {
  /** Label of the capture this came from (file name, `-` for stdin). */
  source: string;
  /** Index of the entry in `log.entries`. */
  entry: number;
  /** `startedDateTime` as ISO 8601, or null when absent or unparseable. */
  startedAt: string | null;
  /** Upper-case HTTP method. */
  method: string;
  url: ExchangeUrl;
  request: Message;
  response: ResponseMessage;
  /** The recorder's resource type (`xhr`, `fetch`, `image` …), or null. */
  resourceType: string | null;
  /** WebSocket frames recorded on this entry (`_webSocketMessages`). */
  webSocket: WebSocketMessage[];
}

export interface ExchangeUrl {
  /** `https`, `http`, `wss` … without the colon. */
  scheme: string;
  /** Lower-case host with a non-default port. */
  host: string;
  /** The path as it appeared on the wire (percent-encoded), always starting with `/`. */
  path: string;
  /** Decoded query parameters in order. */
  query: NameValue[];
  /** The fragment without `#`, or ``. */
  fragment: string;
}

export interface Message {
  headers: NameValue[];
  cookies: NameValue[];
  body: Payload | null;
}

export interface ResponseMessage extends Message {
  status: number;
  statusText: string;
  /** `redirectURL` of the HAR response, or ``. */
  redirectURL: string;
}

export interface Payload {
  /** Lower-case media type without parameters, `` when none was declared. */
  mediaType: string;
  /** Decoded size in bytes. */
  size: number;
  content: Content;
}

export type Content =
  | { kind: 'json'; value: Json }
  | { kind: 'form'; fields: NameValue[] }
  | { kind: 'multipart'; parts: MultipartPartValue[] }
  | { kind: 'sse'; events: SseEvent[] }
  | { kind: 'ndjson'; values: Json[] }
  | { kind: 'jsonp'; callback: string; value: Json }
  | { kind: 'text'; text: string }
  | { kind: 'binary' }
  | { kind: 'empty' };

export interface MultipartPartValue {
  name: string;
  /** The file name of a file part, `` for a file sent without one; null for a plain field. */
  fileName: string | null;
  contentType: string | null;
  /** The text of a non-file part; file contents are never kept. */
  value: string | null;
}

export interface SseEvent {
  /** The `event:` field, or null for the default `message`. */
  event: string | null;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** `data` parsed as JSON, when it is JSON. */
  json?: Json;
}

export interface WebSocketMessage {
  direction: 'send' | 'receive';
  opcode: number;
  /** Protocol prefix split off before decoding (Socket.IO `42/chat,`), when there is one. */
  frame?: string;
  content: Content;
}
