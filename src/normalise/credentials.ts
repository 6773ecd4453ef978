/**
 * Which request headers, cookies and query parameters carry credentials, decided per host over
 * all of its calls from the original values (never from redaction's placeholders, which are a
 * guess made for another purpose):
 *
 *   - `Authorization` is always a credential (bearer, basic, or an API key in it);
 *   - a header, cookie or query parameter of a well-known credential name (`x-api-key`,
 *     `apikey`, `token`, `sessionid`, `JSESSIONID`) is one when its value is credential-shaped;
 *   - any other header or cookie is one when its name says so (`x-admin-key`) or its value
 *     could be nothing else (a JWT, a random token, a prefixed secret), and it is sent on most
 *     calls to the host with a value that is reused:
 *     a value that changes on every call is a nonce or a signature (`sec-websocket-key`,
 *     `x-signature`), which no client can copy;
 *   - CSRF tokens are never credentials: they pair with a session, they do not make one; nor
 *     are anti-bot proofs (sentinel, proof, turnstile, captcha, challenge, attestation tokens).
 *
 * Credentials sent on the same request are one requirement (all of them are needed); the
 * accumulator (infer/params.ts) groups them so.
 */
import { authSchemeKey } from '../auth-requirements.js';
import type { Exchange, NameValue } from '../exchange.js';
import type { AuthScheme } from '../model.js';
import { hasCredentialPrefix, looksLikeToken } from '../redact/entropy.js';
import { readJwt } from '../redact/jwt.js';
import { isWordValue } from '../redact/names.js';
import { decodeBase64Text } from '../redact/text.js';

/** A credential as one request sent it: its scheme, without the value. */
export type Credential = Pick<AuthScheme, 'type' | 'in' | 'name'>;

interface Candidate extends Credential {
  /** A well-known credential name; otherwise it must be sent on most calls to the host. */
  named: boolean;
  value: string;
  /** Its scheme's `authSchemeKey`, made once per name. */
  key: string;
}

/**
 * Names that are credentials wherever they appear: `authorization`, `x-api-key`, `apikey`,
 * `token`, `x-auth-token`; and for cookies any session-like name (`sessionid`, `JSESSIONID`,
 * `connect.sid`, `jwt`, `auth_token`).
 */
const WELL_KNOWN_HEADER = /^(?:x-)?(?:api[-_]?key|apikey|auth[-_]?token|access[-_]?token|token|auth|jwt)$/i;
const SESSION_COOKIE = /sess|sid|token|auth|jwt|login/i;
/**
 * A name part that says credential (`x-admin-key`, `x-client-secret`, `my-app-token`): such a
 * header is one when it is also sent on most calls to the host, like a header of no telling name.
 */
const CREDENTIAL_NAME = /(?:^|[-_.])(?:api[-_]?key|apikey|key|token|secret|session|jwt|bearer|credentials?|password|pass)(?:$|[-_.])/i;
/**
 * CSRF tokens, nonces, signatures, request ids: sent with a credential, never one. Anti-bot
 * proofs too (`openai-sentinel-proof-token`, turnstile, captcha, challenge and attestation
 * tokens): a challenge script mints one per request or per few requests to show a browser is
 * there; it says nothing about who calls, expires in minutes, and a client cannot copy it from a
 * reference, so naming it as authentication would send readers after the wrong thing. They stay
 * visible as request headers (their values redacted).
 */
const NOT_CREDENTIAL =
  /csrf|xsrf|nonce|signature|sign$|request[-_]?id|trace|idempotency|captcha|turnstile|proof|sentinel|challenge|attestation|device|client[-_]?id|locale|timezone/i;
/** Browser and protocol headers: never credentials, whatever their value looks like. */
const PROTOCOL_HEADER =
  /^(?::|sec-|accept|content-|if-|cache-|access-control-|x-forwarded-|x-real-ip|x-b3-|traceparent|tracestate|baggage|sentry-|user-agent|referer|origin|host$|connection|cookie$|pragma|priority|range|te$|upgrade|dnt|x-requested-with)/i;
