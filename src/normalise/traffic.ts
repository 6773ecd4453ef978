/**
 * Which exchanges document the API. By default static assets (images, fonts, scripts, styles),
 * page documents, CORS preflights and known telemetry are left out; `--all` keeps them. Host and
 * path filters apply either way. Every exchange left out is counted by reason.
 *
 * Decisions rest on what the request did, then on what the response was, so two recorders of
 * the same traffic agree even when one saved a body the other dropped: a request that sends a
 * body is an action of the application, and a page is a page with or without its HTML.
 */
import type { Exchange, Json, Payload } from '../exchange.js';
import { essence } from '../ingest/media-type.js';
import type { ResolvedOptions } from '../options.js';
import { type PathGlob, compilePathGlob, matchesGlob, matchesHost } from './glob.js';

export interface Selected {
  exchanges: Exchange[];
  skipped: Record<string, number>;
}

const STATIC_RESOURCE_TYPES = new Set(['image', 'font', 'stylesheet', 'script', 'media', 'manifest', 'texttrack', 'imageset', 'object']);
const STATIC_EXTENSIONS = /\.(?:js|mjs|cjs|css|map|png|jpe?g|gif|svg|ico|webp|avif|bmp|woff2?|ttf|otf|eot|mp4|webm|mp3|ogg|wav|wasm)$/i;
/** Analytics, advertising, session-replay and monitoring services: never the API being documented. */
const TELEMETRY_HOSTS = [
  'google-analytics.com',
  'analytics.google.com',
  'googletagmanager.com',
  'doubleclick.net',
  'googlesyndication.com',
  'googleadservices.com',
  '2mdn.net',
  'segment.io',
  'segment.com',
  'mixpanel.com',
  'amplitude.com',
  'hotjar.com',
  'hotjar.io',
  'fullstory.com',
  'nr-data.net',
  'clarity.ms',
  'browser-intake-datadoghq.com',
  'browser-intake-datadoghq.eu',
  'statsigapi.net',
  'featuregates.org',
  'cloudflareinsights.com',
  'sentry.io',
  'ingest.sentry.io',
  'posthog.com',
  'events.launchdarkly.com',
  'bat.bing.com',
  'demdex.net',
  'omtrdc.net',
  'adnxs.com',
  'criteo.com',
  'criteo.net',
  'pubmatic.com',
  'rubiconproject.com',
  'adsrvr.org',
  'tapad.com',
  'agkn.com',
  'adtech.de',
  'scorecardresearch.com',
  'quantserve.com',
  'chartbeat.net',
  'crazyegg.com',
  'decibelinsight.net',
  'kampyle.com',
  'akstat.io',
  'go-mpulse.net',
  'eum-appdynamics.com',
  'oracleinfinity.io',
  'richmetrics.com',
  'glimr.io',
  'maxymiser.net',
  'steelhousemedia.com',
  'addthis.com',
  'bugsnag.com',
  'logrocket.io',
  'lr-ingest.io',
  'heapanalytics.com',
  'px.ads.linkedin.com',
];

/**
 * Telemetry that travels through first-party hosts and paths, matched on the whole path so an
 * API's own endpoints are never caught: ChatGPT's `/ces/` proxy (Segment's one-letter calls,
 * Datadog, Statsig), Statsig's `/v1/rgstr`, Sentry tunnels, Vercel insights and Cloudflare's
 * `/cdn-cgi/`. Segment's calls on other first-party paths need their body too (`isSegmentCall`).
 */
const TELEMETRY_PATHS = [
  /^\/ces\/(?:v1\/[tpigasb]|v1\/telemetry\/intake|statsc\/flush)$/,
  /^(?:\/[\w.-]{1,40})?\/v1\/(?:rgstr|log_event|sdk_exception)$/,
  /^\/api\/\d{1,10}\/(?:envelope|store|security|minidump)\/?$/,
  /^\/_vercel\/(?:speed-)?insights\//,
  /^\/cdn-cgi\//,
];
const TELEMETRY_HOST_PATHS: [host: string, path: RegExp][] = [['facebook.com', /^\/tr\/?$/]];
/**
 * Segment's one-letter calls (track, page, identify, group, alias, screen, batch), optionally
 * behind one proxy prefix. `/v1/a` is also a plausible route of a real API, so the path alone
 * is not enough: the body must carry the fields every Segment message has.
 */
