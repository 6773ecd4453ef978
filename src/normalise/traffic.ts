/**
 * Which exchanges document the API. By default static assets (images, fonts, scripts, styles),
 * page documents, Next.js RSC navigations, CORS preflights, telemetry (telemetry.ts),
 * connectivity checks and the recording proxy's own pages are left out; `--all` keeps them.
 * Host and path filters apply either way. Every exchange left out is counted by reason.
 *
 * Decisions rest on what the request did, then on what the response was, so two recorders of
 * the same traffic agree even when one saved a body the other dropped: a request that sends a
 * body is an action of the application, and a page is a page with or without its HTML.
 */
import type { Exchange, NameValue } from '../exchange.js';
import { essence } from '../ingest/media-type.js';
import type { ResolvedOptions } from '../options.js';
import { type PathGlob, compilePathGlob, matchesGlob, matchesHost } from './glob.js';
import { isConnectivityCheck, isRecorderTraffic, isTelemetry } from './telemetry.js';

export interface Selected {
  exchanges: Exchange[];
  skipped: Record<string, number>;
}

const STATIC_RESOURCE_TYPES = new Set(['image', 'font', 'stylesheet', 'script', 'media', 'manifest', 'texttrack', 'imageset', 'object']);
const STATIC_EXTENSIONS = /\.(?:js|mjs|cjs|css|map|png|jpe?g|gif|svg|ico|webp|avif|bmp|woff2?|ttf|otf|eot|mp4|webm|mp3|ogg|wav|wasm)$/i;
/** Page extensions: a GET of one is a page even when the recorder kept neither body nor type. */
const DOCUMENT_EXTENSIONS = /\.(?:html?|xhtml|shtml)$/i;
/** Methods whose body, when one is sent, makes the request an action rather than a page load. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function selectTraffic(exchanges: readonly Exchange[], options: ResolvedOptions): Selected {
  const skipReason = createTrafficFilter(options);
  const kept: Exchange[] = [];
  const skipped: Record<string, number> = {};
  for (const exchange of exchanges) {
    const reason = skipReason(exchange);
    if (reason === null) kept.push(exchange);
    else skipped[reason] = (skipped[reason] ?? 0) + 1;
  }
  return { exchanges: kept, skipped };
}

/** The same decision one exchange at a time: why it is left out, or null to keep it. */
export function createTrafficFilter(options: ResolvedOptions): (exchange: Exchange) => string | null {
  const include = options.include.map(compilePathGlob);
  const exclude = options.exclude.map(compilePathGlob);
  return (exchange) => skipReason(exchange, options, include, exclude);
}

function skipReason(exchange: Exchange, options: ResolvedOptions, include: PathGlob[], exclude: PathGlob[]): string | null {
  const { host, path } = exchange.url;
  if (options.hosts.length > 0 && !matchesHost(host, options.hosts)) return 'host-filter';
  if (include.length > 0 && !include.some((glob) => matchesGlob(glob, host, path))) return 'path-filter';
  if (exclude.some((glob) => matchesGlob(glob, host, path))) return 'path-filter';
  if (options.all) return null;
  if (isRecorderTraffic(exchange)) return 'recorder';
  if (isConnectivityCheck(exchange)) return 'connectivity-check';
  if (isPreflight(exchange)) return 'cors-preflight';
  if (isTelemetry(exchange)) return 'telemetry';
  if (isRscNavigation(exchange)) return 'rsc-navigation';
  return assetKind(exchange);
}

/**
 * `static-asset`, `document`, or null for API traffic. Every signal the capture has counts, in
 * order of how directly it says what the request was: a connection upgrade or event stream; the
 * recorder's resource type; a body sent; a sign-in redirect carrying a code; the browser's
 * `Sec-Fetch-*` and `X-Requested-With` headers; only then what the response looks like. An XHR
 * that answers an HTML fragment is the application's API, and a request-only export (status 0)
 * is judged on its request alone.
 */
