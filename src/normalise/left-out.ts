/**
 * What selection left out, kept as evidence for the reference: per reason a count and a few
 * example URLs; telemetry split into the application's own (listed by call: method, path, body
 * kind) and third-party trackers (counted by host). Whether a host is the application's own is
 * known only once every call is read: a host of the API, or one sharing its domain.
 * Values are raw here; the pipeline shows them through the redaction gate.
 */
import type { BodyKind, HostCount } from '../model.js';
import type { Exchange } from '../exchange.js';
import { isTelemetryHost } from './telemetry.js';

/** Example URLs kept per reason. */
const EXAMPLES = 3;
/** Distinct first-party telemetry calls kept (method, host, path); more only count. */
const MAX_CALLS = 200;

export interface LeftOutTally {
  reason: string;
  count: number;
  examples: string[];
}

export interface RawTelemetryCall {
  method: string;
  host: string;
  path: string;
  count: number;
  body: BodyKind;
}

export class LeftOutAccumulator {
  private readonly reasons = new Map<string, LeftOutTally>();
  private readonly calls = new Map<string, RawTelemetryCall>();
  private readonly telemetryHosts = new Map<string, number>();

  /** One exchange left out for `reason`. */
  add(reason: string, exchange: Exchange): void {
    let tally = this.reasons.get(reason);
    if (!tally) this.reasons.set(reason, (tally = { reason, count: 0, examples: [] }));
    tally.count++;
    const url = `${exchange.url.host}${exchange.url.path}`;
    if (tally.examples.length < EXAMPLES && !tally.examples.includes(url)) tally.examples.push(url);
    if (reason !== 'telemetry') return;
    const host = exchange.url.host;
    this.telemetryHosts.set(host, (this.telemetryHosts.get(host) ?? 0) + 1);
    const body: BodyKind = exchange.request.body?.content.kind ?? 'empty';
    const key = `${exchange.method} ${host} ${exchange.url.path} ${body}`;
    const call = this.calls.get(key);
    if (call) call.count++;
    else if (this.calls.size < MAX_CALLS) this.calls.set(key, { method: exchange.method, host, path: exchange.url.path, count: 1, body });
  }

  /**
   * The tallies, most first; telemetry of `apiHosts` (and of hosts sharing their domain, not a
   * known telemetry service) by call, the rest by host.
   */
  finish(apiHosts: Iterable<string>): { leftOut: LeftOutTally[]; telemetry: RawTelemetryCall[]; trackers: HostCount[] } {
    const own = new Set([...apiHosts].map(siteOf));
    const firstParty = (host: string) => !isTelemetryHost(host) && own.has(siteOf(host));
    const leftOut = [...this.reasons.values()].sort((a, b) => b.count - a.count || compare(a.reason, b.reason));
    const telemetry = [...this.calls.values()]
      .filter((c) => firstParty(c.host))
      .sort((a, b) => compare(a.host, b.host) || compare(a.path, b.path) || compare(a.method, b.method) || compare(a.body, b.body));
    const trackers = [...this.telemetryHosts]
      .filter(([host]) => !firstParty(host))
      .map(([host, count]) => ({ host, count }))
      .sort((a, b) => b.count - a.count || compare(a.host, b.host));
    return { leftOut, telemetry, trackers };
  }
}

/**
 * The site of a host: its last two labels, three under a two-letter country code with a short
 * second level (`app.example.co.uk` → `example.co.uk`); the port dropped. Close enough to tell
 * `ab.chatgpt.com` from `google-analytics.com` without a public-suffix list.
 */
export function siteOf(host: string): string {
  const bare = host.replace(/:\d+$/, '').toLowerCase();
  if (/^[\d.]+$/.test(bare) || bare.includes(':')) return bare;
  const labels = bare.split('.');
  if (labels.length <= 2) return bare;
  const last = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const take = last.length === 2 && second.length <= 3 ? 3 : 2;
  return labels.slice(-take).join('.');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
