import { describe, expect, it } from 'vitest';
import { MAX_TYPES_PER_EVENT, StreamKindsAccumulator, type StreamMessage } from '../../src/infer/events.js';
import { createGate } from '../../src/infer/gate.js';

const typed = (event: string, type: string, json: Record<string, unknown> = {}): StreamMessage => ({ event, type, json: { type, ...json } as never });

async function kindsOf(messages: StreamMessage[]) {
  const accumulator = new StreamKindsAccumulator({ gate: createGate(null), place: 'response.body' });
  for (const message of messages) accumulator.add(message);
  return accumulator.finish();
}

describe('StreamKindsAccumulator', () => {
  it.each<[string, StreamMessage[], [string, string | undefined, number][]]>([
    [
      'one kind per name without types',
      [
        { event: 'delta', json: { v: 1 } },
        { event: 'delta', json: { v: 2 } },
        { event: 'ping', text: 'x' },
      ],
      [
        ['delta', undefined, 2],
        ['ping', undefined, 1],
      ],
    ],
    [
      'a kind per type under one name, sorted',
      [typed('message', 'b'), typed('message', 'a'), typed('message', 'b')],
      [
        ['message', 'a', 1],
        ['message', 'b', 2],
      ],
    ],
    [
      'untyped messages next to typed ones',
      [{ event: 'message', json: { v: 1 } }, typed('message', 'a')],
      [
        ['message', undefined, 1],
        ['message', 'a', 1],
      ],
    ],
    [
      `${MAX_TYPES_PER_EVENT} types stay kinds`,
      Array.from({ length: MAX_TYPES_PER_EVENT }, (_, i) => typed('message', `t${String(i).padStart(2, '0')}`)),
      Array.from({ length: MAX_TYPES_PER_EVENT }, (_, i) => ['message', `t${String(i).padStart(2, '0')}`, 1] as [string, string, number]),
    ],
    [
      `${MAX_TYPES_PER_EVENT + 1} types are values: one kind`,
      Array.from({ length: MAX_TYPES_PER_EVENT + 1 }, (_, i) => typed('message', `t${i}`)),
      [['message', undefined, MAX_TYPES_PER_EVENT + 1]],
    ],
  ])('%s', async (_, messages, expected) => {
    const { events } = await kindsOf(messages);
    expect(events.map((e) => [e.event, e.type, e.seen])).toEqual(expected);
  });

  it('describes kinds that became one over every message, from the first on', async () => {
    // Five messages of one type carry `first`; the types that follow do not. Once the types
    // overflow, the single kind must still count those first five (observed before a second
    // type showed up) and every message after the overflow.
    const messages = [
      ...Array.from({ length: 5 }, () => typed('message', 'a', { first: 'x' })),
      ...Array.from({ length: MAX_TYPES_PER_EVENT + 3 }, (_, i) => typed('message', `t${i}`, { n: i })),
      typed('message', 'a', { first: 'y', last: true }),
    ];
    const { events } = await kindsOf(messages);
    expect(events).toHaveLength(1);
    const [kind] = events;
    expect(kind).toMatchObject({ event: 'message', seen: messages.length });
    expect(kind!.type).toBeUndefined();
    expect(kind!.schema).toMatchObject({ 'x-samples': messages.length, required: ['type'] });
    expect(kind!.schema!.properties!.first!['x-seen']).toBe(6);
    expect(kind!.schema!.properties!.last!['x-seen']).toBe(1);
  });

  it('keeps the kinds of a name apart from what the name as a whole saw', async () => {
    const { events } = await kindsOf([typed('message', 'a', { x: 1 }), typed('message', 'b', { y: 'z' }), typed('message', 'a', { x: 2 })]);
    const a = events.find((e) => e.type === 'a')!;
    expect(a.seen).toBe(2);
    expect(Object.keys(a.schema!.properties!).sort()).toEqual(['type', 'x']);
  });

  it('takes sentinels apart, trimmed and sorted, and the first text of a kind as its example', async () => {
    const { events, sentinels } = await kindsOf([
      { event: 'message', text: ' [DONE] ' },
      { event: 'message', text: '[ABORT]' },
      { event: 'status', text: 'first line' },
      { event: 'status', text: 'second' },
      { event: 'message', text: '[DONE]' },
    ]);
    expect(sentinels).toEqual(['[ABORT]', '[DONE]']);
    expect(events).toEqual([{ event: 'status', seen: 2, example: 'first line' }]);
  });
});
