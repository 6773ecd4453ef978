/**
 * Synthetic captures of a made-up shop API, written for the conformance test: seeded, so each
 * seed gives the same capture every run, and shaped like the traffic that broke inference on real
 * captures: cursors that start as `0`, fields null in some responses, statuses with a rare value,
 * 64-bit ids, prices that are whole numbers until they are not, repeated and empty query keys,
 * reserved characters in filters, JSON sent as `text/plain`, objects only ever empty, maps keyed by
 * ids and by words, uniform rows, forms, uploads and GraphQL. Every value is invented.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** mulberry32: a small seeded generator, so a capture is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOST = 'https://shop.example.test';
const WORDS = ['lamp', 'chair', 'table', 'shelf', 'rug', 'mirror', 'vase', 'clock', 'stool', 'bench'];
const STATUSES = ['open', 'paid', 'shipped', 'delivered', 'cancelled'];

export function syntheticCapture(seed: number, count = 160): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const chance = (p: number) => next() < p;
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => '0123456789abcdef'[int(0, 15)]).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  };
  const snowflake = () => `1${Array.from({ length: 18 }, () => int(0, 9)).join('')}`;
  const cursor = () => Buffer.from(JSON.stringify({ after: int(1, 9999) })).toString('base64url');
  const price = () => (chance(0.6) ? int(5, 400) : int(500, 40000) / 100);
  const time = (i: number) => new Date(Date.UTC(2026, 0, 5, 9, 0, i)).toISOString();

  const product = (): Json => ({
    id: uuid(),
    name: `${pick(WORDS)} ${int(1, 99)}`,
    price: price(),
    discount: chance(0.5) ? null : int(1, 30),
    tags: Array.from({ length: int(0, 3) }, () => pick(WORDS)),
    attributes: {},
    image_url: chance(0.8) ? `${HOST}/img/${int(1, 999)}.jpg` : null,
    created_at: time(int(0, 86_400)),
  });
  const order = (): Json => ({
    id: snowflake(),
    status: chance(0.03) ? 'refunded' : pick(STATUSES),
    total: price(),
    items: Array.from({ length: int(1, 4) }, () => ({ product_id: uuid(), quantity: int(1, 5), note: chance(0.7) ? null : 'gift' })),
    shipping: chance(0.6) ? { city: pick(['Oslo', 'Lima', 'Pune', 'Kyiv']), zip: String(int(10000, 99999)) } : null,
    ledger_id: 2 ** 53 + int(1, 1000) * 2,
  });

  const entries: Json[] = [];
  for (let i = 0; i < count; i++) {
    const at = time(i * 7);
    switch (int(0, 9)) {
      case 0:
      case 1: {
        const first = chance(0.3);
        const query: [string, string][] = [
          ['cursor', first ? '0' : cursor()],
          ['limit', String(pick([20, 50]))],
        ];
        if (chance(0.4)) query.push(['q', chance(0.3) ? '' : pick(WORDS)]);
        for (let n = int(0, 3); n > 0; n--) query.push(['tag', pick(WORDS)]);
        entries.push(
          exchange(at, 'GET', '/api/products', query, null, 200, {
            data: Array.from({ length: int(0, 6) }, product),
            next_cursor: chance(0.2) ? null : cursor(),
          }),
        );
        break;
      }
      case 2:
        entries.push(exchange(at, 'GET', `/api/products/${uuid()}`, [], null, chance(0.1) ? 404 : 200, chance(0.1) ? { error: 'not_found' } : product()));
        break;
      case 3: {
        const query: [string, string][] = [['filter', `status:${pick(STATUSES)},created>${time(int(0, 9999)).slice(0, 10)}`]];
        for (let n = int(1, 3); n > 0; n--) query.push(['id', String(int(1, 900))]);
        entries.push(exchange(at, 'GET', '/api/orders', query, null, 200, { orders: Array.from({ length: int(0, 5) }, order), total: int(0, 500) }));
        break;
      }
      case 4: {
        const body: Json = { product_id: uuid(), quantity: int(1, 5), price: price(), ...(chance(0.5) ? { coupon: pick(['SPRING', 'VIP']) } : {}) };
        entries.push(exchange(at, 'POST', '/api/cart/items', [], { mimeType: 'application/json', text: JSON.stringify(body) }, 201, { id: uuid(), ...body }));
        break;
      }
      case 5: {
        // A `fetch` with a string body: the browser sends it as text/plain.
        const body = { event: pick(['view', 'add', 'remove']), product_id: uuid(), at, meta: {} };
        entries.push(exchange(at, 'POST', '/api/activity', [], { mimeType: 'text/plain;charset=UTF-8', text: JSON.stringify(body) }, 204, undefined));
        break;
      }
      case 6: {
        const stock = Object.fromEntries(
          STATUSES.filter(() => chance(0.6))
            .concat(chance(0.2) ? ['not available'] : [])
            .map((s) => [s, int(0, 90)]),
        );
        const rows = Array.from({ length: int(1, 4) }, () =>
          Object.fromEntries(['sku', 'aisle', 'shelf', 'bin', 'supplier'].map((k) => [k, chance(0.1) ? null : `${k}-${int(1, 99)}`])),
        );
        const byId = Object.fromEntries(Array.from({ length: int(1, 3) }, () => [uuid(), { count: int(0, 9), reserved: chance(0.5) }]));
        entries.push(exchange(at, 'GET', '/api/inventory', [], null, 200, { stock, rows, by_product: byId }));
        break;
      }
      case 7: {
        const form = `email_opt_in=${pick(['true', 'false'])}&page=${int(1, 9)}&sort=${pick(['new', 'old', 'price'])}`;
        entries.push(
          exchange(at, 'POST', '/api/preferences', [], { mimeType: 'application/x-www-form-urlencoded', text: form }, 200, {
            saved: true,
            version: int(1, 50),
          }),
        );
        break;
      }
      case 8: {
        const boundary = '----invented0boundary';
        const text = [
          `--${boundary}`,
          'Content-Disposition: form-data; name="caption"',
          '',
          `${pick(WORDS)} photo`,
          `--${boundary}`,
          'Content-Disposition: form-data; name="file"; filename="photo.jpg"',
          'Content-Type: image/jpeg',
          '',
          'not really a jpeg',
          `--${boundary}--`,
          '',
        ].join('\r\n');
        entries.push(
          exchange(at, 'POST', '/api/uploads', [], { mimeType: `multipart/form-data; boundary=${boundary}`, text }, 201, {
            id: uuid(),
            url: `${HOST}/img/${int(1, 999)}.jpg`,
          }),
        );
        break;
      }
      default: {
        const operation = pick(['ProductCard', 'Viewer', 'AddToWishlist']);
        const request =
          operation === 'ProductCard'
            ? { operationName: operation, query: 'query ProductCard($id: ID!) { product(id: $id) { id name price } }', variables: { id: uuid() } }
            : operation === 'Viewer'
              ? { operationName: operation, query: 'query Viewer { viewer { id name } }', variables: {} }
              : {
                  operationName: operation,
                  query: 'mutation AddToWishlist($id: ID!) { addToWishlist(id: $id) { ok } }',
                  variables: { id: uuid(), note: chance(0.5) ? 'x' : null },
                };
        const data: Json =
          operation === 'ProductCard'
            ? { product: { id: uuid(), name: pick(WORDS), price: price() } }
            : operation === 'Viewer'
              ? { viewer: { id: int(1, 9999), name: pick(WORDS) } }
              : { addToWishlist: { ok: chance(0.9) } };
        entries.push(exchange(at, 'POST', '/graphql', [], { mimeType: 'application/json', text: JSON.stringify(request) }, 200, { data }));
      }
    }
  }
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'har2api-synthetic', version: '1' }, entries } });
}

function exchange(
  at: string,
  method: string,
  path: string,
  query: [string, string][],
  body: { mimeType: string; text: string } | null,
  status: number,
  response: Json | undefined,
): Json {
  const search = query.length ? `?${query.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%3A|%2C|%3E/g, decodeURIComponent)}`).join('&')}` : '';
  const text = response === undefined ? '' : JSON.stringify(response);
  return {
    startedDateTime: at,
    time: 5,
    request: {
      method,
      url: `${HOST}${path}${search}`,
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'accept', value: 'application/json' }, ...(body ? [{ name: 'content-type', value: body.mimeType }] : [])],
      cookies: [],
      queryString: query.map(([name, value]) => ({ name, value })),
      ...(body ? { postData: body } : {}),
      headersSize: -1,
      bodySize: body ? body.text.length : 0,
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: response === undefined ? [] : [{ name: 'content-type', value: 'application/json' }],
      cookies: [],
      content: { size: text.length, mimeType: response === undefined ? '' : 'application/json', ...(text ? { text } : {}) },
      redirectURL: '',
      headersSize: -1,
      bodySize: text.length,
    },
    cache: {},
    timings: { send: 0, wait: 4, receive: 1 },
  };
}
