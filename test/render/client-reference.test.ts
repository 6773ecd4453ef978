/**
 * What a client author reads in the reference: a base URL per host, an Authentication section
 * naming every credential the capture sent (its shell variable, JWT claims and lifetime, the
 * call that issued it, CSRF pairs, which endpoints need which), where each input comes from, a
 * curl example per endpoint and the response headers that matter. Checked on a held-out
 * synthetic capture with a sign-in flow written here, on samples/ and on the real app captures
 * in ../shared/corpus-apps (read in place; skipped, visibly, where that folder is absent). The
 * secrets a capture holds are read from it at run time, and none may reach these sections.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Har2ApiError, renderOutputs } from '../../src/index.js';
import type { ApiModel } from '../../src/model.js';
import { buildModel } from '../../src/pipeline.js';
import { harEntry, harLog } from '../support/har.js';

const APPS = '../shared/corpus-apps';
const API = 'https://api.example.test/v1';
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An invented JWT that lives one hour. */
const JWT = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'user_8Hq2Lx9Rt4', iat: 1735689600, exp: 1735693200, scope: 'notes' })}.c2lnbmF0dXJlLW5vdC1yZWFsLTAxMjM0NTY3ODk`;
const SESSION = 'sess_Qp02Lm77Hq2Lx9Rt4AbZx81';
const CSRF = 'csrf_7a1b2c3d4e5f6a7b8c9d';
const NOTE = 'note_5d4b3c2a1e0f9a8b';

function heldOut(): string {
  const authed = (extra: [string, string][] = []): [string, string][] => [['authorization', `Bearer ${JWT}`], ['x-csrf-token', CSRF], ...extra];
  const cookies: [string, string][] = [
    ['session', SESSION],
    ['csrftoken', CSRF],
  ];
  const entries = [
    harEntry({
      method: 'POST',
      url: `${API}/oauth/token`,
      form: [
        ['grant_type', 'password'],
        ['username', 'demo'],
      ],
      json: { access_token: JWT, token_type: 'Bearer', expires_in: 3600 },
      responseCookies: [
        ['session', SESSION],
        ['csrftoken', CSRF],
      ],
      responseHeaders: [
        ['set-cookie', `session=${SESSION}; Path=/; HttpOnly`],
        ['set-cookie', `csrftoken=${CSRF}; Path=/`],
      ],
    }),
    harEntry({
      method: 'POST',
      url: `${API}/notes`,
      status: 201,
      requestHeaders: authed([['content-type', 'application/json']]),
      requestCookies: cookies,
      requestJson: { text: 'first note', pinned: false },
      json: { id: NOTE, text: 'first note' },
      location: `${API}/notes/${NOTE}`,
      responseHeaders: [
        ['x-ratelimit-remaining', '59'],
        ['x-ratelimit-limit', '60'],
      ],
    }),
    ...[1, 2].map(() =>
      harEntry({
        url: `${API}/notes/${NOTE}`,
        requestHeaders: authed(),
        requestCookies: cookies,
        json: { id: NOTE, text: 'first note' },
        responseHeaders: [['etag', '"v1-0a1b2c"']],
      }),
    ),
    harEntry({ url: `${API}/health`, json: { ok: true } }),
  ];
  return JSON.stringify(harLog(entries));
}

async function reference(text: string, label: string): Promise<{ model: ApiModel; markdown: string; html: string; openapi: string }> {
  const { model } = await buildModel([{ label, text }]);
  const outputs = await renderOutputs(model, ['markdown', 'html', 'openapi']);
  const content = (name: string) => outputs.find((o) => o.name === name)!.content;
  return { model, markdown: content('reference.md'), html: content('reference.html'), openapi: content('openapi.json') };
}

/** The Authentication section of the Markdown, and every curl example. */
function clientParts(markdown: string): string {
  const auth = /^## Authentication\n[\s\S]*?(?=^## )/m.exec(markdown)?.[0] ?? '';
  const curls = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  return [auth, ...curls].join('\n');
}

/**
 * The credentials' values in a raw capture: every `Authorization` value and its token, and the
 * values of the headers and cookies the model names as credentials or CSRF pairs, sent or set.
 */
function secretsOf(text: string, model: ApiModel, withPairs = false): string[] {
  type Pair = { name: string; value: string };
  type Entry = { request?: { headers?: Pair[]; cookies?: Pair[] }; response?: { headers?: Pair[]; cookies?: Pair[] } };
  const credentials = model.hosts.flatMap((h) => h.auth.credentials);
  // A header/cookie echo pair is a secret when the test planted it (a CSRF token); in a real
  // capture it may be any value sent twice (a device id, an operator's name), judged by the gate.
  const csrf = withPairs ? model.hosts.flatMap((h) => h.auth.csrf) : [];
  const headers = new Set([...credentials.filter((c) => c.in === 'header').map((c) => c.name.toLowerCase()), ...csrf.map((p) => p.header)]);
  const cookies = new Set([...credentials.filter((c) => c.in === 'cookie').map((c) => c.name), ...csrf.map((p) => p.cookie)]);
  const out = new Set<string>();
  const cookie = (name: string, value: string) => void (cookies.has(name.trim()) && out.add(value.trim()));
  const doc = JSON.parse(text.replace(/^\uFEFF/, '')) as { log?: { entries?: Entry[] } };
  for (const entry of doc.log?.entries ?? []) {
    for (const h of [...(entry.request?.headers ?? []), ...(entry.response?.headers ?? [])]) {
      const name = String(h.name).toLowerCase();
      const value = String(h.value ?? '');
      if (name === 'authorization' || headers.has(name)) out.add(value).add(value.replace(/^\S+\s+/, ''));
      if (name === 'cookie') for (const part of value.split(';')) cookie(part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1));
      if (name === 'set-cookie') {
        const first = value.split(';')[0]!;
        cookie(first.slice(0, first.indexOf('=')), first.slice(first.indexOf('=') + 1));
      }
    }
    for (const c of [...(entry.request?.cookies ?? []), ...(entry.response?.cookies ?? [])]) cookie(String(c.name), String(c.value ?? ''));
  }
  // Short values (`1`, `en`, `true`) are no secret and appear anywhere.
  return [...out].filter((v) => v.length >= 12);
}

/** Every host has a base URL; every credential an endpoint sent is named, with its variable, in the Authentication section. */
function expectClientSections(model: ApiModel, markdown: string): void {
  for (const host of model.hosts) {
    expect(host.baseUrl).toMatch(/^(https?|wss?):\/\/[^/]+/);
    expect(markdown).toContain(`Base URL: \`${host.baseUrl}\``);
  }
  const auth = /^## Authentication\n[\s\S]*?(?=^## )/m.exec(markdown)?.[0] ?? '';
  for (const endpoint of model.endpoints) {
    const host = model.hosts.find((h) => h.name === endpoint.host)!;
    for (const scheme of endpoint.auth) {
      const credential = host.auth.credentials.find((c) => c.in === scheme.in && c.name.toLowerCase() === scheme.name.toLowerCase());
      expect(credential, `${endpoint.key}: ${scheme.in} ${scheme.name}`).toBeDefined();
      expect(auth).toContain(`\`$${credential!.variable}\``);
    }
  }
}

