import { describe, expect, it } from 'vitest';
import { compileGlob, compilePathGlob, matchesGlob, matchesHost } from '../../src/normalise/glob.js';
import { isTelemetryHost } from '../../src/normalise/telemetry.js';
import { selectTraffic } from '../../src/normalise/traffic.js';
import type { Payload } from '../../src/exchange.js';
import { resolveOptions } from '../../src/options.js';
import { type ExchangeSpec, makeExchange as exchange } from '../support/exchange.js';

const SEGMENT_TRACK = { event: 'Page Viewed', anonymousId: 'anon-1', messageId: 'msg-1', timestamp: '2024-01-01T00:00:00Z' };
const multipartUpload: Payload = {
  mediaType: 'multipart/form-data',
  size: 120,
  content: {
    kind: 'multipart',
    parts: [
      { name: 'upfile', fileName: 'notes.txt', contentType: 'text/plain', value: null },
      { name: 'note', fileName: null, contentType: null, value: 'hello' },
    ],
  },
};
const formPost: Payload = { mediaType: 'application/x-www-form-urlencoded', size: 9, content: { kind: 'form', fields: [{ name: 'q', value: 'shoes' }] } };
const emptyPost: Payload = { mediaType: '', size: 0, content: { kind: 'empty' } };
const htmlHeader = [{ name: 'Content-Type', value: 'text/html; charset=utf-8' }];

function reason(spec: ExchangeSpec, options = {}): string | null {
  const { skipped } = selectTraffic([exchange(spec)], resolveOptions(options));
  return Object.keys(skipped)[0] ?? null;
}

