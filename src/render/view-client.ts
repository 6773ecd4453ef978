/**
 * The parts of the presentation view a client author reads: per host, the Authentication
 * section (every credential the capture sent, the shell variable the examples read it from, a
 * JWT's claim names and lifetime, which response issued it, CSRF header/cookie pairs, which
 * endpoints need which credentials); per endpoint, where its inputs come from (flow links), a
 * runnable curl example and the response headers that matter. Read only from the model, so
 * nothing here sees a value the redaction gate did not show; escaped by the view's `Escaper`.
 */
import { authRequirementsOf, authSchemeKey } from '../auth-requirements.js';
import type { ApiModel, Credential, Endpoint, Host, Link, Response } from '../model.js';
import { compareText } from '../order.js';
import { curlCommand } from './curl.js';
import type { Escaper } from './escaper.js';
import { type Lifetime, lifetimeView } from './lifetime.js';

/** Where an endpoint is in the reference: its `METHOD /path` and heading anchor. */
export type EndpointIndex = ReadonlyMap<string, { label: string; anchor: string }>;

export interface EndpointRef {
  /** Code: `POST /backend-api/conversation`, or the key when the endpoint is not in the model. */
  endpoint: string;
  /** Null when the endpoint has no section (a saved model naming one it dropped). */
  anchor: string | null;
}

export interface HostAuthView {
  credentials: CredentialView[];
  /** Request headers that echo a cookie (anti-CSRF double submit); code each. */
  csrf: { header: string; cookie: string; seen: number }[];
  requirements: RequirementView[];
}

export interface CredentialView {
  /** Text: `bearer`, `cookie`, `apiKey`, `basic`. */
  type: string;
  /** Text: `header`, `cookie`, `query`. */
  in: string;
  /** Code. */
  name: string;
  /** Code: `$BEARER_TOKEN`. */
  variable: string;
  seen: number;
  endpoints: number;
  /** Code each; null when the value was no JWT. */
  claims: string[] | null;
  /** `exp - iat` in the unit the template names (whole days, hours, minutes, else seconds); null when unknown. */
  lifetime: Lifetime | null;
  issuedBy: (EndpointRef & { via: string; name: string; seen: number })[];
}

export interface RequirementView {
  /** Code each (the variables); empty: requests that sent no credential. */
  credentials: string[];
  none: boolean;
  /** Every endpoint of the host sent it (`endpoints` still lists them). */
  all: boolean;
  endpoints: EndpointRef[];
}

export interface InputView {
  /** Code: the input's name (`conversation_id`, `authorization`, `messages[].id`). */
  name: string;
  /** Text: `path`, `query`, `header`, `cookie`, `body`. */
  in: string;
  /** The responses it came from, most frequent first. */
  from: (EndpointRef & { in: string; field: string; seen: number; of: number })[];
}

export interface ResponseHeaderView {
  /** Code. */
  name: string;
  /** Text: `rate-limit`, `pagination`, `caching`, `location`, `download`. */
  kind: string;
  /** Code; null when none was kept. */
  example: string | null;
}

export interface CurlView {
  /** The command as a block. */
  command: string;
  /** Code each: the variables to set first (`$BEARER_TOKEN`). */
  variables: string[];
}

/** Producers listed per input at most; the rest are counted in the link data only. */
const MAX_PRODUCERS = 3;

export function hostAuthView(host: Host, index: EndpointIndex, esc: Escaper): HostAuthView | null {
  const auth = host.auth;
  if (!auth || auth.credentials.length === 0) return null;
  const byKey = new Map(auth.credentials.map((c) => [authSchemeKey(c), c]));
  return {
    credentials: auth.credentials.map((c) => credentialView(c, index, esc)),
    csrf: auth.csrf.map((p) => ({ header: esc.cellCode(p.header), cookie: esc.cellCode(p.cookie), seen: p.seen })),
    requirements: auth.requirements.map((r) => ({
      credentials: r.credentials.map((key) => esc.code(variableOf(byKey.get(key), key))),
      none: r.credentials.length === 0,
      all: r.endpoints.length === host.endpoints,
      endpoints: r.endpoints.map((key) => refTo(key, index, esc.code)),
    })),
  };
}

