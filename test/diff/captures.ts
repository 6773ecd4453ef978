/**
 * Synthetic captures for the diff tests: a few lines per entry, so each test pair shows the one
 * change it is about. Invented hosts and values only.
 */
import { buildModel } from '../../src/pipeline.js';
import type { ApiModel } from '../../src/model.js';
import type { Options } from '../../src/options.js';
import { har, harEntry, jsonEntry } from '../support/har.js';

export const HOST = 'https://api.example.test';

export interface Call {
  method?: string;
  path: string;
  response?: unknown;
  status?: number;
  request?: unknown;
  headers?: { name: string; value: string }[];
}

/** One HAR entry per call; `response` JSON unless `sse` is given. */
export function entries(calls: readonly Call[]): unknown[] {
  return calls.map((c) =>
    jsonEntry(c.method ?? 'GET', `${HOST}${c.path}`, c.response ?? {}, {
      ...(c.status !== undefined ? { status: c.status } : {}),
      ...(c.request !== undefined ? { request: c.request } : {}),
      ...(c.headers ? { headers: c.headers } : {}),
    }),
  );
}

/** `n` calls or entries made by `make` (evidence for "required" and for "seen often"). */
export function times<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

/** A HAR entry whose response is a server-sent event stream. */
export function sseEntry(path: string, events: readonly { event?: string; data: string }[]): unknown {
  const text = events.map((e) => `${e.event ? `event: ${e.event}\n` : ''}data: ${e.data}\n\n`).join('');
  return harEntry({
    method: 'POST',
    url: `${HOST}${path}`,
    requestJson: { q: 1 },
    responseHeaders: [['content-type', 'text/event-stream']],
    content: { size: text.length, mimeType: 'text/event-stream', text },
  });
}

/** The model of a capture, through the real pipeline. */
export async function modelOf(list: readonly unknown[], options: Options = {}): Promise<ApiModel> {
  const { model } = await buildModel([{ label: 'capture.har', text: har([...list]) }], options);
  return model;
}

export async function modelOfCalls(calls: readonly Call[], options: Options = {}): Promise<ApiModel> {
  return modelOf(entries(calls), options);
}

/** A multipart upload with the given parts (`file` parts carry a file name). */
export function multipartEntry(path: string, parts: readonly { name: string; file?: boolean }[]): unknown {
  const params = parts.map((p) =>
    p.file ? { name: p.name, fileName: `${p.name}.bin`, contentType: 'application/octet-stream' } : { name: p.name, value: 'text' },
  );
  return harEntry({ method: 'POST', url: `${HOST}${path}`, json: { ok: true }, postData: { mimeType: 'multipart/form-data; boundary=x', params, text: '' } });
}

/** A call whose response body the recorder did not keep (content without text). */
export function unrecordedBody(call: Call): unknown {
  const [entry] = entries([call]) as { response: { content: Record<string, unknown> } }[];
  entry!.response.content = { size: 120, mimeType: 'application/json' };
  return entry;
}