describe('selectTraffic: what is left out by default', () => {
  it.each<[string, ExchangeSpec, string | null]>([
    ['an API call', { path: '/v1/items' }, null],
    ['an XHR with HTML', { path: '/partials/menu', resourceType: 'xhr', responseMediaType: 'text/html' }, null],
    ['a script', { path: '/app.js', resourceType: 'script' }, 'static-asset'],
    ['an image by media type', { path: '/logo', resourceType: null, responseMediaType: 'image/png' }, 'static-asset'],
    ['a font by extension', { path: '/f/inter.woff2', resourceType: null }, 'static-asset'],
    ['a page', { path: '/', resourceType: 'document' }, 'document'],
    ['HTML without a resource type', { path: '/about', resourceType: null, responseMediaType: 'text/html' }, 'document'],
    ['a page whose body was not saved, by its Content-Type header', { path: '/about', resourceType: null, responseHeaders: htmlHeader }, 'document'],
    ['a page whose body was not saved, by its .html extension', { path: '/ex/upload.html', resourceType: null }, 'document'],
    ['a .htm page answered 304 without headers', { path: '/docs/index.htm', resourceType: null, status: 304 }, 'document'],
    [
      'an image whose body was not saved, by its Content-Type header',
      { path: '/avatar/7', resourceType: null, responseHeaders: [{ name: 'content-type', value: 'image/png' }] },
      'static-asset',
    ],
    ['a .html route that answers JSON', { path: '/orders/42.html', resourceType: null, responseMediaType: 'application/json' }, null],
    [
      'a multipart upload answered with a page',
      { method: 'POST', path: '/ex/upload.cgi', resourceType: null, responseMediaType: 'text/html', requestBody: multipartUpload },
      null,
    ],
    [
      'a form post navigation (resource type document)',
      { method: 'POST', path: '/search', resourceType: 'document', responseMediaType: 'text/html', requestBody: formPost },
      null,
    ],
    [
      'a JSON PUT answered with HTML',
      { method: 'PUT', path: '/settings', resourceType: null, responseMediaType: 'text/html', requestJson: { theme: 'dark' } },
      null,
    ],
    ['a PATCH of a form to an .html path', { method: 'PATCH', path: '/profile.html', resourceType: null, requestBody: formPost }, null],
    [
      'a POST with an empty body answered with a page',
      { method: 'POST', path: '/logout', resourceType: null, responseMediaType: 'text/html', requestBody: emptyPost },
      'document',
    ],
    ['a POST that sends a script is still a script', { method: 'POST', path: '/bundle.js', resourceType: 'script', requestJson: { a: 1 } }, 'static-asset'],
    [
      'a CORS preflight',
      { method: 'OPTIONS', path: '/v1/items', requestHeaders: [{ name: 'Access-Control-Request-Method', value: 'POST' }] },
      'cors-preflight',
    ],
    ['an OPTIONS call that is not a preflight', { method: 'OPTIONS', path: '/v1/items' }, null],
    ['Google Analytics', { host: 'www.google-analytics.com', path: '/g/collect' }, 'telemetry'],
    ['an ad exchange subdomain', { host: 'ib.adnxs.com', path: '/ut/v3' }, 'telemetry'],
    ['Datadog intake', { host: 'browser-intake-datadoghq.com', path: '/api/v2/rum' }, 'telemetry'],
    ['Segment through a first-party proxy', { host: 'chatgpt.com', method: 'POST', path: '/ces/v1/t' }, 'telemetry'],
    ['Segment through a first-party proxy, any body', { host: 'chatgpt.com', method: 'POST', path: '/ces/v1/p', requestJson: { x: 1 } }, 'telemetry'],
    [
      'Segment page call on a first-party host',
      { host: 'app.example.com', method: 'POST', path: '/v1/p', requestJson: { ...SEGMENT_TRACK, type: 'page' } },
      'telemetry',
    ],
    [
      'Segment batch on a first-party host',
      { host: 'app.example.com', method: 'POST', path: '/t/v1/b', requestJson: { batch: [SEGMENT_TRACK], sentAt: '2024-01-01T00:00:00Z' } },
      'telemetry',
    ],
    ['Segment call keyed by writeKey', { host: 'app.example.com', method: 'POST', path: '/v1/i', requestJson: { writeKey: 'wk', userId: 'u-1' } }, 'telemetry'],
    ['a real API /v1/a without a body', { host: 'api.example.com', path: '/v1/a' }, null],
    ['a real API /v1/b with its own JSON body', { host: 'api.example.com', method: 'POST', path: '/v1/b', requestJson: { name: 'b', messages: [] } }, null],
    [
      'a real API /api/v1/s with a text body',
      { host: 'api.example.com', method: 'POST', path: '/api/v1/s', requestBody: { mediaType: 'text/plain', size: 3, content: { kind: 'text', text: 'abc' } } },
      null,
    ],
    ['Statsig register', { host: 'ab.chatgpt.com', method: 'POST', path: '/v1/rgstr' }, 'telemetry'],
    [
      'Datadog forwarded by a first-party path',
      { host: 'chatgpt.com', method: 'POST', path: '/ces/v1/telemetry/intake', query: [{ name: 'ddforward', value: '/api/v2/logs' }] },
      'telemetry',
    ],
    ['a Sentry tunnel', { host: 'app.example.com', method: 'POST', path: '/api/4504/envelope/' }, 'telemetry'],
    ['the Facebook pixel', { host: 'www.facebook.com', path: '/tr' }, 'telemetry'],
    ['Cloudflare', { host: 'app.example.com', path: '/cdn-cgi/rum' }, 'telemetry'],
    ['a first-party tokens endpoint', { host: 'app.example.com', path: '/v1/tokens' }, null],
    ['a first-party teams endpoint', { host: 'app.example.com', path: '/api/v1/teams' }, null],
    ['a first-party events API', { host: 'app.example.com', path: '/v1/events' }, null],
    ['a first-party logs API', { host: 'logs.example.com', path: '/v1/logs' }, null],
    ['Facebook Graph API', { host: 'graph.facebook.com', path: '/v19.0/me' }, null],
    ['a host that merely contains a tracker name', { host: 'notpubmatic.com', path: '/ad' }, null],
  ])('%s', (_name, spec, expected) => {
    expect(reason(spec)).toBe(expected);
  });

  const h = (name: string, value: string) => ({ name, value });
  it.each<[string, ExchangeSpec, string | null]>([
    [
      'an AJAX GET answering HTML (X-Requested-With)',
      { path: '/ajax/cart', resourceType: null, responseMediaType: 'text/html', requestHeaders: [h('X-Requested-With', 'XMLHttpRequest')] },
      null,
    ],
    [
      'a fetch answering HTML (Sec-Fetch-Dest: empty)',
      {
        path: '/partials/row',
        resourceType: null,
        responseMediaType: 'text/html',
        requestHeaders: [h('Sec-Fetch-Dest', 'empty'), h('Sec-Fetch-Mode', 'cors')],
      },
      null,
    ],
    [
      'a navigation (Sec-Fetch-Mode: navigate)',
      { path: '/account', resourceType: null, requestHeaders: [h('Sec-Fetch-Mode', 'navigate'), h('Sec-Fetch-Dest', 'document')] },
      'document',
    ],
    ['an image by Sec-Fetch-Dest', { path: '/avatar/7', resourceType: null, requestHeaders: [h('Sec-Fetch-Dest', 'image')] }, 'static-asset'],
    [
      'a GET that accepts JSON and answers nothing recorded',
      { path: '/api/state', resourceType: null, requestHeaders: [h('Accept', 'application/json')] },
      null,
    ],
    ['a WebSocket upgrade without frames (101)', { path: '/socket.io/', resourceType: null, status: 101, requestHeaders: [h('Upgrade', 'websocket')] }, null],
    [
      'a WebSocket that failed (status 0, upgrade asked)',
      { path: '/ws', resourceType: 'document', status: 0, requestHeaders: [h('Upgrade', 'websocket')] },
      null,
    ],
    ['an event stream without a recorded body', { path: '/events', resourceType: null, responseHeaders: [h('Content-Type', 'text/event-stream')] }, null],
    ['an event stream asked for', { path: '/stream', resourceType: 'document', requestHeaders: [h('Accept', 'text/event-stream')] }, null],
    [
      'an OAuth authorize redirect back with code and state',
      {
        path: '/oauth/authorize',
        resourceType: 'document',
        status: 302,
        responseHeaders: [h('Location', 'https://app.example.com/callback?code=abc&state=xyz')],
      },
      null,
    ],
    [
      'an OAuth authorization request whose redirect was not recorded (status 0)',
      {
        path: '/oauth2/authorize',
        resourceType: 'document',
        status: 0,
        query: [
          { name: 'client_id', value: 'app' },
          { name: 'response_type', value: 'code' },
        ],
      },
      null,
    ],
    [
      'an ordinary redirect of a page',
      { path: '/home', resourceType: 'document', status: 302, responseHeaders: [h('Location', 'https://app.example.com/login?next=/home')] },
      'document',
    ],
    ['a Next.js RSC navigation (?_rsc=)', { path: '/dashboard', resourceType: 'fetch', query: [{ name: '_rsc', value: '1x2y3' }] }, 'rsc-navigation'],
    ['a Next.js RSC navigation (RSC: 1)', { path: '/u/someone', resourceType: 'fetch', requestHeaders: [h('RSC', '1')] }, 'rsc-navigation'],
    ['a Next.js RSC payload by media type', { path: '/chat/42', resourceType: null, responseMediaType: 'text/x-component' }, 'rsc-navigation'],
    [
      'a Next.js server action (POST with a body) is kept',
      { method: 'POST', path: '/chat', resourceType: 'fetch', requestHeaders: [h('RSC', '1')], requestJson: ['x'] },
      null,
    ],
    [
      'a script loaded by XHR (jQuery getScript)',
      { path: '/assets/menu.js', resourceType: null, responseMediaType: 'application/javascript', requestHeaders: [h('X-Requested-With', 'XMLHttpRequest')] },
      'static-asset',
    ],
    ["mitmproxy's own page", { host: 'mitm.it', path: '/' }, 'recorder'],
    ['a connectivity check', { host: 'connectivitycheck.gstatic.com', path: '/generate_204', status: 204 }, 'connectivity-check'],
    ['a RUM beacon on a first-party host', { host: 'rum-openway.example-monitor.com', method: 'POST', path: '/v1/write/rum', requestJson: [1] }, 'telemetry'],
    ['a reporter beacon', { host: 'data.example.com', method: 'POST', path: '/meerkat-reporter/api/report', requestJson: { a: 1 } }, 'telemetry'],
    ['Firebase analytics', { host: 'app-measurement.com', method: 'POST', path: '/a' }, 'telemetry'],
    ['every one-letter call of the ChatGPT telemetry proxy', { host: 'chatgpt.com', method: 'POST', path: '/ces/v1/m' }, 'telemetry'],
    ['a forum API is no RUM', { host: 'api.example.com', path: '/v1/forum/posts' }, null],
    ['a reports API is no reporter', { host: 'api.example.com', path: '/v1/reports' }, null],
  ])('signals: %s', (_name, spec, expected) => {
    expect(reason(spec)).toBe(expected);
  });

  it('keeps an HTML fragment answered to a GET without other signals, not a whole page', () => {
    const withHtml = (text: string) => {
      const e = exchange({ path: '/fragment', resourceType: null });
      return { ...e, response: { ...e.response, body: { mediaType: 'text/html', size: text.length, content: { kind: 'text' as const, text } } } };
    };
    const selected = selectTraffic([withHtml('<div class="row">1</div>'), withHtml('<!DOCTYPE html><html><body></body></html>')], resolveOptions());
    expect(selected.exchanges).toHaveLength(1);
    expect(selected.skipped).toEqual({ document: 1 });
  });

  it('keeps everything with --all, filters still apply', () => {
    expect(reason({ host: 'www.google-analytics.com', path: '/g/collect' }, { all: true })).toBeNull();
    expect(reason({ path: '/app.js', resourceType: 'script' }, { all: true })).toBeNull();
    expect(reason({ host: 'a.example.com', path: '/x' }, { all: true, hosts: ['b.example.com'] })).toBe('host-filter');
  });

  it('counts every exchange left out by reason', () => {
    const exchanges = [
      exchange({ path: '/a.js', resourceType: 'script' }),
      exchange({ path: '/b.js', resourceType: 'script' }),
      exchange({ path: '/v1/items' }),
    ];
    const selected = selectTraffic(exchanges, resolveOptions());
    expect(selected.exchanges.map((e) => e.url.path)).toEqual(['/v1/items']);
    expect(selected.skipped).toEqual({ 'static-asset': 2 });
  });
});