describe('the reference for a client author', () => {
  it('a held-out sign-in capture: who issued each credential, its lifetime, CSRF pairs, inputs, curl and response headers', async () => {
    const text = heldOut();
    const { model, markdown, html, openapi } = await reference(text, 'held-out.har');
    expectClientSections(model, markdown);
    const auth = /^## Authentication\n[\s\S]*?(?=^## )/m.exec(markdown)![0];
    // The bearer token came from the token endpoint's access_token; the cookies from its Set-Cookie.
    expect(auth).toMatch(
      /\| bearer \| header `authorization` \| `\$BEARER_TOKEN` \|[^\n]*`exp`, `iat`, `scope`, `sub` \| 1 h \| \[`POST \/v1\/oauth\/token`\]\(#post-v1oauthtoken\) → body `access_token` ×\d/,
    );
    expect(auth).toMatch(/\| cookie \| cookie `session` \| `\$SESSION` \|[^\n]*`POST \/v1\/oauth\/token`[^\n]*→ set-cookie `session`/);
    expect(auth).toContain('header `x-csrf-token` = cookie `csrftoken`');
    expect(auth).toMatch(/- none: \[`GET \/v1\/health`\]/);
    // Inputs: the note id came from the POST that created it.
    expect(markdown).toContain('- `note_id` (path): from [`POST /v1/notes`](#post-v1notes) → `id`, 2 of 2');
    // Response headers that matter, and the curl examples reading the variables.
    expect(markdown).toMatch(/Headers: `location` \(location, e\.g\. `[^`]+`\), `x-ratelimit-limit` \(rate-limit, e\.g\. `60`\), `x-ratelimit-remaining`/);
    expect(markdown).toMatch(/Headers: `etag` \(caching/);
    expect(markdown).toContain(`-H 'authorization: Bearer '"$BEARER_TOKEN"`);
    expect(markdown).toContain(`-H 'x-csrf-token: '"$X_CSRF_TOKEN"`);
    expect(markdown).toContain(`-b 'session='"$SESSION"'; csrftoken='"$X_CSRF_TOKEN"`);
    expect(markdown.match(/^```sh$/gm)).toHaveLength(model.endpoints.length);
    // OpenAPI: the same facts in the security scheme and the response headers.
    const document = JSON.parse(openapi);
    expect(document.components.securitySchemes.bearerAuth.description).toMatch(
      /`\$BEARER_TOKEN`.*lifetime \(exp - iat\) 1 hour\(s\).*`POST \/v1\/oauth\/token` \(body `access_token`.*OAuth 2 token URL: `https:\/\/api\.example\.test\/v1\/oauth\/token`/,
    );
    expect(Object.keys(document.paths['/v1/notes'].post.responses['201'].headers)).toEqual(['location', 'x-ratelimit-limit', 'x-ratelimit-remaining']);
    // The HTML shows the same sections.
    expect(html).toContain('<h2>Authentication</h2>');
    expect(html).toContain('Inputs from earlier calls');
    // Nothing secret: the capture's credential values (read from it here) are in none of it.
    const secrets = secretsOf(text, model, true);
    expect(secrets).toEqual(expect.arrayContaining([JWT, SESSION, CSRF]));
    for (const output of [markdown, html, openapi]) for (const secret of secrets) expect(output).not.toContain(secret);
  });

  it('samples/chatgpt.har', async () => {
    const text = readFileSync('samples/chatgpt.har', 'utf8');
    const { model, markdown } = await reference(text, 'chatgpt.har');
    expectClientSections(model, markdown);
    expect(markdown).toContain('- `conversation_id` (path): from [`GET /backend-api/conversations`](#get-backend-apiconversations) → `items[].id`');
    const parts = clientParts(markdown);
    for (const secret of secretsOf(text, model)) expect(parts).not.toContain(secret);
  });

  const apps = existsSync(APPS)
    ? readdirSync(APPS)
        .filter((f) => f.endsWith('.har'))
        .sort()
    : [];
  describe.skipIf(apps.length === 0)('../shared/corpus-apps', () => {
    it.each(apps)(
      '%s',
      async (file) => {
        const text = readFileSync(`${APPS}/${file}`, 'utf8');
        let built: Awaited<ReturnType<typeof reference>>;
        try {
          built = await reference(text, file);
        } catch (error) {
          if (error instanceof Har2ApiError) return; // not a HAR (an LFS pointer): corpus.test.ts pins those outcomes
          throw error;
        }
        expectClientSections(built.model, built.markdown);
        const parts = clientParts(built.markdown);
        for (const secret of secretsOf(text, built.model)) expect(parts).not.toContain(secret);
      },
      60_000,
    );
  });
});
