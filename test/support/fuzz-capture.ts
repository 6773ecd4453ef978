/**
 * A small synthetic capture that exercises every kind of body and field the ingest reads, as a
 * starting point for fuzzing: JSON with ids in the path, query strings, cookies and auth, a JSON
 * POST, a form POST, a multipart upload (params), a base64 JSON response, server-sent events,
 * NDJSON, JSONP, text, an image, WebSocket frames, a 404, a redirect. Every value is invented.
 */
import ts from 'typescript';
import { expect } from 'vitest';
import { decodeCaptureBytes } from '../../src/ingest/decode.js';
import { buildModel, type Diagnostic, Har2ApiError, renderOutputs } from '../../src/index.js';
import type { ApiModel } from '../../src/model.js';
import { curlCommand } from '../../src/render/curl.js';
import { visible } from '../../src/render/escape.js';
import { harEntry } from './har.js';
import { level3Headings, parseStructure } from './markdown-structure.js';
import { buildFlow } from '../../src/render/flow.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** An entry as a browser records it: HTTP/2, an auth header and a session cookie (invented). */
function entry(
  method: string,
  url: string,
  response: { status?: number; mimeType: string; text?: string; encoding?: string },
  request: { postData?: Record<string, Json> } = {},
): Json {
  const { status, ...content } = response;
  return harEntry({
    method,
    url,
    ...(status !== undefined ? { status } : {}),
    statusText: 'OK',
    startedDateTime: '2025-03-04T05:06:07.000Z',
    time: 12,
    httpVersion: 'HTTP/2',
    requestHeaders: [
      ['accept', 'application/json'],
      ['authorization', 'Bearer not-a-real-token-0123456789'],
      ['x-client-version', '1.2.3'],
    ],
    requestCookies: [['session', 'invented-session-value']],
    queryString: [],
    responseHeaders: [['content-type', response.mimeType]],
    content: { size: 10, ...content },
    ...(request.postData ? { postData: request.postData } : {}),
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 10, receive: 2 },
  }) as Json;
}

export function fuzzCapture(): { log: { version: string; creator: Json; entries: Json[] } } {
  const item = (id: number): Json => ({
    id,
    name: `item ${id}`,
    tags: ['a', 'b'],
    owner: { id: `user-${id}`, email: `person${id}@example.com` },
    price: 9.5,
    active: id % 2 === 0,
    note: null,
  });
  const entries: Json[] = [
    entry('GET', 'https://api.example.com/v1/items/101?expand=owner&limit=10', { mimeType: 'application/json', text: JSON.stringify(item(101)) }),
    entry('GET', 'https://api.example.com/v1/items/202?expand=owner', { mimeType: 'application/json; charset=utf-8', text: JSON.stringify(item(202)) }),
    entry('GET', 'https://api.example.com/v1/items/303', { status: 404, mimeType: 'application/problem+json', text: '{"title":"Not found","status":404}' }),
    entry(
      'POST',
      'https://api.example.com/v1/items',
      { status: 201, mimeType: 'application/json', text: b64(JSON.stringify(item(404))), encoding: 'base64' },
      { postData: { mimeType: 'application/json', text: '{"name":"new","tags":["x"],"meta":{"a":[1,2,{"b":null}]}}' } },
    ),
    entry(
      'POST',
      'https://api.example.com/v1/login',
      { mimeType: 'application/json', text: '{"ok":true}' },
      {
        postData: {
          mimeType: 'application/x-www-form-urlencoded',
          text: 'user=someone&password=invented&remember=1',
          params: [{ name: 'user', value: 'someone' }],
        },
      },
    ),
    entry(
      'POST',
      'https://api.example.com/v1/uploads',
      { mimeType: 'application/json', text: '{"upload_id":"up_0123456789abcdef"}' },
      {
        postData: {
          mimeType: 'multipart/form-data; boundary=XyZ',
          params: [
            { name: 'file', fileName: 'photo.png', contentType: 'image/png', value: 'binary' },
            { name: 'caption', value: 'a caption' },
          ],
        },
      },
    ),
    entry(
      'POST',
      'https://api.example.com/v1/stream',
      { mimeType: 'text/event-stream', text: 'event: delta\ndata: {"type":"text","v":"Hel"}\n\ndata: {"type":"text","v":"lo"}\n\n: comment\ndata: [DONE]\n\n' },
      { postData: { mimeType: 'application/json', text: '{"prompt":"hi"}' } },
    ),
    entry('GET', 'https://api.example.com/v1/export', { mimeType: 'application/x-ndjson', text: '{"n":1}\n{"n":2,"extra":"x"}\n' }),
    entry('GET', 'https://api.example.com/v1/jsonp?callback=cb', { mimeType: 'text/javascript', text: 'cb({"a":1,"b":[true]});' }),
    entry('GET', 'https://api.example.com/v1/health', { mimeType: 'text/plain', text: 'ok\n' }),
    entry('GET', 'https://api.example.com/v1/avatar/7', { mimeType: 'image/png', text: b64('\u0089PNG fake'), encoding: 'base64' }),
    entry('GET', 'https://api.example.com/v1/old', { status: 301, mimeType: '', text: '' }),
    {
      ...(entry('GET', 'wss://api.example.com/v1/socket', { status: 101, mimeType: '' }) as Record<string, Json>),
      _resourceType: 'websocket',
      _webSocketMessages: [
        { type: 'send', time: 1, opcode: 1, data: '{"op":"subscribe","channel":"items"}' },
        { type: 'receive', time: 2, opcode: 1, data: '{"op":"update","item":{"id":1}}' },
        { type: 'receive', time: 3, opcode: 2, data: b64('\u0000\u0001') },
      ],
    },
  ];
  return { log: { version: '1.2', creator: { name: 'har2api-fuzz', version: '1' }, entries } };
}