describe('filters', () => {
  it.each<[string, object, ExchangeSpec, string | null]>([
    ['--host keeps its host', { hosts: ['api.example.com'] }, { path: '/x' }, null],
    ['--host drops others', { hosts: ['other.example.com'] }, { path: '/x' }, 'host-filter'],
    ['--host *.example.com keeps subdomains', { hosts: ['*.example.com'] }, { path: '/x' }, null],
    ['--include keeps matching paths', { include: ['/v1/**'] }, { path: '/v1/items/3' }, null],
    ['--include drops the rest', { include: ['/v1/**'] }, { path: '/v2/items' }, 'path-filter'],
    ['--exclude drops matching paths', { exclude: ['/v1/health'] }, { path: '/v1/health' }, 'path-filter'],
    ['a glob with a host matches host and path', { include: ['api.example.com/v1/*'] }, { path: '/v1/items' }, null],
    ['a glob with another host does not', { include: ['other.example.com/**'] }, { path: '/v1/items' }, 'path-filter'],
  ])('%s', (_name, options, spec, expected) => {
    expect(reason(spec, options)).toBe(expected);
  });
});

describe('globs', () => {
  it.each<[string, string, boolean]>([
    ['/api/*', '/api/users', true],
    ['/api/*', '/api/users/1', false],
    ['/api/**', '/api/users/1', true],
    ['/api/?', '/api/x', true],
    ['/v1.0/*', '/v1x0/a', false],
    ['/a+b/(c)', '/a+b/(c)', true],
    ['/users/{user_id}/posts', '/users/42/posts', true],
    ['/users/{user_id}/posts', '/users/posts', false],
    ['/users/{user_id}', '/users/42/posts', false],
    ['/files/{name}.json', '/files/{name}.json', true],
    ['/files/{name}.json', '/files/a.json', false],
    ['/q/{not a name}', '/q/x', false],
  ])('%s ~ %s = %s', (glob, path, expected) => {
    expect(compileGlob(glob).test(path)).toBe(expected);
  });

  it('matches host patterns', () => {
    expect(matchesHost('api.example.com', ['*.example.com'])).toBe(true);
    expect(matchesHost('example.com', ['*.example.com'])).toBe(true);
    expect(matchesHost('badexample.com', ['*.example.com'])).toBe(false);
    expect(matchesHost('localhost:8080', ['localhost'])).toBe(true);
    expect(matchesGlob(compilePathGlob('*.example.com/**'), 'api.example.com', '/v1')).toBe(true);
  });
});

describe('isTelemetryHost: a known service or a host under one, by whole labels', () => {
  it.each<[string, boolean]>([
    ['sentry.io', true],
    ['o123.ingest.sentry.io', true],
    ['sentry.io:443', true],
    ['www.google-analytics.com', true],
    ['notsentry.io', false],
    ['sentry.io.example.com', false],
    ['api.example.com', false],
    ['.sentry.io', true],
    ['', false],
    ['localhost', false],
  ])('%s → %s', (host, expected) => {
    expect(isTelemetryHost(host)).toBe(expected);
  });
});
