/**
 * Which exchanges document the API. By default static assets (images, fonts, scripts, styles),
 * page documents, CORS preflights and known telemetry are left out; `--all` keeps them. Host and
 * path filters apply either way. Every exchange left out is counted by reason.
 */
import type { Exchange } from '../exchange.js';
import type { ResolvedOptions } from '../options.js';
import { compileGlob, matchesHost } from './glob.js';

export interface Selected {
  exchanges: Exchange[];
  skipped: Record<string, number>;
}

const STATIC_RESOURCE_TYPES = new Set(['image', 'font', 'stylesheet', 'script', 'media', 'manifest', 'texttrack', 'imageset', 'object']);
const STATIC_EXTENSIONS = /\.(?:js|mjs|cjs|css|map|png|jpe?g|gif|svg|ico|webp|avif|bmp|woff2?|ttf|otf|eot|mp4|webm|mp3|ogg|wav|wasm)$/i;
const TELEMETRY_HOSTS = [
  'google-analytics.com', 'analytics.google.com', 'googletagmanager.com', 'doubleclick.net',
  'segment.io', 'segment.com', 'mixpanel.com', 'amplitude.com', 'hotjar.com', 'hotjar.io',
  'fullstory.com', 'nr-data.net', 'clarity.ms', 'browser-intake-datadoghq.com',
  'browser-intake-datadoghq.eu', 'statsigapi.net', 'featuregates.org', 'cloudflareinsights.com',
  'sentry.io', 'ingest.sentry.io', 'posthog.com', 'events.launchdarkly.com', 'bat.bing.com',
];

export function selectTraffic(exchanges: readonly Exchange[], options: ResolvedOptions): Selected {
  const include = options.include.map(compileGlob);
  const exclude = options.exclude.map(compileGlob);
  const kept: Exchange[] = [];
  const skipped: Record<string, number> = {};
  for (const exchange of exchanges) {
    const reason = skipReason(exchange, options, include, exclude);
    if (reason === null) kept.push(exchange);
    else skipped[reason] = (skipped[reason] ?? 0) + 1;
  }
  return { exchanges: kept, skipped };
}

function skipReason(exchange: Exchange, options: ResolvedOptions, include: RegExp[], exclude: RegExp[]): string | null {
  if (options.hosts.length > 0 && !matchesHost(exchange.url.host, options.hosts)) return 'host-filter';
  if (include.length > 0 && !include.some((glob) => glob.test(exchange.url.path))) return 'path-filter';
  if (exclude.some((glob) => glob.test(exchange.url.path))) return 'path-filter';
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

function isTelemetry(exchange: Exchange): boolean {
  const host = exchange.url.host.replace(/:\d+$/, '');
  if (TELEMETRY_HOSTS.some((domain) => host === domain || host.endsWith(`.${domain}`))) return true;
  return exchange.url.path.startsWith('/cdn-cgi/');
}
