/**
 * Synthetic captures of the kinds of application real users record, built from a seed so each
 * run can draw other ids, names and counts than the ones rules were written against: a Django
 * REST Framework API, a Matrix client, Supabase/PostgREST, a ZAP crawl of a server-rendered
 * app, a Next.js app, socket.io and an OAuth sign-in. Each comes with the endpoints a reader must
 * find (parameter names erased: `GET host /api/articles/{}/`) and the noise that must not be
 * documented. Every value is invented here.
 */
import { type EntrySpec, harEntry, harLog, type Pair } from './har.js';
import type { Random } from './random.js';

export interface AppCapture {
  name: string;
  har: ReturnType<typeof harLog>;
  /** `METHOD host path` with parameter names erased (`{}`), sorted. */
  endpoints: string[];
  /** Reasons the noise must be left out for. */
  leftOut: string[];
  /** Expected Markdown Auth line per endpoint (by erased key), where one is expected. */
  auth?: Record<string, string>;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

function draw(random: Random, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[random.int(alphabet.length)];
  return out;
}

function uuid(random: Random): string {
  const h = (n: number) => draw(random, HEX, n);
  return `${h(8)}-${h(4)}-4${h(3)}-a${h(3)}-${h(12)}`;
}

/** A JWT-shaped token: base64url JSON header and payload, random signature. */
function jwt(random: Random, claims: Record<string, unknown>): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.${draw(random, ALNUM, 43)}`;
}

const XHR: Pair[] = [
  ['Sec-Fetch-Mode', 'cors'],
  ['Sec-Fetch-Dest', 'empty'],
];
const PAGE: Pair[] = [
  ['Sec-Fetch-Mode', 'navigate'],
  ['Sec-Fetch-Dest', 'document'],
  ['Accept', 'text/html,application/xhtml+xml'],
];

const entry = (spec: EntrySpec) => harEntry(spec);
const html = (text: string) => ({ mimeType: 'text/html', text });
const count = (random: Random, min: number, spread: number) => min + random.int(spread);

/** Noise every browser capture has: analytics, a connectivity check, mitmproxy's own page. */
function noise(): { entries: unknown[]; reasons: string[] } {
  return {
    entries: [
      entry({ method: 'POST', url: 'https://www.google-analytics.com/g/collect?v=2&tid=G-TEST', status: 204 }),
      entry({ url: 'http://connectivitycheck.gstatic.com/generate_204', status: 204 }),
      entry({ url: 'http://mitm.it/', content: html('<!doctype html><html></html>'), requestHeaders: PAGE }),
    ],
    reasons: ['telemetry', 'connectivity-check', 'recorder'],
  };
}

function drf(random: Random): AppCapture {
  const host = 'api.drf.test';
  const token = draw(random, HEX, 40);
  const headers: Pair[] = [...XHR, ['Authorization', `Token ${token}`], ['X-CSRFToken', draw(random, ALNUM, 32)]];
  const articles = Array.from({ length: count(random, 2, 4) }, () => uuid(random));
  const entries: unknown[] = [
    entry({
      method: 'POST',
      url: `https://${host}/api/v1/auth/login/`,
      requestHeaders: XHR,
      requestJson: { username: 'demo', password: 'pw' },
      json: { key: token },
    }),
    entry({ url: `https://${host}/api/v1/articles/`, requestHeaders: headers, json: articles.map((id) => ({ id, title: 't' })) }),
  ];
  for (const id of articles) {
    entries.push(entry({ url: `https://${host}/api/v1/articles/${id}/`, requestHeaders: headers, json: { id, title: 't', body: 'b' } }));
    entries.push(entry({ method: 'POST', url: `https://${host}/api/v1/bookmarks/${id}/`, requestHeaders: headers, requestJson: {}, json: { ok: true } }));
  }
  const n = noise();
  return {
    name: 'Django REST Framework',
    har: harLog([...entries, ...n.entries]),
    endpoints: [`GET ${host} /api/v1/articles/`, `GET ${host} /api/v1/articles/{}/`, `POST ${host} /api/v1/auth/login/`, `POST ${host} /api/v1/bookmarks/{}/`],
    leftOut: n.reasons,
    auth: { [`GET ${host} /api/v1/articles/{}/`]: 'apiKey (header `authorization`)' },
  };
}

