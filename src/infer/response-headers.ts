/**
 * Response headers that matter to a client, per status: rate limits, pagination, caching,
 * `Location`, `Content-Disposition`, and the names of the cookies set. Values are read from
 * the original exchange and shown through the gate; one example is kept per header, cookie
 * values never.
 */
import type { Exchange } from '../exchange.js';
import type { Response, ResponseHeader } from '../model.js';
import { compareText } from '../order.js';
import { responseCookies } from '../normalise/cookies.js';
import { responseHeaderKind } from '../normalise/header-kind.js';
import type { Gate } from './gate.js';

const MAX_NAMES = 50;
const MAX_EXAMPLE = 200;

/**
 * URLs (`Location`, pagination `Link`) keep their query names but not the values beyond small
 * numbers (`page=2`), before the value is shown through the gate: a redirect's query or fragment carries codes, states and tokens that belong to one
 * session, and a reader needs only to know they are there.
 */
function exampleOf(kind: string, whole: string): string {
  // Only the head is shown; reading a huge value whole would cost more than it shows.
  const value = whole.slice(0, MAX_EXAMPLE * 4);
  const shown =
    kind === 'location' || kind === 'pagination'
      ? value.replace(/([?&#][^=&#\s>]*=)([^&#\s>;]*)/g, (_, name: string, v: string) => `${name}${/^\d{1,6}$/.test(v) ? v : '…'}`)
      : value;
  return shown.slice(0, MAX_EXAMPLE);
}

export class ResponseHeadersAccumulator {
  constructor(private readonly gate: Gate) {}

  private readonly headers = new Map<string, ResponseHeader>();
  private readonly cookies = new Map<string, number>();

  add(exchange: Exchange): void {
    const seen = new Set<string>();
    for (const header of exchange.response.headers) {
      const name = header.name.toLowerCase();
      const kind = responseHeaderKind(name);
      if (kind === null || seen.has(name)) continue;
      seen.add(name);
      const found = this.headers.get(name);
      if (found) found.seen++;
      else if (this.headers.size < MAX_NAMES)
        this.headers.set(name, { name, kind, seen: 1, ...(header.value !== '' ? { example: this.gate.header(name, exampleOf(kind, header.value)) } : {}) });
    }
    const cookies = new Set(responseCookies(exchange).map((c) => this.gate.cookieName(c.name)));
    for (const name of cookies) if (this.cookies.has(name) || this.cookies.size < MAX_NAMES) this.cookies.set(name, (this.cookies.get(name) ?? 0) + 1);
  }

  finish(): Pick<Response, 'headers' | 'cookies'> {
    const out: Pick<Response, 'headers' | 'cookies'> = {};
    if (this.headers.size > 0) out.headers = [...this.headers.values()].sort((a, b) => compareText(a.name, b.name));
    if (this.cookies.size > 0) out.cookies = [...this.cookies].map(([name, seen]) => ({ name, seen })).sort((a, b) => compareText(a.name, b.name));
    return out;
  }
}
