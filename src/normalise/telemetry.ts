/**
 * Telemetry: analytics, advertising, session replay, error and performance monitoring (RUM),
 * reporter beacons. Known services by host; first-party proxies of them by whole path; and
 * beacons by the words of their path or host (`/v1/write/rum`, `rum-openway.…`,
 * `/meerkat-reporter/api/report`), never by a word an API's own routes use (`events`, `logs`).
 * Connectivity checks and a proxy's own pages are not the application's traffic either.
 */
import type { Exchange, Json, Payload } from '../exchange.js';

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
  'app-measurement.com',
  'firebaselogging-pa.googleapis.com',
  'guance.com',
  'sentry-cdn.com',
  'newrelic.com',
  'rollbar.com',
  'raygun.io',
  'speedcurve.com',
  'pingdom.net',
];

/**
 * Telemetry that travels through first-party hosts and paths, matched on the whole path so an
 * API's own endpoints are never caught: ChatGPT's `/ces/` proxy (Segment's one-letter calls,
 * Datadog, Statsig), Statsig's `/v1/rgstr`, Sentry tunnels, Vercel insights and Cloudflare's
 * `/cdn-cgi/`. Segment's calls on other first-party paths need their body too (`isSegmentCall`).
 */
const TELEMETRY_PATHS = [
  /^\/ces\/(?:v1\/[a-z]|v1\/telemetry\/intake|statsc\/flush)$/,
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

/** Query parameters that only telemetry sends: Datadog's browser intake forwarded through a proxy. */
const TELEMETRY_QUERY = new Set(['ddforward', 'dd-api-key', 'dd-evp-origin']);

/**
 * Path segments or host labels that only telemetry uses: RUM (real-user monitoring), beacons,
 * reporters, pixels. Matched as whole words between separators: `rum`, `write/rum`,
 * `meerkat-reporter`, `rum-openway`, but never `forum` or `reports`.
 */
const TELEMETRY_WORD = /(?:^|[/.-])(?:rum|beacon|reporter|pixel|telemetry|analytics|gen_204|collect|sentry)(?:$|[/.-])/i;
/** Operating-system and browser connectivity checks (`/generate_204`, `/hotspot-detect.html`). */
const CONNECTIVITY =
  /^\/(?:generate_204|gen_204|connecttest\.txt|ncsi\.txt|hotspot-detect\.html|success\.txt|canonical\.html|library\/test\/success\.html|redirect)$/;
/** Hosts of a recording tool itself (mitmproxy's certificate page). */
const RECORDER_HOSTS = ['mitm.it'];

/** A connectivity check the operating system or browser made, not the application. */
export function isConnectivityCheck(exchange: Exchange): boolean {
  return CONNECTIVITY.test(exchange.url.path) && (exchange.response.status === 204 || exchange.url.path !== '/redirect');
}

/** The recording tool's own traffic (mitmproxy's `mitm.it`). */
export function isRecorderTraffic(exchange: Exchange): boolean {
  const host = exchange.url.host.replace(/:\d+$/, '');
  return RECORDER_HOSTS.some((domain) => isWithin(host, domain));
}

/** Whether the host is a known telemetry service (a third party by definition). */
export function isTelemetryHost(host: string): boolean {
  return isWithinAny(host.replace(/:\d+$/, ''), TELEMETRY_HOST_SET);
}

export function isTelemetry(exchange: Exchange): boolean {
  const host = exchange.url.host.replace(/:\d+$/, '');
  const path = exchange.url.path;
  if (isTelemetryHost(host)) return true;
  if (TELEMETRY_HOST_PATHS.some(([domain, pattern]) => isWithin(host, domain) && pattern.test(path))) return true;
  if (TELEMETRY_PATHS.some((pattern) => pattern.test(path))) return true;
  const dot = host.indexOf('.');
  if (TELEMETRY_WORD.test(path) || TELEMETRY_WORD.test(dot === -1 ? host : host.slice(0, dot))) return true;
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

/** The known hosts as a set: a host is looked up by its few suffixes, not tested against each domain. */
const TELEMETRY_HOST_SET: ReadonlySet<string> = new Set(TELEMETRY_HOSTS);

/** Whether the host is one of `domains` or under one: the host itself, then each suffix after a dot. */
function isWithinAny(host: string, domains: ReadonlySet<string>): boolean {
  if (domains.has(host)) return true;
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) if (domains.has(host.slice(dot + 1))) return true;
  return false;
}

function isWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