function credentialView(c: Credential, index: EndpointIndex, esc: Escaper): CredentialView {
  return {
    type: esc.cellText(c.type),
    in: esc.cellText(c.in),
    name: esc.cellCode(c.name),
    variable: esc.cellCode(`$${c.variable}`),
    seen: c.seen,
    endpoints: c.endpoints,
    claims: c.jwt ? c.jwt.claims.map((claim) => esc.cellCode(claim)) : null,
    lifetime: c.jwt?.lifetime ? lifetimeView(c.jwt.lifetime) : null,
    issuedBy: c.issuedBy.map((i) => ({ ...refTo(i.endpoint, index, esc.cellCode), via: esc.cellText(i.via), name: esc.cellCode(i.name), seen: i.seen })),
  };
}

function variableOf(credential: Credential | undefined, key: string): string {
  return credential ? `$${credential.variable}` : key;
}

function refTo(key: string, index: EndpointIndex, span: (value: string) => string): EndpointRef {
  const found = index.get(key);
  return { endpoint: span(found?.label ?? key), anchor: found?.anchor ?? null };
}

/** The endpoint's Auth line, by variable: each requirement's credentials as `$NAME`. */
export function requirementVariables(endpoint: Endpoint, host: Host | undefined): string[][] {
  const credentials = host?.auth?.credentials ?? [];
  return authRequirementsOf(endpoint).map((r) =>
    r.schemes.map((scheme) => {
      const credential = credentials.find((c) => authSchemeKey(c) === authSchemeKey(scheme));
      return credential ? `$${credential.variable}` : `${scheme.in} ${scheme.name}`;
    }),
  );
}

/** Links into each endpoint, by consumer key. */
export function linksByConsumer(model: Pick<ApiModel, 'links'>): Map<string, Link[]> {
  const out = new Map<string, Link[]>();
  for (const link of model.links ?? []) {
    const list = out.get(link.to.endpoint);
    if (list) list.push(link);
    else out.set(link.to.endpoint, [link]);
  }
  return out;
}

/** Where each input of an endpoint came from: one row per input, its producers most frequent first. */
export function inputsView(links: readonly Link[], index: EndpointIndex, esc: Escaper): InputView[] {
  const byInput = new Map<string, Link[]>();
  for (const link of links) {
    const key = `${link.to.in}\u0000${link.to.name}`;
    const list = byInput.get(key);
    if (list) list.push(link);
    else byInput.set(key, [link]);
  }
  const order = ['path', 'query', 'header', 'cookie', 'body'];
  return [...byInput.values()]
    .sort((a, b) => order.indexOf(a[0]!.to.in) - order.indexOf(b[0]!.to.in) || compareText(a[0]!.to.name, b[0]!.to.name))
    .map((list) => ({
      name: esc.code(list[0]!.to.name),
      in: esc.text(list[0]!.to.in),
      from: [...list]
        .sort((a, b) => b.seen - a.seen || compareText(a.from.endpoint, b.from.endpoint) || compareText(a.from.name, b.from.name))
        .slice(0, MAX_PRODUCERS)
        .map((l) => ({ ...refTo(l.from.endpoint, index, esc.code), in: esc.text(l.from.in), field: esc.code(l.from.name), seen: l.seen, of: l.of })),
    }));
}

export function curlView(endpoint: Endpoint, host: Host | undefined, esc: Escaper): CurlView | null {
  if (!host?.baseUrl || !host.auth) return null;
  const curl = curlCommand(endpoint, host);
  if (!curl) return null;
  return { command: esc.block(curl.command, 'sh'), variables: curl.variables.map((v) => esc.code(`$${v.name}`)) };
}

export function responseHeadersView(response: Response, esc: Escaper): { headers: ResponseHeaderView[]; cookies: string[] } {
  return {
    headers: (response.headers ?? []).map((h) => ({
      name: esc.code(h.name),
      kind: esc.text(h.kind),
      example: h.example !== undefined ? esc.cellCode(h.example) : null,
    })),
    cookies: (response.cookies ?? []).map((c) => esc.code(c.name)),
  };
}
