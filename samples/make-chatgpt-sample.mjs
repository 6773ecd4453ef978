#!/usr/bin/env node
// Writes samples/chatgpt.har: a synthetic capture shaped like a ChatGPT web session (the traffic
// behind seeds/000), with invented people, ids and tokens. Deterministic: the same script writes
// the same bytes. Run: node samples/make-chatgpt-sample.mjs
import { writeFileSync } from 'node:fs';

// A small seeded PRNG (mulberry32), so ids look random but never change between runs.
let state = 0x5eed;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (chars, n) => Array.from({ length: n }, () => chars[Math.floor(random() * chars.length)]).join('');
const hex = (n) => pick('0123456789abcdef', n);
const base62 = (n) => pick('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', n);
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

// Invented identity and credentials: nothing here belongs to a real person or account.
const person = { name: 'Alex Rivera', email: 'alex.rivera@example.com', id: `user-${base62(24)}` };
const accessToken = `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'sample-key' })}.${b64url({ sub: person.id, email: person.email, name: person.name, exp: 1767139200, iat: 1767132000, scope: 'openid profile email' })}.${base62(86)}`;
const sessionCookie = `${b64url({ alg: 'dir', enc: 'A256GCM' })}..${base62(22)}.${base62(180)}.${base62(22)}`;
const deviceId = uuid();
const sentinelToken = `gAAAAAB${base62(140)}==`;
const statsigKey = `client-${base62(43)}`;

let clock = Date.parse('2025-12-30T22:10:00.000Z');
const entries = [];
const header = (name, value) => ({ name, value });

function entry({ method = 'GET', url, requestBody, status = 200, mimeType = 'application/json', body, encoding, resourceType = 'fetch', extraHeaders = [] }) {
  clock += 1500 + Math.floor(random() * 4000);
  const requestHeaders = [
    header('accept', mimeType === 'text/event-stream' ? 'text/event-stream' : '*/*'),
    header('accept-language', 'en-US,en;q=0.9'),
    header('authorization', `Bearer ${accessToken}`),
    header('cookie', `__Secure-next-auth.session-token=${sessionCookie}; oai-did=${deviceId}; _cfuvid=${base62(40)}-${clock}-0.0.1.1-604800000; theme=dark`),
    header('oai-device-id', deviceId),
    header('oai-language', 'en-US'),
    header('user-agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'),
    ...extraHeaders,
  ];
  const postData = requestBody === undefined ? undefined : { mimeType: 'application/json', text: JSON.stringify(requestBody) };
  if (postData) requestHeaders.push(header('content-type', 'application/json'));
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const content = { size: Buffer.byteLength(text), mimeType, text: encoding === 'base64' ? Buffer.from(text).toString('base64') : text };
  if (encoding) content.encoding = encoding;
  const parsed = new URL(url);
  entries.push({
    startedDateTime: new Date(clock).toISOString(),
    time: 120,
    request: {
      method,
      url,
      httpVersion: 'h2',
      headers: requestHeaders,
      queryString: [...parsed.searchParams].map(([name, value]) => ({ name, value })),
      cookies: [
        { name: '__Secure-next-auth.session-token', value: sessionCookie },
        { name: 'oai-did', value: deviceId },
        { name: 'theme', value: 'dark' },
      ],
      headersSize: -1,
      bodySize: postData ? postData.text.length : 0,
      ...(postData ? { postData } : {}),
    },
    response: {
      status,
      statusText: status === 200 ? 'OK' : status === 404 ? 'Not Found' : status === 202 ? 'Accepted' : '',
      httpVersion: 'h2',
      headers: [header('content-type', mimeType), header('cf-ray', `${hex(16)}-IAD`), header('x-request-id', uuid())],
      cookies: [],
      content,
      redirectURL: '',
      headersSize: -1,
      bodySize: text.length,
    },
    cache: {},
    timings: { send: 0, wait: 100, receive: 20 },
    _resourceType: resourceType,
  });
}