function matrix(random: Random): AppCapture {
  const host = 'matrix.chat.test';
  const server = 'chat.test';
  const headers: Pair[] = [...XHR, ['Authorization', `Bearer syt_${draw(random, ALNUM, 10)}_${draw(random, ALNUM, 20)}_${draw(random, ALNUM, 6)}`]];
  const rooms = Array.from({ length: count(random, 1, 3) }, () => `!${draw(random, ALNUM, 18)}:${server}`);
  const entries: unknown[] = [
    entry({ url: `https://${host}/_matrix/client/v3/sync?since=s${random.int(1e6)}`, requestHeaders: headers, json: { next_batch: 's1' } }),
  ];
  rooms.forEach((room, i) => {
    // Element encodes the sigils; other clients do not.
    const inPath = i % 2 === 0 ? encodeURIComponent(room) : room;
    const txn = `m${1_700_000_000_000 + random.int(1e9)}.${random.int(20)}`;
    entries.push(entry({ url: `https://${host}/_matrix/client/v3/rooms/${inPath}/messages?dir=b&limit=20`, requestHeaders: headers, json: { chunk: [] } }));
    entries.push(
      entry({
        method: 'PUT',
        url: `https://${host}/_matrix/client/v3/rooms/${inPath}/send/m.room.message/${txn}`,
        requestHeaders: headers,
        requestJson: { msgtype: 'm.text', body: 'hi' },
        json: { event_id: `$${draw(random, ALNUM, 43)}` },
      }),
    );
    entries.push(
      entry({
        method: 'PUT',
        url: `https://${host}/_matrix/client/v3/rooms/${inPath}/typing/${encodeURIComponent(`@user${i}:${server}`)}`,
        requestHeaders: headers,
        requestJson: { typing: true },
        json: {},
      }),
    );
  });
  entries.push(
    entry({ url: `https://${host}/_matrix/client/v3/profile/${encodeURIComponent(`@alice:${server}`)}`, requestHeaders: headers, json: { displayname: 'A' } }),
  );
  const n = noise();
  return {
    name: 'Matrix',
    har: harLog([...entries, ...n.entries]),
    endpoints: [
      `GET ${host} /_matrix/client/v3/profile/{}`,
      `GET ${host} /_matrix/client/v3/rooms/{}/messages`,
      `GET ${host} /_matrix/client/v3/sync`,
      `PUT ${host} /_matrix/client/v3/rooms/{}/send/m.room.message/{}`,
      `PUT ${host} /_matrix/client/v3/rooms/{}/typing/{}`,
    ],
    leftOut: n.reasons,
    auth: { [`GET ${host} /_matrix/client/v3/sync`]: 'bearer (header `authorization`)' },
  };
}

function postgrest(random: Random): AppCapture {
  const host = `${draw(random, 'abcdefghijklmnopqrstuvwxyz', 20)}.supabase.test`;
  const anon = jwt(random, { iss: 'supabase', role: 'anon' });
  const session = jwt(random, { sub: uuid(random), role: 'authenticated' });
  const headers: Pair[] = [
    ...XHR,
    ['apikey', anon],
    ['Authorization', `Bearer ${session}`],
    ['x-client-info', 'supabase-js-web/2.0.0'],
    ['Accept-Profile', 'public'],
  ];
  const tables = ['memberships', 'profiles', 'bookings'].slice(0, count(random, 2, 2));
  const entries: unknown[] = [];
  for (const table of tables) {
    entries.push(entry({ url: `https://${host}/rest/v1/${table}?select=*&user_id=eq.${uuid(random)}`, requestHeaders: headers, json: [{ id: 1 }] }));
    entries.push(
      entry({
        method: 'PATCH',
        url: `https://${host}/rest/v1/${table}?id=eq.${random.int(100)}`,
        requestHeaders: headers,
        requestJson: { status: 'ok' },
        status: 204,
      }),
    );
  }
  entries.push(
    entry({ method: 'OPTIONS', url: `https://${host}/rest/v1/${tables[0]}`, requestHeaders: [['Access-Control-Request-Method', 'PATCH']], status: 204 }),
  );
  const endpoints = tables.flatMap((t) => [`GET ${host} /rest/v1/${t}`, `PATCH ${host} /rest/v1/${t}`]);
  return {
    name: 'Supabase/PostgREST',
    har: harLog(entries),
    endpoints,
    leftOut: ['cors-preflight'],
    auth: { [`GET ${host} /rest/v1/${tables[0]}`]: 'apiKey (header `apikey`) and bearer (header `authorization`)' },
  };
}

function zapCrawl(random: Random): AppCapture {
  const host = 'shop.zap.test';
  const ajax: Pair[] = [['X-Requested-With', 'XMLHttpRequest']];
  const items = Array.from({ length: count(random, 3, 3) }, () => 1000 + random.int(9000));
  const entries: unknown[] = [
    entry({ url: `http://${host}/`, content: html('<!DOCTYPE html><html><body>home</body></html>') }),
    entry({ url: `http://${host}/about.html`, content: html('<!DOCTYPE html><html><body>about</body></html>') }),
    entry({ url: `http://${host}/static/app.js`, content: { mimeType: 'application/javascript', text: '1' } }),
    entry({ url: `http://${host}/ajax/cart`, requestHeaders: ajax, content: html('<ul class="cart"><li>1</li></ul>') }),
    entry({
      method: 'POST',
      url: `http://${host}/login`,
      form: [
        ['user', 'demo'],
        ['pass', 'pw'],
      ],
      status: 302,
      location: `http://${host}/`,
    }),
  ];
  for (const id of items) entries.push(entry({ url: `http://${host}/ajax/items/${id}`, requestHeaders: ajax, content: html(`<div class="item">${id}</div>`) }));
  return {
    name: 'ZAP crawl',
    har: harLog(entries, { name: 'OWASP ZAP', version: '2.14' }),
    endpoints: [`GET ${host} /ajax/cart`, `GET ${host} /ajax/items/{}`, `POST ${host} /login`],
    leftOut: ['document', 'static-asset'],
  };
}

