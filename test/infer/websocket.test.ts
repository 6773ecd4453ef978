import { describe, expect, it } from 'vitest';
import type { Exchange, WebSocketMessage } from '../../src/exchange.js';
import { WebSocketAccumulator } from '../../src/infer/websocket.js';
import { fed } from '../support/accumulate.js';
import { makeExchange } from '../support/exchange.js';
import { createGate } from '../../src/infer/gate.js';
import { observed } from '../support/observed-schema.js';

const json = (direction: 'send' | 'receive', value: unknown, frame?: string): WebSocketMessage => ({
  direction,
  opcode: 1,
  ...(frame !== undefined ? { frame } : {}),
  content: value === undefined ? { kind: 'empty' } : { kind: 'json', value: value as never },
});

const streamOf = (exchanges: Exchange[]) => fed(new WebSocketAccumulator(createGate(null)), exchanges).finish();

describe('WebSocketAccumulator', () => {
  it('groups plain JSON messages by direction and type field', async () => {
    const stream = await streamOf([
      makeExchange({
        webSocket: [
          json('send', { type: 'subscribe', channel: 'a' }),
          json('receive', { type: 'update', data: { price: 1 } }),
          json('receive', { type: 'update', data: { price: 2.5 } }),
          { direction: 'send', opcode: 1, content: { kind: 'text', text: 'ping' } },
          { direction: 'receive', opcode: 2, content: { kind: 'binary' } },
        ],
      }),
    ]);
    expect(stream?.messages).toBe(5);
    expect(stream?.events.map((e) => [e.event, e.type, e.seen])).toEqual([
      ['receive', '(binary)', 1],
      ['receive', 'update', 2],
      ['send', undefined, 1],
      ['send', 'subscribe', 1],
    ]);
    const update = stream!.events[1]!;
    expect(observed(update.schema!.properties!.data!.properties!.price!).type).toBe('number');
    expect(stream!.events[2]!.example).toBe('ping');
  });

  it('names Socket.IO messages by event, packet type and namespace, with one kind for id namespaces', async () => {
    const room = '/dfd6f17f-074e-4a8f-b60f-a2ef72d9f499,';
    const stream = await streamOf([
      makeExchange({
        path: '/socket.io/',
        webSocket: [
          json('receive', { sid: '<secret:1>', pingInterval: 10000 }, '0'),
          json('receive', undefined, '40'),
          json('send', ['pactiveall'], '42'),
          json('receive', ['gmsg.out', { msgId: 1 }], `42${room}`),
          json('receive', ['gmsg.out', { msgId: 2 }], '42/aaaaaaaa-074e-4a8f-b60f-a2ef72d9f499,'),
          json('receive', [{ status: 'ok' }], '43/contree,0'),
          json('send', undefined, '2'),
        ],
      }),
    ]);
    expect(stream?.events.map((e) => [e.event, e.type, e.seen])).toEqual([
      ['receive', '/contree ack', 1],
      ['receive', '/{id} gmsg.out', 2],
      ['receive', 'connect', 1],
      ['receive', 'open', 1],
      ['send', 'pactiveall', 1],
      ['send', 'ping', 1],
    ]);
    // Two messages: whole numbers, not yet enough samples to claim `integer`.
    expect(observed(stream!.events[1]!.schema!.properties!.msgId!).type).toBe('number');
  });

  it.each([
    ['/chat', '/chat hello'],
    ['/v1/live', '/v1/live hello'],
    ['/Alice Smith', '/{id} hello'],
    ['/<email:1>', '/{id} hello'],
    ['/<jwt:1 claims=a,b>', '/{id} hello'],
    ['/+14155550123', '/{id} hello'],
  ])('shows the namespace %s only when it is a plain word', async (namespace, type) => {
    const stream = await streamOf([makeExchange({ path: '/socket.io/', webSocket: [json('send', ['hello', { a: 1 }], `42${namespace},`)] })]);
    expect(stream?.events.map((e) => e.type)).toEqual([type]);
  });

  it('is absent when no exchange has WebSocket messages', async () => {
    expect(await streamOf([makeExchange()])).toBeUndefined();
  });
});