const SEGMENT_PATH = /^(?:\/[\w.-]{1,40})?\/v1\/[tpigasb]$/;
const SEGMENT_KEYS = ['anonymousId', 'messageId', 'writeKey'];
/** Page extensions: a GET of one is a page even when the recorder kept neither body nor type. */
const DOCUMENT_EXTENSIONS = /\.(?:html?|xhtml|shtml)$/i;
/** Methods whose body, when one is sent, makes the request an action rather than a page load. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Query parameters that only telemetry sends: Datadog's browser intake forwarded through a proxy. */
const TELEMETRY_QUERY = new Set(['ddforward', 'dd-api-key', 'dd-evp-origin']);

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
  if (isPreflight(exchange)) return 'cors-preflight';
  if (isTelemetry(exchange)) return 'telemetry';
  return assetKind(exchange);
}

/** `static-asset`, `document`, or null for API traffic. */
export function assetKind(exchange: Exchange): string | null {
  const type = exchange.resourceType;
  if (type === 'xhr' || type === 'fetch' || type === 'websocket' || type === 'eventsource') return null;
  if (type !== null && STATIC_RESOURCE_TYPES.has(type)) return 'static-asset';
  // A form post, an upload, a JSON write: the application acting, whatever page answers it.
  if (sendsBody(exchange)) return null;
  if (type === 'document' || type === 'iframe') return 'document';
  const media = responseMediaType(exchange);
  if (media === 'text/html' || media === 'application/xhtml+xml') return 'document';
  if (media === 'text/css' || media.includes('javascript') || /^(image|font|audio|video)\//.test(media)) return 'static-asset';
  if (STATIC_EXTENSIONS.test(exchange.url.path)) return 'static-asset';
  if (media === '' && DOCUMENT_EXTENSIONS.test(exchange.url.path)) return 'document';
  return null;
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
  const header = headers.find((h) => h.name.toLowerCase() === 'content-type');
  return essence(header?.value);
}

function isPreflight(exchange: Exchange): boolean {
  return exchange.method === 'OPTIONS' && exchange.request.headers.some((h) => h.name.toLowerCase() === 'access-control-request-method');
}

export function isTelemetry(exchange: Exchange): boolean {
  const host = exchange.url.host.replace(/:\d+$/, '');
  const path = exchange.url.path;
  if (TELEMETRY_HOSTS.some((domain) => isWithin(host, domain))) return true;
  if (TELEMETRY_HOST_PATHS.some(([domain, pattern]) => isWithin(host, domain) && pattern.test(path))) return true;
  if (TELEMETRY_PATHS.some((pattern) => pattern.test(path))) return true;
  if (SEGMENT_PATH.test(path) && isSegmentMessage(exchange.request.body)) return true;
  return exchange.url.query.some((q) => TELEMETRY_QUERY.has(q.name.toLowerCase()));
}

/** A Segment message (`{anonymousId, messageId, …}`) or batch of them (`{batch: [message]}`). */
function isSegmentMessage(body: Payload | null): boolean {
  if (body === null || body.content.kind !== 'json') return false;
  const value = body.content.value;
  if (!isRecord(value)) return false;
  if (hasSegmentKey(value)) return true;
  const first = Array.isArray(value.batch) ? value.batch[0] : undefined;
  return isRecord(first) && hasSegmentKey(first);
}

function hasSegmentKey(value: { [key: string]: Json }): boolean {
  return SEGMENT_KEYS.some((key) => Object.hasOwn(value, key));
}

function isRecord(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
