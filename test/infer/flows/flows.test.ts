/**
 * Flows over whole synthetic captures: every producer → consumer link planted is found with its
 * evidence, none is invented from coincidental equal values (`0`, `true`, `"en"`, counts, round
 * limits, timestamps, words), a value the client sent first links nothing, and no raw value
 * reaches the model's links or the Authentication data.
 */
import { describe, expect, it } from 'vitest';
import { isDistinctiveNumber, isDistinctiveString } from '../../../src/infer/flows/distinctive.js';
import { buildModel } from '../../../src/pipeline.js';
import { har, jsonEntry } from '../../support/har.js';

const API = 'https://shop.example.test/api/v2';

function entry(
  method: string,
  url: string,
  response: unknown,
  options: Parameters<typeof jsonEntry>[3] = {},
  extra: { cookies?: unknown[]; setCookies?: { name: string; value: string }[] } = {},
) {
  const e = jsonEntry(method, url, response, options) as {
    request: { cookies: unknown[] };
    response: { cookies: unknown[]; headers: { name: string; value: string }[] };
  };
  if (extra.cookies) e.request.cookies = extra.cookies;
  for (const c of extra.setCookies ?? []) e.response.headers.push({ name: 'set-cookie', value: `${c.name}=${c.value}; Path=/; HttpOnly` });
  return e;
}

async function linksOf(entries: unknown[]) {
  const { model } = await buildModel([{ label: 'capture.har', text: har(entries) }]);
  return {
    model,
    links: model.links.map(
      (l) =>
        `${l.to.endpoint.split(' ').slice(0, 1)} ${l.to.endpoint.split(' ')[2]} ${l.to.in}:${l.to.name} <- ${l.from.endpoint.split(' ')[0]} ${l.from.endpoint.split(' ')[2]} ${l.from.in}:${l.from.name} ${l.seen}/${l.of}`,
    ),
  };
}

const TOKEN = 'tok_9f8a7b6c5d4e3f2a1b0c9d8e';
const ORDER_A = '3f6c2a9e-8b1d-4c7e-9a2f-5d4b3c2a1e0f';
const ORDER_B = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CURSOR = 'cur_Zx81Qp02Lm';

