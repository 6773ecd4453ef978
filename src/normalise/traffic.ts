/**
 * Which exchanges document the API. By default static assets (images, fonts, scripts, styles),
 * page documents, CORS preflights and known telemetry are left out; `--all` keeps them. Host and
 * path filters apply either way. Every exchange left out is counted by reason.
 */
import type { Exchange } from '../exchange.js';
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
  'google-analytics.com', 'analytics.google.com', 'googletagmanager.com', 'doubleclick.net',
  'googlesyndication.com', 'googleadservices.com', '2mdn.net', 'segment.io', 'segment.com',
  'mixpanel.com', 'amplitude.com', 'hotjar.com', 'hotjar.io', 'fullstory.com', 'nr-data.net',
  'clarity.ms', 'browser-intake-datadoghq.com', 'browser-intake-datadoghq.eu', 'statsigapi.net',
  'featuregates.org', 'cloudflareinsights.com', 'sentry.io', 'ingest.sentry.io', 'posthog.com',
  'events.launchdarkly.com', 'bat.bing.com', 'demdex.net', 'omtrdc.net', 'adnxs.com', 'criteo.com',
  'criteo.net', 'pubmatic.com', 'rubiconproject.com', 'adsrvr.org', 'tapad.com', 'agkn.com',
  'adtech.de', 'scorecardresearch.com', 'quantserve.com', 'chartbeat.net', 'crazyegg.com',
  'decibelinsight.net', 'kampyle.com', 'akstat.io', 'go-mpulse.net', 'eum-appdynamics.com',
  'oracleinfinity.io', 'richmetrics.com', 'glimr.io', 'maxymiser.net', 'steelhousemedia.com',
  'addthis.com', 'bugsnag.com', 'logrocket.io', 'lr-ingest.io', 'heapanalytics.com', 'px.ads.linkedin.com',
];

/**
 * Telemetry that travels through first-party hosts and paths, matched on the whole path so an
 * API's own endpoints are never caught: Segment's one-letter calls (`/v1/t`, `/v1/p`, also
 * behind ChatGPT's `/ces/` proxy), Statsig's `/v1/rgstr`, Sentry tunnels, Vercel insights,
 * Facebook's pixel and Cloudflare's `/cdn-cgi/`.
 */
const TELEMETRY_PATHS = [
  /^(?:\/[\w.-]{1,40})?\/v1\/[tpigasb]$/,
  /^\/ces\/(?:v1\/telemetry\/intake|statsc\/flush)$/,
  /^(?:\/[\w.-]{1,40})?\/v1\/(?:rgstr|log_event|sdk_exception)$/,
  /^\/api\/\d{1,10}\/(?:envelope|store|security|minidump)\/?$/,
  /^\/_vercel\/(?:speed-)?insights\//,
  /^\/cdn-cgi\//,
];
const TELEMETRY_HOST_PATHS: [host: string, path: RegExp][] = [['facebook.com', /^\/tr\/?$/]];
/** Query parameters that only telemetry sends: Datadog's browser intake forwarded through a proxy. */
const TELEMETRY_QUERY = new Set(['ddforward', 'dd-api-key', 'dd-evp-origin']);

export function selectTraffic(exchanges: readonly Exchange[], options: ResolvedOptions): Selected {
  const include = options.include.map(compilePathGlob);
  const exclude = options.exclude.map(compilePathGlob);
  const kept: Exchange[] = [];
  const skipped: Record<string, number> = {};
  for (const exchange of exchanges) {
    const reason = skipReason(exchange, options, include, exclude);
    if (reason === null) kept.push(exchange);
    else skipped[reason] = (skipped[reason] ?? 0) + 1;
  }
  return { exchanges: kept, skipped };
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
  if (type === 'document' || type === 'iframe') return 'document';
  const media = exchange.response.body?.mediaType ?? '';
  if (media === 'text/html' || media === 'application/xhtml+xml') return 'document';
  if (media === 'text/css' || media.includes('javascript') || /^(image|font|audio|video)\//.test(media)) return 'static-asset';
  if (STATIC_EXTENSIONS.test(exchange.url.path)) return 'static-asset';
  return null;
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
  return exchange.url.query.some((q) => TELEMETRY_QUERY.has(q.name.toLowerCase()));
}

function isWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