const api = 'https://chatgpt.com/backend-api';
const conversations = [uuid(), uuid(), uuid()];
const gizmos = [`g-p-${hex(32)}`, `g-p-${hex(32)}`, `g-p-${hex(32)}`, `g-p-${hex(32)}`];
const iso = () => new Date(clock - Math.floor(random() * 9e8)).toISOString().replace('Z', '000Z').replace('.000000Z', '.123456Z');

// Page load: a document, a script and an image that the reference leaves out by default.
entry({ url: 'https://chatgpt.com/', mimeType: 'text/html', body: '<!doctype html><title>ChatGPT</title>', resourceType: 'document' });
entry({ url: 'https://cdn.oaistatic.com/assets/app-4f2a.js', mimeType: 'application/javascript', body: 'console.log(1)', resourceType: 'script' });
entry({ url: 'https://cdn.oaistatic.com/assets/logo.png', mimeType: 'image/png', body: 'PNG', encoding: 'base64', resourceType: 'image' });

entry({
  url: `${api}/me`,
  body: {
    object: 'user',
    id: person.id,
    email: person.email,
    name: person.name,
    picture: 'https://s.gravatar.com/avatar/0f3c9a7d2b1e4c5a6f7e8d9c0b1a2f3e?s=480',
    created: 1700000000,
    phone_number: null,
    mfa_flag_enabled: false,
    amr: [],
    groups: [],
    orgs: { object: 'list', data: [] },
  },
});
entry({
  url: `${api}/models?history_and_training_disabled=false`,
  body: {
    models: [
      {
        slug: 'gpt-5-2',
        max_tokens: 32767,
        title: 'GPT-5.2',
        description: 'Flagship model',
        tags: ['gpt5'],
        capabilities: {},
        product_features: { attachments: { type: 'retrieval' } },
      },
      { slug: 'gpt-5-mini', max_tokens: 8191, title: 'GPT-5 mini', description: 'Fast model', tags: [], capabilities: {}, product_features: {} },
    ],
    categories: [{ category: 'gpt_5', human_category_name: 'GPT-5', default_model: 'gpt-5-2' }],
  },
});
entry({
  url: `${api}/beacons/home`,
  body: {
    beacon_ui_response: {
      type: 'beacon_ui_response',
      beacon_id: 'images_homepage_promo',
      beacon_name: 'Images Homepage Promo Banner',
      action_items: [{ id: 'images_homepage_promo_cta_open', text: 'Check it out', type: 'primary', icon_url: null }],
    },
  },
});
entry({
  method: 'POST',
  url: `${api}/beacons/event`,
  requestBody: { beacon_id: 'images_homepage_promo', event_type: 'view', message_id: null },
  body: { success: true, message: 'success' },
});

for (const offset of [0, 28, 56]) {
  entry({
    url: `${api}/conversations?offset=${offset}&limit=28&order=updated&is_archived=false&is_starred=false`,
    body: {
      items: conversations.map((id, i) => ({
        id,
        title: ['Trip planning', 'LEGO set help', 'New chat'][i],
        create_time: iso(),
        update_time: iso(),
        pinned_time: null,
        mapping: null,
        current_node: null,
        gizmo_id: i === 0 ? gizmos[0] : null,
        is_archived: false,
        is_starred: i === 1 ? true : null,
        memory_scope: 'global_enabled',
        snippet: null,
      })),
      total: 57,
      limit: 28,
      offset,
      has_missing_conversations: false,
    },
  });
}

