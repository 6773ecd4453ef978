/**
 * The main flow, table by table: which calls it holds and in what order (producers first, the
 * sign-in leading), what each message names, where it is cut; the Mermaid text's escaping (every
 * character a capture can hold comes back as written, none is Mermaid syntax); the SVG's
 * escaping, layout and determinism. Rendering by the real mermaid library: test/browser.
 */
import { describe, expect, it } from 'vitest';
import type { ApiModel, Endpoint, Link } from '../../src/model.js';
import { buildFlow, type Flow } from '../../src/render/flow.js';
import { mermaidSequence, mermaidText } from '../../src/render/flow-mermaid.js';
import { flowSvg } from '../../src/render/flow-svg.js';
import { makeEndpoint, makeModel } from '../support/model.js';

const ep = (method: string, path: string, extra: Partial<Endpoint> = {}): Endpoint => makeEndpoint({ method, path, ...extra });
const link = (from: Endpoint, fromIn: Link['from']['in'], fromName: string, to: Endpoint, toIn: Link['to']['in'], toName: string, seen = 1): Link => ({
  from: { endpoint: from.key, in: fromIn, name: fromName },
  to: { endpoint: to.key, in: toIn, name: toName },
  seen,
  of: seen,
});

// A shop: sign-in, a list, a detail, a payment; the model's order (GET before POST) is not the capture's.
const signIn = ep('POST', '/sessions');
const list = ep('GET', '/orders');
const detail = ep('GET', '/orders/{order_id}');
const pay = ep('POST', '/payments');
const other = ep('GET', '/health');
const shop = (links: Link[]): ApiModel => makeModel([detail, other, list, pay, signIn], { links });

const texts = (flow: Flow | null): string[] =>
  (flow?.messages ?? []).map((m) => `${flow!.participants[m.from]}${m.reply ? ' <-- ' : ' -> '}${flow!.participants[m.to]}: ${m.text}`);

describe('buildFlow', () => {
  it.each<[string, Link[], string[]]>([
    ['no link: no flow', [], []],
    [
      'sign-in → token → calls: the producer of most inputs leads, producers before consumers',
      [
        link(signIn, 'body', 'access_token', list, 'header', 'authorization'),
        link(signIn, 'body', 'access_token', detail, 'header', 'authorization'),
        link(signIn, 'cookie', 'sid', pay, 'cookie', 'sid'),
        link(list, 'body', 'items[].id', detail, 'path', 'order_id'),
        link(list, 'body', 'items[].id', pay, 'body', 'order_id'),
      ],
      [
        'Client -> sessions: POST /sessions',
        'sessions <-- Client: body access_token, set-cookie sid',
        'Client -> orders: GET /orders (header authorization)',
        'orders <-- Client: body items[].id',
        'Client -> orders: GET /orders/{order_id} (header authorization, path order_id)',
        'Client -> payments: POST /payments (body order_id, cookie sid)',
      ],
    ],
    [
      'a self-link (a cursor) makes one call that sends and hands on',
      [link(list, 'body', 'next', list, 'query', 'cursor')],
      ['Client -> orders: GET /orders (query cursor)', 'orders <-- Client: body next'],
    ],
    [
      'a cycle is broken at the endpoint that comes first in the model',
      [link(detail, 'body', 'a', pay, 'body', 'a'), link(pay, 'body', 'b', detail, 'query', 'b')],
      [
        'Client -> orders: GET /orders/{order_id} (query b)',
        'orders <-- Client: body a',
        'Client -> payments: POST /payments (body a)',
        'payments <-- Client: body b',
      ],
    ],
    [
      'more than four names end with …',
      ['a', 'b', 'c', 'd', 'e'].map((n) => link(list, 'body', n, detail, 'query', n)),
      [
        'Client -> orders: GET /orders',
        'orders <-- Client: body a, body b, body c, body d, …',
        'Client -> orders: GET /orders/{order_id} (query a, query b, query c, query d, …)',
      ],
    ],
    [
      'a link to an endpoint the model does not have is left out',
      [{ ...link(list, 'body', 'x', detail, 'path', 'order_id'), to: { endpoint: 'GET gone /x', in: 'path', name: 'x' } }],
      [],
    ],
  ])('%s', (_label, links, expected) => {
    expect(texts(buildFlow(shop(links)))).toEqual(expected);
  });

  it('cuts the flow at whole calls, within the message cap, and says how many calls there were', () => {
    const steps = Array.from({ length: 12 }, (_, i) => [ep('GET', `/step${i}/start`), ep('POST', `/step${i}/finish`)] as const);
    const links = steps.map(([start, finish], i) => link(start, 'body', `ref${i}`, finish, 'body', `ref${i}`));
    const flow = buildFlow(makeModel(steps.flat(), { links }), 7)!;
    expect(flow.calls).toBe(24);
    expect(flow.messages.length).toBeLessThanOrEqual(7);
    // Each start is a call and a reply, each finish a call: 2 + 1 + 2 + 1 = 6; the next start would make 8.
    expect(flow.shown).toBe(4);
    expect(flow.messages).toHaveLength(6);
  });

  it('draws hosts, not resources, when the flow spans several hosts', () => {
    const a = ep('POST', '/token', { host: 'auth.example' });
    const b = ep('GET', '/me', { host: 'api.example' });
    const flow = buildFlow(makeModel([a, b], { links: [link(a, 'body', 'access_token', b, 'header', 'authorization')] }))!;
    expect(flow.participants).toEqual(['Client', 'auth.example', 'api.example']);
  });

  it('keeps a long name to one short line', () => {
    const long = ep('GET', `/${'x'.repeat(300)}\n/y`);
    const flow = buildFlow(makeModel([list, long], { links: [link(list, 'body', 'id', long, 'query', 'q\nr')] }))!;
    for (const m of flow.messages) {
      expect([...m.text].length).toBeLessThanOrEqual(96);
      expect(m.text).not.toMatch(/\n/);
    }
  });
});

