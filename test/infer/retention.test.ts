/**
 * Inference accumulates: after `add(exchange)` returns, an endpoint keeps its evidence and a few
 * bounded keep-sakes, never the exchange. Fed thousands of exchanges with large distinct bodies
 * of every kind, the heap it holds must stay far below what it was fed. Needs `global.gc`
 * (vitest.config.ts starts workers with `--expose-gc`); measures memory, never time.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange, Json } from '../../src/exchange.js';
import { createEndpointAccumulator } from '../../src/infer/endpoint.js';
import { makeExchange } from '../support/exchange.js';
import { createGate } from '../../src/infer/gate.js';

const EXCHANGES = 5000;
const BODY_CHARS = 50_000;
const FILLER = Array.from({ length: BODY_CHARS / 10 }, (_, i) => `w${(i * 7919) % 100_000}`.padEnd(10, '.')).join('');

/** A string of its own (not a slice or a concatenation sharing `FILLER`), different per exchange. */
function bigText(i: number): string {
  return JSON.parse(JSON.stringify(`${i}:${FILLER}`)) as string;
}

/** Exchange `i`: a large body of one of the kinds inference keeps something of. */
function bigExchange(i: number): Exchange {
  const big = bigText(i);
  const base = makeExchange({ query: [{ name: 'cursor', value: big.slice(0, 500) }] }, i);
  const parsed = (text: string): Json => JSON.parse(text) as Json;
  const size = big.length;
  switch (i % 8) {
    case 0:
      return {
        ...base,
        response: {
          ...base.response,
          body: { mediaType: 'application/json', size, content: { kind: 'json', value: parsed(`{"id":${i},"note":${JSON.stringify(big)},"tags":["a"]}`) } },
        },
      };
    case 1:
      return {
        ...base,
        request: {
          ...base.request,
          body: {
            mediaType: 'application/json',
            size,
            content: { kind: 'json', value: parsed(`{"query":"query Q { q }","variables":{"text":${JSON.stringify(big)}}}`) },
          },
        },
      };
    case 2:
      return {
        ...base,
        response: {
          ...base.response,
          body: {
            mediaType: 'text/event-stream',
            size,
            content: {
              kind: 'sse',
              events: [
                { event: 'delta', data: big, json: parsed(`{"type":"t","v":${JSON.stringify(big)}}`) },
                { event: null, data: big },
                { event: null, data: '[DONE]' },
              ],
            },
          },
        },
      };
    case 3:
      return {
        ...base,
        response: {
          ...base.response,
          body: { mediaType: 'application/x-ndjson', size, content: { kind: 'ndjson', values: [parsed(`{"v":${JSON.stringify(big)}}`), { v: i }] } },
        },
      };
    case 4:
      return { ...base, response: { ...base.response, body: { mediaType: 'text/plain', size, content: { kind: 'text', text: big } } } };
    case 5:
      return {
        ...base,
        request: {
          ...base.request,
          body: {
            mediaType: 'application/x-www-form-urlencoded',
            size,
            content: {
              kind: 'form',
              fields: [
                { name: 'q', value: big },
                { name: 'n', value: String(i) },
              ],
            },
          },
        },
      };
    case 6:
      return {
        ...base,
        request: {
          ...base.request,
          headers: [{ name: 'x-big', value: big }],
          body: {
            mediaType: 'multipart/form-data',
            size,
            content: {
              kind: 'multipart',
              parts: [
                { name: 'note', fileName: null, contentType: 'text/plain', value: big },
                { name: 'f', fileName: big.slice(0, 300), contentType: 'image/png', value: null },
              ],
            },
          },
        },
      };
    default:
      return {
        ...base,
        webSocket: [
          { direction: 'receive', opcode: 1, content: { kind: 'json', value: parsed(`{"type":"u","v":${JSON.stringify(big)}}`) } },
          { direction: 'send', opcode: 1, content: { kind: 'text', text: big } },
        ],
      };
  }
}

describe('inference retention', () => {
  it(`keeps far less than it is fed (${EXCHANGES} exchanges of ${BODY_CHARS / 1000} KB)`, async () => {
    const gc = globalThis.gc;
    expect(gc, 'run with --expose-gc (vitest.config.ts execArgv)').toBeTypeOf('function');
    const accumulator = createEndpointAccumulator({ method: 'POST', host: 'api.example.com', path: '/v1/big', pathParams: [] }, createGate(null));
    gc!();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < EXCHANGES; i++) accumulator.add(bigExchange(i));
    gc!();
    const retained = process.memoryUsage().heapUsed - before;
    // Strings of one-byte characters: a character is a byte on the heap.
    const fed = EXCHANGES * BODY_CHARS;
    expect(retained).toBeLessThan(fed / 50);

    // And what was kept is what the output needs.
    const endpoint = await accumulator.finish();
    expect(endpoint.observed).toBe(EXCHANGES);
    const kinds = [...endpoint.requestBodies, ...endpoint.responses.flatMap((r) => r.bodies)].map((b) => `${b.kind} ${b.seen}`).sort();
    expect(kinds).toEqual(['form 625', 'json 625', 'json 625', 'multipart 625', 'ndjson 625', 'sse 625', 'text 625']);
    expect(endpoint.graphql?.[0]).toMatchObject({ name: 'Q', seen: 625 });
    expect(endpoint.websocket?.messages).toBe(2 * 625);
  });
});