for (const [n, id] of conversations.entries()) {
  const root = uuid();
  const system = uuid();
  const user = uuid();
  const mapping = {
    [root]: { id: root, message: null, parent: null, children: [system] },
    [system]: {
      id: system,
      message: {
        id: system,
        author: { role: 'system', name: null, metadata: {} },
        create_time: null,
        content: { content_type: 'text', parts: [''] },
        status: 'finished_successfully',
        weight: 0,
        metadata: { is_visually_hidden_from_conversation: true },
        recipient: 'all',
        channel: null,
      },
      parent: root,
      children: [user],
    },
    [user]: {
      id: user,
      message: {
        id: user,
        author: { role: 'user', name: null, metadata: {} },
        create_time: 1767132000 + n,
        content: { content_type: 'text', parts: ['How do I export my data?'] },
        status: 'finished_successfully',
        weight: 1,
        metadata: {},
        recipient: 'all',
        channel: null,
      },
      parent: system,
      children: [],
    },
  };
  entry({
    url: `${api}/conversation/${id}`,
    body: {
      title: 'LEGO set help',
      create_time: 1767132000.5 + n,
      update_time: 1767132900.25 + n,
      mapping,
      current_node: user,
      conversation_id: id,
      is_archived: false,
      safe_urls: [],
      default_model_slug: 'gpt-5-2',
    },
  });
  entry({ url: `${api}/conversation/${id}/stream_status`, body: { status: n === 2 ? 'IS_STREAMING' : 'COMPLETE' } });
  entry({ url: `${api}/conversation/${id}/textdocs`, body: [] });
}
entry({ url: `${api}/conversation/${uuid()}`, status: 404, body: { detail: { code: 'conversation_not_found', message: 'Conversation not found' } } });
entry({ method: 'PATCH', url: `${api}/conversation/${conversations[2]}`, requestBody: { is_archived: true }, body: { success: true } });

for (const [n, gizmo] of [...gizmos, gizmos[1]].entries()) {
  entry({
    url: `${api}/gizmos/${gizmo}/conversations?cursor=${n % 2 ? 'eyJvZmZzZXQiOjI4fQ' : '0'}`,
    body: {
      items: [
        {
          id: uuid(),
          title: `Project chat ${n + 1}`,
          create_time: iso(),
          update_time: iso(),
          gizmo_id: gizmo,
          workspace_id: null,
          snippet: n === 0 ? 'Draft an itinerary for…' : null,
        },
      ],
      cursor: n % 2 ? null : 'eyJvZmZzZXQiOjI4fQ',
    },
  });
}
entry({
  url: `${api}/gizmos/snorlax/sidebar?conversations_per_gizmo=5`,
  body: { items: gizmos.slice(0, 2).map((id) => ({ gizmo: { id, display: { name: 'Project' } }, conversations: { items: [] } })), cursor: null },
});

for (const [n, text] of ['wi', 'will my', 'will my year'].entries()) {
  entry({
    method: 'POST',
    url: `${api}/conversation/experimental/generate_autocompletions`,
    requestBody: { input_text: text, num_completions: 3, in_search_mode: n === 2 },
    body: { completions: n === 0 ? [] : [`${text} with chatgpt remain?`] },
  });
}
entry({
  method: 'POST',
  url: `${api}/conversation/init`,
  requestBody: { gizmo_id: null, requested_default_model: 'gpt-5-2', conversation_id: null, timezone_offset_min: 300, system_hints: [] },
  body: { type: 'init', banner_info: null, blocked_features: [], model_limits: [], default_model_slug: 'gpt-5-2', atlas_mode_enabled: false },
});
entry({
  method: 'POST',
  url: `${api}/sentinel/chat-requirements/prepare`,
  requestBody: { p: sentinelToken },
  body: {
    persona: 'chatgpt-freeaccount',
    prepare_token: sentinelToken,
    turnstile: { required: true, dx: base62(64) },
    proofofwork: { required: true, seed: '0.4719', difficulty: '06b4f5' },
  },
});