export type Outcome = { ok: true; model: ApiModel; markdown: string; diagnostics: Diagnostic[] } | { ok: false; error: Har2ApiError };

/**
 * Runs a capture's bytes through everything a user's run does (decode, parse, build, render
 * every format). The only acceptable failure is a `Har2ApiError` with a one-line message;
 * anything else (a TypeError, a RangeError from a stack overflow) propagates and fails the test.
 * A built reference must also be sound Markdown, the model and OpenAPI valid JSON, and the
 * types valid TypeScript syntax.
 */
export async function buildOrRefuse(bytes: Uint8Array | string, label = 'fuzz.har'): Promise<Outcome> {
  let result: Awaited<ReturnType<typeof buildModel>>;
  try {
    const text = typeof bytes === 'string' ? bytes : decodeCaptureBytes(bytes, label);
    result = await buildModel([{ label, text }], {}, { redactionKey: new Uint8Array(32) });
  } catch (error) {
    if (!(error instanceof Har2ApiError)) throw error;
    expect(error.message).toMatch(/^[^\r\n\u2028\u2029]+$/);
    expect(error.message.startsWith(`${label}: `) || error.code === 'E_NO_INPUT').toBe(true);
    return { ok: false, error };
  }
  const [markdown, json, openapi, types] = await renderOutputs(result.model, ['markdown', 'json', 'openapi', 'types']);
  expect(JSON.parse(json!.content)).toEqual(result.model);
  expectSoundMarkdown(markdown!.content, result.model);
  expect(() => JSON.parse(openapi!.content)).not.toThrow();
  const { diagnostics: syntax = [] } = ts.transpileModule(types!.content, { reportDiagnostics: true, fileName: 'types.ts' });
  expect(syntax.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))).toEqual([]);
  return { ok: true, model: result.model, markdown: markdown!.content, diagnostics: result.diagnostics };
}

/** Asserts the Markdown of `model` has the structure the template gives it, whatever the values. */
export function expectSoundMarkdown(markdown: string, model: ApiModel): void {
  const structure = parseStructure(markdown);
  expect(structure.html).toEqual([]);
  expect(structure.headings.filter((h) => h.level === 1).length).toBe(1);
  expect(structure.headings.filter((h) => h.level === 3).length).toBe(level3Headings(model));
  // One rule under the overview, one before each resource and each endpoint but a resource's first, one before the "Left out" section.
  expect(structure.rules).toBe(1 + model.endpoints.length + ((model.traffic.leftOut ?? []).length > 0 ? 1 : 0));
  for (const table of structure.tables) {
    expect(table.rows.filter((cells) => cells !== table.header)).toEqual([]);
    expect(table.parsedRows).toBe(table.rows.length);
  }
  // The flow diagram is one fence more (test/browser renders it with mermaid).
  expect(structure.fences.filter((f) => f.info === 'mermaid')).toHaveLength(buildFlow(model) ? 1 : 0);
  expect(
    structure.fences
      .filter((f) => f.info !== 'mermaid')
      .map((f) => f.content)
      .sort(),
  ).toEqual(
    fencedExamples(model)
      .map((e) => `${visible(e.replace(/\r\n?/g, '\n'))}\n`)
      .sort(),
  );
}

/** Every example the reference shows in a fence: bodies, their event kinds, GraphQL variables, WebSocket messages, curl requests. */
export function fencedExamples(model: ApiModel): string[] {
  const examples: string[] = [];
  const add = (example: string | undefined): void => void (example !== undefined && examples.push(example));
  for (const endpoint of model.endpoints) {
    for (const body of [...endpoint.requestBodies, ...endpoint.responses.flatMap((r) => r.bodies)]) {
      add(body.example);
      for (const event of body.events ?? []) add(event.example);
    }
    for (const operation of endpoint.graphql ?? []) if (operation.variables !== undefined) add(operation.example);
    for (const event of endpoint.websocket?.events ?? []) add(event.example);
    const host = model.hosts.find((h) => h.name === endpoint.host);
    if (host) add(curlCommand(endpoint, host)?.command);
  }
  return examples;
}
