#!/usr/bin/env node
// Generates an API-heavy synthetic HAR of a given size for the benchmark: mostly JSON API calls
// (1–10 KB bodies, 12 request and 10 response headers, ids in paths, optional and null fields,
// emails and tokens for redaction to find), some server-sent-event streams and a few static
// assets. Deterministic (seeded), and written entry by entry, so a 1 GB file never sits in memory.
//
//   node bench/generate.mjs <bytes|100m|1g> <out.har>
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)([kmg]?)b?$/i.exec(String(text));
  if (!match) throw new Error(`not a size: ${text} (try 100m or 1g)`);
  const unit = { '': 1, k: 1e3, m: 1e6, g: 1e9 }[match[2].toLowerCase()];
  return Math.round(Number(match[1]) * unit);
}

export async function generateHar(targetBytes, path) {
  let state = 0xbe4c4;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(random() * n);
  const pick = (list) => list[int(list.length)];
  const chars = (alphabet, n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[int(alphabet.length)];
    return s;
  };
  const hex = (n) => chars('0123456789abcdef', n);
  const b62 = (n) => chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', n);
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
  const b64url = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima', 'mike', 'november'];
  const sentence = (n) => Array.from({ length: n }, () => pick(words)).join(' ');

  // A browser session keeps its token and cookies for a while: new ones every 2 000 requests.
  let session = null;
  const newSession = () => ({
    jwt: `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ sub: 'user-bench', email: 'bench.user@example.com', exp: 1900000000 + int(1e6) })}.${b62(86)}`,
    cookie: `session=${b62(32)}; theme=dark; _ga=GA1.1.${int(1e9)}.${int(1e9)}`,
    sessionId: b62(32),
  });
  const users = Array.from({ length: 40 }, (_, i) => ({ id: 1000 + i, email: `user${i}@example.com`, name: `User ${i}` }));
  const conversations = Array.from({ length: 400 }, uuid);
  const gizmos = Array.from({ length: 30 }, () => `g-p-${hex(32)}`);
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const iso = () => new Date(clock - int(9e8)).toISOString();

  const message = () => ({
    id: `msg_${b62(24)}`,
    type: 'message',
    role: pick(['user', 'assistant', 'system']),
    status: pick(['completed', 'in_progress', 'completed']),
    created_at: iso(),
    updated_at: Math.floor(clock / 1000) - int(1e5),
    author: { id: pick(users).id, name: pick(users).name, avatar_url: random() < 0.3 ? null : `https://cdn.example.com/a/${hex(16)}.png`, roles: ['member'] },
    content: Array.from({ length: 1 + int(3) }, () => ({
      type: 'output_text',
      text: sentence(8 + int(40)),
      annotations:
        random() < 0.2 ? [{ type: 'url_citation', url: `https://docs.example.com/${pick(words)}`, start_index: int(100), end_index: 100 + int(100) }] : [],
    })),
    metadata: { model: pick(['gpt-5-2', 'gpt-5-mini']), finish_reason: random() < 0.1 ? null : 'stop', ...(random() < 0.3 ? { tool: pick(words) } : {}) },
    usage: { input_tokens: int(2000), output_tokens: int(800), details: { reasoning_tokens: random() < 0.5 ? null : int(300) } },
  });

  const endpoints = [
    () => ({
      method: 'GET',
      url: `https://api.example.com/api/v2/conversations?offset=${int(20) * 20}&limit=20&order=updated`,
      response: {
        object: 'list',
        data: Array.from({ length: 1 + int(6) }, () => ({
          id: pick(conversations),
          title: sentence(3),
          create_time: iso(),
          update_time: iso(),
          gizmo_id: random() < 0.3 ? pick(gizmos) : null,
          is_archived: false,
        })),
        has_more: random() < 0.5,
        total: 400,
      },
    }),
    () => {
      const id = pick(conversations);
      return {
        method: 'GET',
        url: `https://api.example.com/api/v2/conversation/${id}`,
        response: { id, title: sentence(3), messages: Array.from({ length: 2 + int(10) }, message), current_node: uuid(), owner: pick(users).email },
      };
    },
    () => ({
      method: 'GET',
      url: `https://api.example.com/api/v2/conversation/${pick(conversations)}/messages?limit=${pick([10, 20, 50])}`,
      response: {
        object: 'list',
        data: Array.from({ length: 3 + int(12) }, message),
        first_id: `msg_${b62(24)}`,
        last_id: `msg_${b62(24)}`,
        has_more: random() < 0.5,
      },
    }),
    () => ({
      method: 'POST',
      url: 'https://api.example.com/api/v2/messages',
      request: {
        conversation_id: pick(conversations),
        content: sentence(5 + int(30)),
        attachments: random() < 0.2 ? [{ file_id: `file-${b62(22)}`, name: `${pick(words)}.pdf` }] : [],
      },
      response: message(),
    }),
    () => {
      const user = pick(users);
      return {
        method: 'GET',
        url: `https://api.example.com/api/v2/users/${user.id}/settings`,
        response: {
          user_id: user.id,
          email: user.email,
          display_name: user.name,
          theme: pick(['dark', 'light']),
          language: 'en-US',
          notifications: { email: random() < 0.5, push: random() < 0.5 },
        },
      };
    },
    () => ({
      method: 'GET',
      url: `https://api.example.com/api/v2/gizmos/${pick(gizmos)}/conversations?cursor=${int(5)}`,
      response: {
        items: Array.from({ length: int(5) }, () => ({ id: pick(conversations), title: sentence(2), update_time: iso() })),
        cursor: random() < 0.5 ? null : b62(12),
      },
    }),
    () => ({
      method: 'PATCH',
      url: `https://api.example.com/api/v2/conversation/${pick(conversations)}`,
      request: { is_archived: random() < 0.5, title: random() < 0.5 ? sentence(2) : undefined },
      response: { success: true },
    }),
    () => ({
      method: 'GET',
      url: 'https://api.example.com/api/v2/models',
      response: { models: Array.from({ length: 6 }, (_, i) => ({ slug: `model-${i}`, max_tokens: 8192 * (i + 1), title: `Model ${i}`, tags: [pick(words)] })) },
    }),
    () => ({
      method: 'POST',
      url: 'https://api.example.com/api/v2/f/conversation',
      request: { action: 'next', conversation_id: pick(conversations), model: 'gpt-5-2', messages: [{ id: uuid(), content: sentence(10) }] },
      sse: true,
    }),
    () => ({ method: 'GET', url: `https://static.example.com/assets/app-${hex(8)}.js`, asset: true }),
  ];
  const weights = [12, 14, 10, 8, 6, 6, 3, 2, 3, 1];
  const total = weights.reduce((a, b) => a + b, 0);
  const choose = () => {
    let r = int(total);
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return endpoints[i];
    }
    return endpoints[0];
  };

  const requestHeaders = (extra) => [
    { name: 'accept', value: 'application/json' },
    { name: 'accept-encoding', value: 'gzip, deflate, br' },
    { name: 'accept-language', value: 'en-US,en;q=0.9' },
    { name: 'authorization', value: `Bearer ${session.jwt}` },
    { name: 'cookie', value: session.cookie },
    { name: 'origin', value: 'https://app.example.com' },
    { name: 'referer', value: 'https://app.example.com/c/1' },
    { name: 'sec-fetch-dest', value: 'empty' },
    { name: 'sec-fetch-mode', value: 'cors' },
    { name: 'sec-fetch-site', value: 'same-site' },
    { name: 'user-agent', value: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36' },
    { name: 'x-request-id', value: uuid() },
    ...extra,
  ];
  const responseHeaders = (type, length) => [
    { name: 'content-type', value: type },
    { name: 'content-length', value: String(length) },
    { name: 'date', value: new Date(clock).toUTCString() },
    { name: 'server', value: 'cloudflare' },
    { name: 'cf-ray', value: `${hex(16)}-IAD` },
    { name: 'cache-control', value: 'no-store' },
    { name: 'vary', value: 'Accept-Encoding' },
    { name: 'x-request-id', value: uuid() },
    { name: 'strict-transport-security', value: 'max-age=31536000' },
    { name: 'x-content-type-options', value: 'nosniff' },
  ];

  const out = createWriteStream(path);
  const write = async (text) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"log":{"version":"1.2","creator":{"name":"har2api-bench","version":"1"},"pages":[],"entries":[\n');
  let written = 0;
  let count = 0;
  while (written < targetBytes) {
    clock += 50 + int(500);
    if (count % 2000 === 0) session = newSession();
    const spec = choose()();
    let text;
    let type = 'application/json';
    if (spec.sse) {
      type = 'text/event-stream';
      const events = Array.from(
        { length: 5 + int(20) },
        (_, i) => `event: delta\ndata: ${JSON.stringify({ p: '/message/content/parts/0', o: 'append', v: sentence(2), c: i })}\n`,
      );
      text = [
        `data: ${JSON.stringify({ type: 'resume_token', token: `${b64url({ alg: 'ES256' })}.${b64url({ c: hex(16) })}.${b62(40)}` })}\n`,
        ...events,
        'data: [DONE]\n',
      ].join('\n');
    } else if (spec.asset) {
      type = 'application/javascript';
      text = `!function(){${sentence(200)}}();`;
    } else text = JSON.stringify(spec.response);
    const entry = {
      startedDateTime: new Date(clock).toISOString(),
      time: 20 + int(400),
      request: {
        method: spec.method,
        url: spec.url,
        httpVersion: 'h2',
        headers: requestHeaders(spec.request ? [{ name: 'content-type', value: 'application/json' }] : []),
        queryString: [...new URL(spec.url).searchParams].map(([name, value]) => ({ name, value })),
        cookies: [
          { name: 'session', value: session.sessionId },
          { name: 'theme', value: 'dark' },
        ],
        headersSize: -1,
        bodySize: spec.request ? JSON.stringify(spec.request).length : 0,
        ...(spec.request ? { postData: { mimeType: 'application/json', text: JSON.stringify(spec.request) } } : {}),
      },
      response: {
        status: random() < 0.03 ? 404 : 200,
        statusText: 'OK',
        httpVersion: 'h2',
        headers: responseHeaders(type, text.length),
        cookies: [],
        content: { size: text.length, mimeType: type, text },
        redirectURL: '',
        headersSize: -1,
        bodySize: text.length,
      },
      cache: {},
      timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 20, receive: 5 },
      _resourceType: spec.asset ? 'script' : 'fetch',
    };
    const json = `${count ? ',\n' : ''}${JSON.stringify(entry)}`;
    await write(json);
    written += json.length;
    count++;
  }
  await write('\n]}}\n');
  out.end();
  await once(out, 'finish');
  return { entries: count };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [size = '100m', path = 'bench/data/api-100m.har'] = process.argv.slice(2);
  const { entries } = await generateHar(parseSize(size), path);
  console.log(`wrote ${path} (${entries} entries)`);
}