// The conversation stream: server-sent events, several kinds, a resume token (a JWT) inside one.
const message = uuid();
const resumeToken = `${b64url({ alg: 'ES256', typ: 'JWT' })}.${b64url({ conduit_uuid: hex(32), conduit_location: '10.128.90.3:8301', cluster: 'sample-cluster' })}.${base62(86)}`;
const sse = [
  'event: delta_encoding\ndata: "v1"\n',
  `data: ${JSON.stringify({ type: 'resume_conversation_token', token: resumeToken, conversation_id: conversations[0] })}\n`,
  `event: delta\ndata: ${JSON.stringify({ p: '', o: 'add', v: { message: { id: message, author: { role: 'assistant', name: null, metadata: {} }, create_time: 1767132761.5, content: { content_type: 'text', parts: [''] }, status: 'in_progress', metadata: { model_slug: 'gpt-5-2' } }, conversation_id: conversations[0] }, c: 0 })}\n`,
  `event: delta\ndata: ${JSON.stringify({ v: 'Yes, your ' })}\n`,
  `event: delta\ndata: ${JSON.stringify({ v: 'year-in-review stays available.' })}\n`,
  `event: delta\ndata: ${JSON.stringify({ p: '/message/status', o: 'replace', v: 'finished_successfully' })}\n`,
  `data: ${JSON.stringify({ type: 'message_stream_complete', conversation_id: conversations[0] })}\n`,
  `data: ${JSON.stringify({ type: 'conversation_detail_metadata', banner_info: null, blocked_features: [], model_limits: [], limits_progress: [{ feature_name: 'deep_research', remaining: 5, reset_after: '2026-01-29T22:12:41.767145+00:00' }], default_model_slug: 'gpt-5-2' })}\n`,
  'data: [DONE]\n',
].join('\n');
entry({
  method: 'POST',
  url: `${api}/f/conversation`,
  mimeType: 'text/event-stream',
  extraHeaders: [header('openai-sentinel-chat-requirements-token', sentinelToken)],
  requestBody: {
    action: 'next',
    messages: [
      {
        id: uuid(),
        author: { role: 'user' },
        create_time: 1767132761.071,
        content: { content_type: 'text', parts: ['will my year with chatgpt remain? is there a way to export it?'] },
        metadata: { selected_sources: [] },
      },
    ],
    conversation_id: conversations[0],
    parent_message_id: 'client-created-root',
    model: 'gpt-5-2',
    timezone_offset_min: 300,
    timezone: 'America/New_York',
    conversation_mode: { kind: 'primary_assistant' },
    supports_buffering: true,
    supported_encodings: ['v1'],
    client_contextual_info: { is_dark_mode: true, page_height: 902, page_width: 1219, pixel_ratio: 2, app_name: 'chatgpt.com' },
  },
  body: sse,
});

// A file download whose JSON body the recorder stored as base64 (`content.encoding`).
for (let i = 0; i < 2; i++) {
  const file = `file-${base62(22)}`;
  entry({
    url: `${api}/files/download/${file}?conversation_id=${conversations[i]}&inline=false`,
    body: {
      status: 'success',
      download_url: `https://files.example-cdn.com/${file}?se=2026-01-01T00%3A00%3A00Z&sig=${base62(43)}`,
      metadata: null,
      file_name: `notes-${i + 1}.txt`,
      creation_time: iso(),
    },
    encoding: 'base64',
  });
}

entry({ url: `${api}/memories?include_memory_entries=false`, body: { memories: [], memory_max_tokens: 10000, memory_num_tokens: 0 } });
for (let i = 0; i < 2; i++)
  entry({
    method: 'POST',
    url: 'https://chatgpt.com/ces/v1/t',
    requestBody: { event: 'Page Viewed', anonymousId: uuid(), timestamp: iso() },
    body: { success: true },
  });
entry({
  method: 'POST',
  url: `https://ab.chatgpt.com/v1/rgstr?k=${statsigKey}&st=javascript-client&sv=3.26.0&t=${clock}&sid=${uuid()}&ec=3&gz=1`,
  status: 202,
  requestBody: { events: [{ eventName: 'statsig::diagnostics', user: { userID: person.id, email: person.email } }] },
  body: { success: true },
});

const har = { log: { version: '1.2', creator: { name: 'har2api-sample', version: '1.0' }, pages: [], entries } };
writeFileSync(new URL('./chatgpt.har', import.meta.url), `${JSON.stringify(har, null, 2)}\n`);
console.log(`wrote samples/chatgpt.har (${entries.length} entries)`);