/** Analytics, consent and bot-management cookies: on every call, credential-shaped, and no credential. */
const TRACKER_COOKIE =
  /^(?:_ga|_gid|_gat|_gcl|_fbp|_fbc|__cf|cf_|_cf|__stripe|ajs_|_hj|_clck|_clsk|mp_|amplitude|intercom-|__hs|hubspot|_uet|muid|optimizely|_dd_s|__utm|_pk_|optanon|__gads|__gpi|_pin|_tt_|_rdt|_scid|_sctr|__q_|ph_|statsig|__vercel|_vcrcs|__ddg|__eoi|_lr_)/i;
/** A name fit to print: a cookie named after a user or a token is not named in the reference. */
const PRINTABLE_NAME = /^_{0,2}[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/**
 * What a header or cookie name says before its value is read: never a credential (null), or
 * whether it is a well-known credential name and whether a part of it says credential.
 */
interface NameVerdict {
  wellKnown: boolean;
  credentialName: boolean;
  key: string;
}

/** Names and values remembered per survey: a capture sends the same few again and again. */
const MAX_NAMES = 2000;
const MAX_VALUES_REMEMBERED = 4000;
/** Longer values are judged again each time rather than held for it. */
const MAX_REMEMBERED_CHARS = 2048;

/**
 * The credential-shaped values one request sent, by scheme (known or not yet confirmed). Every
 * decision is a function of a name or a value alone, so each is made once per distinct name or
 * value (bounded) rather than once per call.
 */
class CandidateFinder {
  /** Header names as sent → their lower case, and whether a protocol header (never a candidate). */
  readonly #headers = new Map<string, { lower: string; protocol: boolean; key: string }>();
  /** `header` and `cookie` names → their verdict. */
  readonly #names = { header: new Map<string, NameVerdict | null>(), cookie: new Map<string, NameVerdict | null>() };
  /** Query parameter names → whether they say credential. */
  readonly #queryNames = new Map<string, boolean>();
  /** Cookie names → whether a tracker's. */
  readonly #trackers = new Map<string, boolean>();
  /** Values → bit 1: credential-shaped, bit 2: an opaque secret (bit 4: that was decided). */
  readonly #values = new Map<string, number>();

  candidatesOf(exchange: Exchange): Candidate[] {
    const found: Candidate[] = [];
    for (const header of exchange.request.headers) {
      const { lower: name, protocol, key } = this.#header(header.name);
      if (name === 'authorization' || name === 'proxy-authorization') {
        if (header.value.trim() === '') continue;
        const scheme = header.value.trim().split(/\s+/, 1)[0]!.toLowerCase();
        const type = scheme === 'bearer' ? 'bearer' : scheme === 'basic' ? 'basic' : 'apiKey';
        found.push({ type, in: 'header', name, named: true, value: header.value, key });
      } else if (!protocol) this.#addCandidate(found, 'header', name, header.value);
    }
    for (const cookie of cookiesOf(exchange)) if (!this.#tracker(cookie.name)) this.#addCandidate(found, 'cookie', cookie.name, cookie.value);
    for (const param of exchange.url.query) {
      const candidate = this.#querySays(param.name) && isCredentialShaped(param.value);
      if (candidate && PRINTABLE_NAME.test(param.name))
        found.push({ type: 'apiKey', in: 'query', name: param.name, named: true, value: param.value, key: authSchemeKey({ in: 'query', name: param.name }) });
    }
    return found;
  }

  #header(name: string): { lower: string; protocol: boolean; key: string } {
    let known = this.#headers.get(name);
    if (known === undefined) {
      const lower = name.toLowerCase();
      known = { lower, protocol: PROTOCOL_HEADER.test(lower), key: authSchemeKey({ in: 'header', name: lower }) };
      if (this.#headers.size < MAX_NAMES) this.#headers.set(name, known);
    }
    return known;
  }

  /** Whether a query parameter's name says credential (`nameSaysCredential`), once per name. */
  #querySays(name: string): boolean {
    let says = this.#queryNames.get(name);
    if (says === undefined) {
      says = nameSaysCredential(name);
      if (this.#queryNames.size < MAX_NAMES) this.#queryNames.set(name, says);
    }
    return says;
  }

  #tracker(name: string): boolean {
    let tracker = this.#trackers.get(name);
    if (tracker === undefined) {
      tracker = TRACKER_COOKIE.test(name);
      if (this.#trackers.size < MAX_NAMES) this.#trackers.set(name, tracker);
    }
    return tracker;
  }

  #addCandidate(found: Candidate[], where: 'header' | 'cookie', name: string, value: string): void {
    const names = this.#names[where];
    let verdict = names.get(name);
    if (verdict === undefined) {
      verdict = nameVerdict(where, name);
      if (names.size < MAX_NAMES) names.set(name, verdict);
    }
    if (verdict === null || !this.#valueIs(value, SHAPED)) return;
    const type = where === 'cookie' ? 'cookie' : 'apiKey';
    if (verdict.wellKnown) found.push({ type, in: where, name, named: true, value, key: verdict.key });
    else if (verdict.credentialName || this.#valueIs(value, OPAQUE)) found.push({ type, in: where, name, named: false, value, key: verdict.key });
  }

  /** Whether the value is credential-shaped (`SHAPED`) or an opaque secret (`OPAQUE`), each judged once per value. */
  #valueIs(value: string, bit: typeof SHAPED | typeof OPAQUE): boolean {
    let bits = this.#values.get(value) ?? 0;
    if ((bits & (bit << 2)) === 0) {
      const holds = bit === SHAPED ? isCredentialShaped(value) : isOpaqueSecret(value);
      bits |= (bit << 2) | (holds ? bit : 0);
      if (value.length <= MAX_REMEMBERED_CHARS && (this.#values.size < MAX_VALUES_REMEMBERED || this.#values.has(value))) this.#values.set(value, bits);
    }
    return (bits & bit) !== 0;
  }
}

const SHAPED = 1;
const OPAQUE = 2;

/** What a header or cookie name alone says (see `NameVerdict`); null when it is never a credential. */
function nameVerdict(where: 'header' | 'cookie', name: string): NameVerdict | null {
  if (!PRINTABLE_NAME.test(name) || NOT_CREDENTIAL.test(name)) return null;
  // `oai-session-id`, `x-device-id`: a header naming an id identifies a client or a session, it does not authenticate it.
  if (where === 'header' && /[-_]id$/.test(name)) return null;
  return {
    wellKnown: where === 'cookie' ? SESSION_COOKIE.test(name) : WELL_KNOWN_HEADER.test(name),
    credentialName: CREDENTIAL_NAME.test(name),
    key: authSchemeKey({ in: where, name }),
  };
}

/** Query names that say credential on their own: `api_key`, `access_token`, `token`, `key`. */
function nameSaysCredential(name: string): boolean {
  return !NOT_CREDENTIAL.test(name) && (WELL_KNOWN_HEADER.test(name) || /^(?:key|access[-_]?token|id[-_]?token|auth)$/i.test(name));
}

/** One word of 8 or more characters that is not a plain number, boolean or readable text. */
export function isCredentialShaped(value: string): boolean {
  if (value.length < 8 || value.length > 16384) return false;
  if (/\s/.test(value) || /^(?:\d+|true|false|null|undefined)$/i.test(value)) return false;
  // Words, also with a short number (`sticker2`, `page-10`): a config value, not a key.
  if (isWordValue(value)) return false;
  return readJwt(value) !== null || !isEncodedText(value);
}

/** A JWT, a random token or a secret with a credential prefix: shapes nothing but a secret has. */
function isOpaqueSecret(value: string): boolean {
  const token = value.replace(/^bearer\s+/i, '');
  if (readJwt(token) !== null || hasCredentialPrefix(token)) return true;
  return looksLikeToken(token) && !isEncodedText(token);
}

/** Base64 of readable text (`x-super-properties`) is data sent encoded, not a secret. */
function isEncodedText(value: string): boolean {
  if (value.length < 12 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return false;
  const text = decodeBase64Text(value);
  return text !== null && /^[\s{["]/.test(text);
}

function cookiesOf(exchange: Exchange): NameValue[] {
  if (exchange.request.cookies.length > 0) return exchange.request.cookies;
  const header = exchange.request.headers.find((h) => h.name.toLowerCase() === 'cookie');
  if (!header) return [];
  return header.value
    .split(';')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq === -1 ? { name: pair.trim(), value: '' } : { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() };
    })
    .filter((c) => c.name !== '');
}

/** Values remembered per name and host to tell a reused credential from a nonce. */
const MAX_VALUES = 64;

interface Tally {
  credential: Credential;
  named: boolean;
  calls: number;
  values: Set<string>;
  /** The value of the last call: a reused credential is compared with it, not hashed into `values` again. */
  last: string | null;
}

/**
 * Gathers candidates over every kept call (`add`, which returns the call's candidates), then
 * decides per host which are credentials (`credentialsOf`, after the last `add`).
 */
export class CredentialSurvey {
  private readonly hosts = new Map<string, { calls: number; tallies: Map<string, Tally> }>();
  private readonly finder = new CandidateFinder();
  /** Per host, the tallies' credentials that are confirmed (`add` answers with those same objects). */
  private decided: Map<string, Set<Credential>> | null = null;

  /** Counts one call; returns the keys of its candidates, to be filtered by `credentialsOf`. */
  add(exchange: Exchange): Credential[] {
    let host = this.hosts.get(exchange.url.host);
    if (!host) this.hosts.set(exchange.url.host, (host = { calls: 0, tallies: new Map() }));
    host.calls++;
    const sent: Credential[] = [];
    for (const candidate of this.finder.candidatesOf(exchange)) {
      const key = candidate.key;
      let tally = host.tallies.get(key);
      if (!tally)
        host.tallies.set(
          key,
          (tally = { credential: { type: candidate.type, in: candidate.in, name: candidate.name }, named: false, calls: 0, values: new Set(), last: null }),
        );
      // A scheme sent twice in one call (a repeated header or cookie) counts once.
      if (sent.includes(tally.credential)) continue;
      tally.calls++;
      tally.named ||= candidate.named;
      if (candidate.value !== tally.last && tally.values.size < MAX_VALUES) {
        tally.values.add(candidate.value);
        tally.last = candidate.value;
      }
      sent.push(tally.credential);
    }
    return sent;
  }

  /** The credentials among what one call sent (`add`'s answer), once every call is counted. */
  credentialsOf(host: string, sent: readonly Credential[]): Credential[] {
    this.decided ??= this.decide();
    const confirmed = this.decided.get(host);
    return confirmed ? sent.filter((c) => confirmed.has(c)) : [];
  }

  private decide(): Map<string, Set<Credential>> {
    const decided = new Map<string, Set<Credential>>();
    for (const [name, host] of this.hosts) {
      const confirmed = new Set<Credential>();
      for (const tally of host.tallies.values()) if (isCredential(tally, host.calls)) confirmed.add(tally.credential);
      decided.set(name, confirmed);
    }
    return decided;
  }
}

/**
 * A named credential counts when it is reused or sent once; an unnamed one must also be sent on
 * most calls to the host. A value new on every one of three or more calls is a nonce.
 */
function isCredential(tally: Tally, hostCalls: number): boolean {
  if (tally.credential.in === 'header' && tally.credential.name.endsWith('authorization')) return true;
  const nonce = tally.calls >= 3 && tally.values.size >= tally.calls;
  if (nonce) return false;
  if (tally.named) return true;
  return tally.calls * 2 > hostCalls && (tally.calls === 1 || tally.values.size < tally.calls);
}
