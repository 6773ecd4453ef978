import { describe, expect, it } from 'vitest';
import { compileGlob, compilePathGlob, matchesGlob, matchesHost } from '../../src/normalise/glob.js';
import { selectTraffic } from '../../src/normalise/traffic.js';
import { resolveOptions } from '../../src/options.js';
import { type ExchangeSpec, exchange } from './fixtures.js';

function reason(spec: ExchangeSpec, options = {}): string | null {
  const { skipped } = selectTraffic([exchange(spec)], resolveOptions(options));
  return Object.keys(skipped)[0] ?? null;
}

describe('selectTraffic: what is left out by default', () => {
  it.each<[string, ExchangeSpec, string | null]>([
    ['an API call', { path: '/v1/items' }, null],
    ['an XHR with HTML', { path: '/partials/menu', resourceType: 'xhr', mediaType: 'text/html' }, null],
    ['a script', { path: '/app.js', resourceType: 'script' }, 'static-asset'],
    ['an image by media type', { path: '/logo', resourceType: null, mediaType: 'image/png' }, 'static-asset'],
    ['a font by extension', { path: '/f/inter.woff2', resourceType: null }, 'static-asset'],
    ['a page', { path: '/', resourceType: 'document' }, 'document'],
    ['HTML without a resource type', { path: '/about', resourceType: null, mediaType: 'text/html' }, 'document'],
    ['a CORS preflight', { method: 'OPTIONS', path: '/v1/items', requestHeaders: [{ name: 'Access-Control-Request-Method', value: 'POST' }] }, 'cors-preflight'],
    ['an OPTIONS call that is not a preflight', { method: 'OPTIONS', path: '/v1/items' }, null],
    ['Google Analytics', { host: 'www.google-analytics.com', path: '/g/collect' }, 'telemetry'],
    ['an ad exchange subdomain', { host: 'ib.adnxs.com', path: '/ut/v3' }, 'telemetry'],
    ['Datadog intake', { host: 'browser-intake-datadoghq.com', path: '/api/v2/rum' }, 'telemetry'],
    ['Segment through a first-party proxy', { host: 'chatgpt.com', method: 'POST', path: '/ces/v1/t' }, 'telemetry'],
    ['Segment page call', { host: 'app.example.com', method: 'POST', path: '/v1/p' }, 'telemetry'],
    ['Statsig register', { host: 'ab.chatgpt.com', method: 'POST', path: '/v1/rgstr' }, 'telemetry'],
    ['Datadog forwarded by a first-party path', { host: 'chatgpt.com', method: 'POST', path: '/ces/v1/telemetry/intake', query: [{ name: 'ddforward', value: '/api/v2/logs' }] }, 'telemetry'],
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

  it('keeps everything with --all, filters still apply', () => {
    expect(reason({ host: 'www.google-analytics.com', path: '/g/collect' }, { all: true })).toBeNull();
    expect(reason({ path: '/app.js', resourceType: 'script' }, { all: true })).toBeNull();
    expect(reason({ host: 'a.example.com', path: '/x' }, { all: true, hosts: ['b.example.com'] })).toBe('host-filter');
  });

  it('counts every exchange left out by reason', () => {
    const exchanges = [exchange({ path: '/a.js', resourceType: 'script' }), exchange({ path: '/b.js', resourceType: 'script' }), exchange({ path: '/v1/items' })];
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