/** Mermaid's entity codes back to characters, as Mermaid shows them. */
const decode = (text: string): string => text.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));

describe('mermaidText', () => {
  it.each([
    ['plain names stay readable', 'GET /orders/{order_id} (path order_id)', 'GET /orders/{order_id} (path order_id)'],
    ['a statement separator', 'a;b', 'a#59;b'],
    ['an entity code as written', '#35;', '#35;35#59;'],
    ['a comment', 'a %% b', 'a #37;#37; b'],
    ['markup', '<b>&', '#60;b#62;#38;'],
    ['quotes and backticks', `"'\``, '#34;#39;#96;'],
    ['a line break', 'a\nb', 'a#10;b'],
    ['a direction override', 'a\u202eb', 'a#8238;b'],
    ['maths', '$$x$$', '#36;#36;x#36;#36;'],
    ['a colon and a comma in an alias', 'x:y,z', 'x#58;y#44;z'],
    ['letters of any script stay', 'заказ 注文', 'заказ 注文'],
    ['nothing visible: a no-break space', ' ', '#160;'],
  ])('%s', (_label, input, expected) => {
    expect(mermaidText(input)).toBe(expected);
    if (input.trim() !== '') expect(decode(mermaidText(input))).toBe(input);
  });

  it('writes one statement per line, with generated participant ids', () => {
    const flow: Flow = {
      participants: ['Client', 'end', 'participant P0'],
      messages: [
        { from: 0, to: 1, reply: false, text: 'GET /end;\nparticipant X' },
        { from: 1, to: 0, reply: true, text: 'body a, body b' },
        { from: 0, to: 2, reply: false, text: '--> P0' },
      ],
      calls: 2,
      shown: 2,
    };
    expect(mermaidSequence(flow).split('\n')).toEqual([
      'sequenceDiagram',
      '    participant P0 as Client',
      '    participant P1 as end',
      '    participant P2 as participant P0',
      '    P0->>P1: GET /end#59;#10;participant X',
      '    P1-->>P0: body a, body b',
      '    P0->>P2: --#62; P0',
    ]);
  });
});

describe('flowSvg', () => {
  const flow: Flow = {
    participants: ['Client', '<script>alert(1)</script>', 'a\u202eb'],
    messages: [
      { from: 0, to: 1, reply: false, text: `GET /x?"onload="alert(1)` },
      { from: 1, to: 0, reply: true, text: 'body </svg><script>x</script>' },
      { from: 0, to: 2, reply: false, text: 'POST /y' },
    ],
    calls: 3,
    shown: 3,
  };

  it('escapes every text, makes invisible characters visible, and holds no script, style or id', () => {
    const svg = flowSvg(flow);
    expect(svg).not.toMatch(/<script|<\/svg>[\s\S]|\sonload=|\sstyle=|\sid=|href/i);
    expect(svg).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(svg).toContain('a\\u202eb');
    expect(svg).not.toMatch(/\u202e/);
    expect(svg.match(/<text /g)).toHaveLength(flow.participants.length + flow.messages.length);
    expect(svg.match(/stroke-dasharray="6 4"/g)).toHaveLength(1);
  });

  it('is deterministic, with integer coordinates, and widens for a long message', () => {
    const svg = flowSvg(flow);
    expect(flowSvg(flow)).toBe(svg);
    const numbers = [...svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|width|height)="([^"]+)"/g)].map((m) => m[1]!);
    expect(numbers.every((n) => /^-?\d+$/.test(n))).toBe(true);
    const width = (s: string) => Number(/ width="(\d+)"/.exec(s)![1]);
    const longer = { ...flow, messages: [{ ...flow.messages[0]!, text: 'x'.repeat(120) }, ...flow.messages.slice(1)] };
    expect(width(flowSvg(longer))).toBeGreaterThan(width(svg));
  });
});