describe('flows: planted links', () => {
  it('finds every planted producer → consumer link with its evidence, and nothing else', async () => {
    const auth = (token: string) => ({ headers: [{ name: 'authorization', value: `Bearer ${token}` }] });
    const { links } = await linksOf([
      entry('POST', `${API}/sessions`, { access_token: TOKEN, expires_in: 3600, ok: true }, { request: { user: 'demo', remember: true } }),
      entry(
        'GET',
        `${API}/orders?limit=50&lang=en`,
        {
          items: [
            { id: ORDER_A, total: 0, paid: true },
            { id: ORDER_B, total: 12 },
          ],
          next: CURSOR,
          count: 2,
        },
        auth(TOKEN),
      ),
      entry('GET', `${API}/orders?limit=50&lang=en&cursor=${CURSOR}`, { items: [], next: null, count: 0 }, auth(TOKEN)),
      entry('GET', `${API}/orders/${ORDER_A}`, { id: ORDER_A, total: 0, paid: true, lang: 'en' }, auth(TOKEN)),
      entry('GET', `${API}/orders/${ORDER_B}`, { id: ORDER_B, total: 12, paid: true }, auth(TOKEN)),
      entry(
        'POST',
        `${API}/payments`,
        { payment: 'pay_7Hq2Lx9Rt4' },
        { ...auth(TOKEN), request: { order_id: ORDER_A, amount: 0, confirm: true, locale: 'en' } },
      ),
    ]);
    expect(links).toEqual([
      `GET /api/v2/orders header:authorization <- POST /api/v2/sessions body:access_token 2/2`,
      `GET /api/v2/orders query:cursor <- GET /api/v2/orders body:next 1/1`,
      `GET /api/v2/orders/{order_id} header:authorization <- POST /api/v2/sessions body:access_token 2/2`,
      `GET /api/v2/orders/{order_id} path:order_id <- GET /api/v2/orders body:items[].id 2/2`,
      `POST /api/v2/payments body:order_id <- GET /api/v2/orders body:items[].id 1/1`,
      `POST /api/v2/payments header:authorization <- POST /api/v2/sessions body:access_token 1/1`,
    ]);
  });

  it('links nothing from coincidental equal values: 0, true, "en", counts, round limits, timestamps, words', async () => {
    const { links } = await linksOf([
      entry('GET', `${API}/settings`, {
        page: 0,
        enabled: true,
        lang: 'en',
        size: 50,
        limit: 1000,
        total: 12345600,
        updated: 1767132000,
        at: 1767132000123,
        theme: 'dark',
        status: 'finished_successfully',
        region: 'eu-west',
        date: '2025-01-01',
        version: '2.10.3',
      }),
      entry(
        'POST',
        `${API}/preferences?page=0&lang=en&limit=1000`,
        { ok: true },
        {
          request: {
            page: 0,
            enabled: true,
            lang: 'en',
            size: 50,
            limit: 1000,
            total: 12345600,
            updated: 1767132000,
            at: 1767132000123,
            theme: 'dark',
            status: 'finished_successfully',
            region: 'eu-west',
            date: '2025-01-01',
            version: '2.10.3',
          },
        },
      ),
    ]);
    expect(links).toEqual([]);
  });

  it('follows a header whose value changes between requests (a refreshed token, then the first again)', async () => {
    const refreshed = 'tok_0a1b2c3d4e5f6a7b8c9d0e1f';
    const auth = (token: string) => ({ headers: [{ name: 'Authorization', value: `Bearer ${token}` }] });
    const { links } = await linksOf([
      entry('POST', `${API}/sessions`, { access_token: TOKEN }),
      entry('GET', `${API}/me`, { ok: true }, auth(TOKEN)),
      entry('POST', `${API}/refresh`, { token: refreshed }, auth(TOKEN)),
      entry('GET', `${API}/me`, { ok: true }, auth(refreshed)),
      entry('GET', `${API}/me`, { ok: true }, auth(refreshed)),
      entry('GET', `${API}/me`, { ok: true }, auth(TOKEN)),
      entry('GET', `${API}/me`, { ok: true }, { headers: [{ name: 'authorization', value: 'Bearer short' }] }),
    ]);
    expect(links).toEqual([
      `GET /api/v2/me header:authorization <- POST /api/v2/refresh body:token 2/4`,
      `GET /api/v2/me header:authorization <- POST /api/v2/sessions body:access_token 2/4`,
      `POST /api/v2/refresh header:authorization <- POST /api/v2/sessions body:access_token 1/1`,
    ]);
  });

  it('a value the client sent first links nothing, even when a later response echoes it', async () => {
    const { links } = await linksOf([
      entry('POST', `${API}/drafts`, { draft_id: ORDER_A }, { request: { client_id: ORDER_A } }),
      entry('GET', `${API}/drafts/${ORDER_A}`, { draft_id: ORDER_A }),
    ]);
    expect(links).toEqual([]);
  });

  it('names the cookie a response set and the JWT lifetime, never a value', async () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'user-1', iat: 1767132000, exp: 1767135600, scope: 'read' })).toString('base64url');
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${payload}.c2lnbmF0dXJlLWJ5dGVzLWhlcmU`;
    const session = 'sess_4Fq8Zr2Lp9Xw';
    const { model } = await linksOf([
      entry('POST', `${API}/login`, { token: jwt }, { request: { user: 'demo' } }, { setCookies: [{ name: 'sid', value: session }] }),
      entry(
        'GET',
        `${API}/me`,
        { name: 'x' },
        { headers: [{ name: 'authorization', value: `Bearer ${jwt}` }] },
        { cookies: [{ name: 'sid', value: session }] },
      ),
    ]);
    const host = model.hosts[0]!;
    expect(host.baseUrl).toBe('https://shop.example.test/api/v2');
    const bearer = host.auth.credentials.find((c) => c.type === 'bearer')!;
    expect(bearer).toMatchObject({ variable: 'BEARER_TOKEN', jwt: { claims: ['exp', 'iat', 'scope', 'sub'], lifetime: { min: 3600, max: 3600 } } });
    expect(bearer.issuedBy).toEqual([{ endpoint: 'POST shop.example.test /api/v2/login', via: 'body', name: 'token', seen: 1 }]);
    const cookie = host.auth.credentials.find((c) => c.type === 'cookie')!;
    expect(cookie.issuedBy).toEqual([{ endpoint: 'POST shop.example.test /api/v2/login', via: 'set-cookie', name: 'sid', seen: 1 }]);
    const text = JSON.stringify(model);
    for (const secret of [jwt, payload, session]) expect(text).not.toContain(secret);
  });
});

describe('flows: body places', () => {
  // Each place's printed name is remembered per body shape; this shows the names stay right
  // whichever shape a body comes in first, and keys that are data share one `{key}` place.
  it.each<[string, unknown, string]>([
    ['a top-level field', { token: TOKEN }, 'token'],
    ['a nested field', { data: { session: { token: TOKEN } } }, 'data.session.token'],
    ['a field in a list', { items: [{ other: 1 }, { token: TOKEN }] }, 'items[].token'],
    ['a list of lists', [[TOKEN]], '[][]'],
    ['the body itself', TOKEN, '(body)'],
    ['a key that is an id', { byId: { '3f6c2a9e-8b1d-4c7e': { token: TOKEN } } }, 'byId.{key}.token'],
    ['a key with a space', { 'two words': TOKEN }, '{key}'],
    ['keys in another order', { items: [], byId: {}, token: TOKEN }, 'token'],
    ['a key after a key that is data', { byId: { a1b2c3d4e5f6: { x: 1 }, '3f6c2a9e-8b1d': { token: TOKEN } } }, 'byId.{key}.token'],
    ['a key after a list of objects', { items: [{ id: 1 }, { id: 2, token: TOKEN }] }, 'items[].token'],
  ])('%s', async (_, body, name) => {
    const { links } = await linksOf([
      // The same keys in other shapes first, so remembered places are reused, not recomputed.
      entry('GET', `${API}/warmup`, { token: 'x', data: { session: 1 }, items: [], byId: { k: 1 }, 'two words': 1 }),
      entry('GET', `${API}/grants`, body),
      entry('GET', `${API}/widgets?token=${encodeURIComponent(TOKEN)}`, { ok: true }),
    ]);
    expect(links).toEqual([`GET /api/v2/widgets query:token <- GET /api/v2/grants body:${name} 1/1`]);
  });
});

describe('distinctive values', () => {
  it.each<[string, boolean]>([
    ['0', false],
    ['true', false],
    ['en', false],
    ['en-US', false],
    ['finished_successfully', false],
    ['2025-01-01T00:00:00Z', false],
    ['1.2.3', false],
    ['1767132000', false],
    ['12345', true],
    ['3f6c2a9e-8b1d-4c7e-9a2f-5d4b3c2a1e0f', true],
    ['g-p-0123456789abcdef', true],
    ['hello world 12345678', false],
    ['QmFzZTY0VG9rZW5XaXRob3V0RGlnaXRz', true],
    // The date and version shapes are checked by hand before any regular expression runs.
    ['2025-01-01', false],
    ['2025-01-01_report7', false],
    ['2025-0101-abcd12', true],
    ['20250-1-01abc9', true],
    ['202x-01-01abc9', true],
    ['v1.2.3', false],
    ['10.20.30.40', false],
    ['v10.20a.30', true],
    ['1.2.3-beta4', true],
    ['x1.2.3.4.5', true],
  ])('%s → %s', (value, expected) => {
    expect(isDistinctiveString(value)).toBe(expected);
  });

  it.each<[number, boolean]>([
    [0, false],
    [1, false],
    [50, false],
    [1000, false],
    [65536, false],
    [15670, true],
    [1767132000, false],
    [1767132000123, false],
    [1.5, false],
    // Digit counts at the edges: four digits are never an id, sixteen always are.
    [9999, false],
    [10001, true],
    [-10001, true],
    [99999, true],
    [999999999999999, true],
    [1000000000000001, true],
    [2 ** 53 - 1, true],
    [2 ** 53, false],
  ])('%s → %s', (value, expected) => {
    expect(isDistinctiveNumber(value)).toBe(expected);
  });
});