export function assetKind(exchange: Exchange): string | null {
  const type = exchange.resourceType;
  if (isWebSocket(exchange) || isEventStream(exchange)) return null;
  if (type === 'xhr' || type === 'fetch' || type === 'websocket' || type === 'eventsource') return null;
  if (type !== null && STATIC_RESOURCE_TYPES.has(type)) return 'static-asset';
  // A form post, an upload, a JSON write: the application acting, whatever page answers it.
  if (sendsBody(exchange)) return null;
  if (isAuthRedirect(exchange)) return null;
  const dest = headerValue(exchange, 'sec-fetch-dest');
  if (STATIC_DESTINATIONS.has(dest)) return 'static-asset';
  // A script or style is one whoever loads it (jQuery's getScript sends X-Requested-With too).
  const media = responseMediaType(exchange);
  if (media === 'text/css' || media.includes('javascript') || /^(image|font|audio|video)\//.test(media)) return 'static-asset';
  if (isScripted(exchange, dest)) return null;
  if (type === 'document' || type === 'iframe') return 'document';
  if (dest === 'document' || dest === 'iframe' || dest === 'frame' || headerValue(exchange, 'sec-fetch-mode') === 'navigate') return 'document';
  if (media === 'text/html' || media === 'application/xhtml+xml') return isHtmlFragment(exchange) ? null : 'document';
  if (STATIC_EXTENSIONS.test(exchange.url.path)) return 'static-asset';
  if (media === '' && DOCUMENT_EXTENSIONS.test(exchange.url.path)) return 'document';
  return null;
}

/** `Sec-Fetch-Dest` values of static resources. */
const STATIC_DESTINATIONS = new Set([
  'image',
  'font',
  'style',
  'script',
  'audio',
  'video',
  'track',
  'manifest',
  'object',
  'embed',
  'worker',
  'sharedworker',
  'serviceworker',
  'xslt',
]);

/** Made by the page's script, not by navigation: `X-Requested-With`, `Sec-Fetch-Dest: empty`, a CORS fetch, a JSON `Accept`. */
function isScripted(exchange: Exchange, dest: string): boolean {
  if (headerValue(exchange, 'x-requested-with').toLowerCase() === 'xmlhttprequest') return true;
  if (dest === 'empty') return true;
  const mode = headerValue(exchange, 'sec-fetch-mode');
  if (mode === 'cors' || mode === 'same-origin' || mode === 'websocket') return dest === '';
  const accept = headerValue(exchange, 'accept').toLowerCase();
  return /^application\/(?:[\w.+-]*\+)?json\b/.test(accept);
}

/** A WebSocket, whether it opened (101), failed, or kept no frames: the upgrade is in the request. */
export function isWebSocket(exchange: Exchange): boolean {
  const { scheme } = exchange.url;
  if (scheme === 'ws' || scheme === 'wss' || exchange.resourceType === 'websocket' || exchange.webSocket.length > 0) return true;
  return exchange.response.status === 101 || headerValue(exchange, 'upgrade').toLowerCase() === 'websocket';
}

/** An event stream, by the response's type (body or not) or by what the request asked for. */
function isEventStream(exchange: Exchange): boolean {
  return responseMediaType(exchange) === 'text/event-stream' || headerValue(exchange, 'accept').toLowerCase().startsWith('text/event-stream');
}

/**
 * A step of a sign-in flow: an OAuth authorization request (`client_id`, `response_type`), or a
 * redirect back to the application carrying an authorization code and state (`GET /authorize` →
 * 302 `…/callback?code=…&state=…`), or tokens. Its page is a page,
 * but the call is how a client authenticates.
 */
function isAuthRedirect(exchange: Exchange): boolean {
  // The authorization request itself (RFC 6749 §4.1.1), whether or not its redirect was recorded.
  const query = new Set(exchange.url.query.map((q) => q.name.toLowerCase()));
  if (query.has('client_id') && query.has('response_type')) return true;
  const { status, redirectURL, headers } = exchange.response;
  if (status < 300 || status > 399) return false;
  const location = redirectURL || (headers.find((h) => h.name.toLowerCase() === 'location')?.value ?? '');
  const params = new Set<string>();
  const question = location.indexOf('?');
  const hash = location.indexOf('#');
  for (const part of [question === -1 ? '' : location.slice(question + 1, hash > question ? hash : undefined), hash === -1 ? '' : location.slice(hash + 1)])
    for (const pair of part.split('&')) params.add(pair.split('=')[0]!.toLowerCase());
  return (params.has('code') && params.has('state')) || params.has('access_token') || params.has('id_token');
}

/**
 * Next.js React Server Component navigation: the page's next state fetched as `text/x-component`
 * (`?_rsc=…`, `RSC: 1`). It is the framework navigating, not an API; a server action (a POST
 * with a body) is kept.
 */
function isRscNavigation(exchange: Exchange): boolean {
  if (sendsBody(exchange)) return false;
  if (exchange.url.query.some((q) => q.name === '_rsc')) return true;
  if (headerValue(exchange, 'rsc') === '1') return true;
  return responseMediaType(exchange) === 'text/x-component';
}

/** An HTML answer that is a piece of a page (no doctype, no `<html>`): a partial loaded by script. */
function isHtmlFragment(exchange: Exchange): boolean {
  const body = exchange.response.body;
  if (body === null || body.content.kind !== 'text') return false;
  const start = body.content.text.slice(0, 512).trimStart().toLowerCase();
  return start !== '' && !start.startsWith('<!doctype') && !start.startsWith('<html') && !start.startsWith('<?xml') && !start.startsWith('<!--');
}

function headerValue(exchange: Exchange, name: string): string {
  return (exchange.request.headers.find((h) => isNamed(h, name))?.value ?? '').trim();
}

/**
 * A header of this lower-case ASCII name, whatever its case. Comparing lengths first spares
 * lower-casing every other header of every call (lower-casing never turns a longer name into ASCII).
 */
function isNamed(header: NameValue, name: string): boolean {
  return header.name.length === name.length && header.name.toLowerCase() === name;
}

function sendsBody(exchange: Exchange): boolean {
  const body = exchange.request.body;
  return !READ_METHODS.has(exchange.method) && body !== null && body.content.kind !== 'empty';
}

/**
 * The response's media type from its body, or, when the recorder saved no body (Chrome often
 * keeps none for pages), from its `Content-Type` header.
 */
function responseMediaType(exchange: Exchange): string {
  const { body, headers } = exchange.response;
  if (body !== null && body.mediaType !== '') return body.mediaType;
  const header = headers.find((h) => isNamed(h, 'content-type'));
  return essence(header?.value);
}

function isPreflight(exchange: Exchange): boolean {
  return exchange.method === 'OPTIONS' && exchange.request.headers.some((h) => isNamed(h, 'access-control-request-method'));
}
