/**
 * HAR builders: the JSON a recorder writes, for tests that go through ingest (the CLI, the
 * pipeline, fuzzing, the canary capture). One entry builder with the common shortcuts (a JSON
 * request or response, a form, a multipart upload, a redirect, WebSocket frames); a test sets
 * only what it is about and may override any default. Every value here is invented.
 *
 * Tests of the stages after ingest build `Exchange`s instead (./exchange.ts).
 */

/** A header, cookie or query pair, as `[name, value]` or as HAR writes it. */
export type Pair = readonly [string, string] | { name: string; value: string };

export interface MultipartPart {
  name: string;
  value?: string;
  fileName?: string;
  contentType?: string;
}

export interface EntrySpec {
  /** `GET` unless set. */
  method?: string;
  url: string;
  /** 200 unless set. */
  status?: number;
  /** `OK` for a 200 unless set; empty otherwise. */
  statusText?: string;
  requestHeaders?: readonly Pair[];
  requestCookies?: readonly Pair[];
  responseHeaders?: readonly Pair[];
  responseCookies?: readonly Pair[];
  /** `queryString`; read from the URL unless set. */
  queryString?: readonly Pair[];
  /** The request body as JSON (`application/json`). */
  requestJson?: unknown;
  /** The request body as an urlencoded form (text and params). */
  form?: readonly (readonly [string, string])[];
  /** The request body as multipart/form-data (text and params). */
  multipart?: { boundary: string; params: readonly MultipartPart[] };
  /** The request body as multipart text written by the test (a broken or unusual one). */
  rawMultipart?: { boundary: string; text: string; mimeType?: string; encoding?: string };
  /** Any other request `postData`, as is. */
  postData?: Record<string, unknown>;
  /** The response body as JSON: its content, and a `content-type` header. */
  json?: unknown;
  /** Any other response content, as is (`{ size: 0, mimeType: 'x-unknown', text: '' }` unless set). */
  content?: { mimeType: string; text?: string; encoding?: string; size?: number; [key: string]: unknown };
  /** A redirect target: the `Location` header and `redirectURL`. */
  location?: string;
  /** `_resourceType` (Chromium's), left out unless set. */
  resourceType?: string;
  /** `_webSocketMessages` (Chromium's); `time` is filled in unless set. */
  webSocket?: readonly { type: string; opcode: number; data: string; time?: number }[];
  httpVersion?: string;
  startedDateTime?: string;
  time?: number;
  pageref?: string;
  timings?: Record<string, number>;
  /** Top-level fields added last (creator-specific fields, or a deliberately broken one). */
  extra?: Record<string, unknown>;
}

export const pairs = (list: readonly Pair[] = []): { name: string; value: string }[] =>
  list.map((p) => ('name' in p ? { name: p.name, value: p.value } : { name: p[0], value: p[1] }));

/** One HAR 1.2 entry. */
export function harEntry(spec: EntrySpec): Record<string, unknown> {
  const status = spec.status ?? 200;
  const responseHeaders = pairs(spec.responseHeaders);
  let content: Record<string, unknown> = spec.content ? { size: 0, ...spec.content } : { size: 0, mimeType: 'x-unknown', text: '' };
  if (spec.json !== undefined) {
    content = { size: 0, mimeType: 'application/json', text: JSON.stringify(spec.json) };
    if (!responseHeaders.some((h) => h.name.toLowerCase() === 'content-type')) responseHeaders.push({ name: 'content-type', value: 'application/json' });
  }
  if (spec.location) responseHeaders.push({ name: 'Location', value: spec.location });
  const postData = postDataOf(spec);
  return {
    startedDateTime: spec.startedDateTime ?? '2025-01-01T00:00:00.000Z',
    time: spec.time ?? 1,
    ...(spec.pageref ? { pageref: spec.pageref } : {}),
    request: {
      method: spec.method ?? 'GET',
      url: spec.url,
      httpVersion: spec.httpVersion ?? 'HTTP/1.1',
      headers: pairs(spec.requestHeaders),
      cookies: pairs(spec.requestCookies),
      queryString: spec.queryString ? pairs(spec.queryString) : queryOf(spec.url),
      headersSize: -1,
      bodySize: -1,
      ...(postData !== undefined ? { postData } : {}),
    },
    response: {
      status,
      statusText: spec.statusText ?? (status === 200 ? 'OK' : ''),
      httpVersion: spec.httpVersion ?? 'HTTP/1.1',
      headers: responseHeaders,
      cookies: pairs(spec.responseCookies),
      content,
      redirectURL: spec.location ?? '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: spec.timings ?? { send: 0, wait: 1, receive: 0 },
    ...(spec.resourceType ? { _resourceType: spec.resourceType } : {}),
    ...(spec.webSocket ? { _webSocketMessages: spec.webSocket.map((m, i) => ({ time: 1735787045 + i, ...m })) } : {}),
    ...spec.extra,
  };
}

function postDataOf(spec: EntrySpec): Record<string, unknown> | undefined {
  if (spec.postData) return spec.postData;
  if (spec.requestJson !== undefined) return { mimeType: 'application/json', text: JSON.stringify(spec.requestJson) };
  if (spec.form) {
    const text = spec.form.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&');
    return { mimeType: 'application/x-www-form-urlencoded', text, params: pairs(spec.form) };
  }
  if (spec.multipart) {
    const { boundary, params } = spec.multipart;
    const text = params
      .map(
        (p) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.fileName ? `; filename="${p.fileName}"\r\nContent-Type: ${p.contentType}` : ''}\r\n\r\n${p.value ?? '%PDF-1.4 binary'}\r\n`,
      )
      .join('')
      .concat(`--${boundary}--\r\n`);
    return { mimeType: `multipart/form-data; boundary=${boundary}`, text, params };
  }
  if (spec.rawMultipart) {
    const { boundary, text, mimeType, encoding } = spec.rawMultipart;
    return { mimeType: mimeType ?? `multipart/form-data; boundary=${boundary}`, text, ...(encoding ? { encoding } : {}) };
  }
  return undefined;
}

function queryOf(url: string): { name: string; value: string }[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** A HAR entry for a JSON API call (a JSON request body when `request` is set). */
export function jsonEntry(
  method: string,
  url: string,
  response: unknown,
  options: { status?: number; request?: unknown; headers?: { name: string; value: string }[] } = {},
): Record<string, unknown> {
  return harEntry({
    method,
    url,
    json: response,
    statusText: 'OK',
    queryString: [],
    ...(options.status !== undefined ? { status: options.status } : {}),
    ...(options.request !== undefined ? { requestJson: options.request } : {}),
    ...(options.headers ? { requestHeaders: options.headers } : {}),
  });
}

/** A HAR document (`{ log }`) with the given entries. */
export function harLog(
  entries: readonly unknown[],
  creator = { name: 'test', version: '1' },
): { log: { version: string; creator: { name: string; version: string }; entries: unknown[] } } {
  return { log: { version: '1.2', creator, entries: [...entries] } };
}

/** A minimal valid HAR file's text with the given entries. */
export function har(entries: readonly unknown[]): string {
  return JSON.stringify(harLog(entries));
}