function nextJs(random: Random): AppCapture {
  const host = 'app.next.test';
  const user = `${draw(random, 'abcdefghijklmnopqrstuvwxyz', 7)}${random.int(99)}`;
  const rsc = (path: string) =>
    entry({
      url: `https://${host}${path}?_rsc=${draw(random, ALNUM, 5)}`,
      requestHeaders: [...XHR, ['RSC', '1'], ['Next-Router-State-Tree', '%5B%5D']],
      content: { mimeType: 'text/x-component', text: '0:["$"]' },
      resourceType: 'fetch',
    });
  const entries: unknown[] = [
    entry({ url: `https://${host}/dashboard`, requestHeaders: PAGE, content: html('<!DOCTYPE html><html></html>'), resourceType: 'document' }),
    rsc('/settings'),
    rsc(`/u/${user}`),
    entry({
      url: `https://${host}/_next/static/chunks/main-${draw(random, HEX, 16)}.js`,
      resourceType: 'script',
      content: { mimeType: 'application/javascript', text: '1' },
    }),
    entry({ url: `https://${host}/api/user`, requestHeaders: XHR, resourceType: 'fetch', json: { id: 1, name: 'n' } }),
    entry({ method: 'POST', url: `https://${host}/api/items`, requestHeaders: XHR, resourceType: 'fetch', requestJson: { name: 'x' }, json: { id: 2 } }),
  ];
  return {
    name: 'Next.js',
    har: harLog(entries),
    endpoints: [`GET ${host} /api/user`, `POST ${host} /api/items`],
    leftOut: ['document', 'rsc-navigation', 'static-asset'],
  };
}

function socketIo(random: Random): AppCapture {
  const host = 'rt.socket.test';
  const sid = draw(random, ALNUM, 20);
  const entries: unknown[] = [
    entry({
      url: `https://${host}/socket.io/?EIO=4&transport=polling&t=${draw(random, ALNUM, 7)}`,
      requestHeaders: XHR,
      content: { mimeType: 'text/plain', text: `0{"sid":"${sid}"}` },
    }),
    entry({
      method: 'POST',
      url: `https://${host}/socket.io/?EIO=4&transport=polling&sid=${sid}`,
      requestHeaders: XHR,
      postData: { mimeType: 'text/plain', text: '40' },
      content: { mimeType: 'text/plain', text: 'ok' },
    }),
    // Firefox records the upgrade but no frames.
    entry({
      url: `wss://${host}/socket.io/?EIO=4&transport=websocket&sid=${sid}`,
      status: 101,
      requestHeaders: [
        ['Upgrade', 'websocket'],
        ['Sec-WebSocket-Key', draw(random, ALNUM, 22)],
        ['Sec-WebSocket-Version', '13'],
      ],
    }),
  ];
  return {
    name: 'socket.io',
    har: harLog(entries, { name: 'Firefox', version: '150' }),
    endpoints: [`GET ${host} /socket.io/`, `POST ${host} /socket.io/`],
    leftOut: [],
  };
}

function oauth(random: Random): AppCapture {
  const idp = 'login.idp.test';
  const app = 'www.oauth-app.test';
  const state = draw(random, ALNUM, 16);
  const code = draw(random, ALNUM, 24);
  const access = jwt(random, { sub: 'u', scope: 'openid' });
  const entries: unknown[] = [
    entry({
      url: `https://${idp}/oauth/authorize?client_id=app&response_type=code&redirect_uri=${encodeURIComponent(`https://${app}/callback`)}&state=${state}`,
      requestHeaders: PAGE,
      resourceType: 'document',
      status: 302,
      location: `https://${app}/callback?code=${code}&state=${state}`,
    }),
    entry({
      url: `https://${app}/callback?code=${code}&state=${state}`,
      requestHeaders: PAGE,
      resourceType: 'document',
      content: html('<!doctype html><html></html>'),
    }),
    entry({
      method: 'POST',
      url: `https://${idp}/oauth/token`,
      form: [
        ['grant_type', 'authorization_code'],
        ['code', code],
      ],
      json: { access_token: access, token_type: 'Bearer' },
    }),
    entry({ url: `https://${idp}/userinfo`, requestHeaders: [...XHR, ['Authorization', `Bearer ${access}`]], json: { sub: 'u' } }),
  ];
  return {
    name: 'OAuth',
    har: harLog(entries),
    endpoints: [`GET ${idp} /oauth/authorize`, `GET ${idp} /userinfo`, `POST ${idp} /oauth/token`],
    leftOut: ['document'],
    auth: { [`GET ${idp} /userinfo`]: 'bearer (header `authorization`)' },
  };
}

/** One capture of each kind, drawn from `random`. */
export function appCaptures(random: Random): AppCapture[] {
  return [drf, matrix, postgrest, zapCrawl, nextJs, socketIo, oauth].map((make) => {
    const capture = make(random);
    return { ...capture, endpoints: [...capture.endpoints].sort() };
  });
}
