/**
 * Security schemes from the credentials the capture carried (bearer and basic `Authorization`,
 * API key headers and query parameters, session cookies): where they travel, never what they
 * were. Credentials a request sent together are one requirement (AND), different sets are
 * alternatives (OR); the capture cannot tell which of them the server actually checks.
 */
import { authRequirementsOf, authSchemeKey, unauthenticatedRequests } from '../../auth-requirements.js';
import type { ApiModel, AuthScheme, Credential, Endpoint } from '../../model.js';
import { lifetimeView } from '../lifetime.js';
import { UniqueNames } from './names.js';
import type { SecurityScheme } from './spec.js';

export interface SecurityCatalog {
  schemes: Record<string, SecurityScheme>;
  /** Scheme name by `authKey`. */
  names: Map<string, string>;
}

export function authKey(auth: Pick<AuthScheme, 'type' | 'in' | 'name'>): string {
  return `${auth.type} ${auth.in} ${auth.name.toLowerCase()}`;
}

export function securitySchemes(model: ApiModel): SecurityCatalog {
  const found = new Map<string, { auth: AuthScheme; seen: number; endpoints: number; jwt: boolean }>();
  for (const endpoint of model.endpoints) {
    for (const auth of endpoint.auth) {
      const key = authKey(auth);
      const entry = found.get(key) ?? { auth, seen: 0, endpoints: 0, jwt: false };
      entry.seen += auth.seen;
      entry.endpoints++;
      entry.jwt ||= auth.type === 'bearer' && carriesJwt(endpoint, auth.name);
      found.set(key, entry);
    }
  }
  const schemes: Record<string, SecurityScheme> = {};
  const names = new Map<string, string>();
  const unique = new UniqueNames();
  const credentials = hostCredentials(model);
  for (const [key, { auth, seen, endpoints, jwt }] of [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const name = unique.claim(schemeName(auth));
    const description = [`Seen on ${seen} request(s) to ${endpoints} endpoint(s).`, ...credentialFacts(credentials.get(authSchemeKey(auth)) ?? [], model)].join(
      ' ',
    );
    schemes[name] =
      auth.type === 'bearer' || auth.type === 'basic'
        ? { type: 'http', scheme: auth.type, ...(jwt ? { bearerFormat: 'JWT' } : {}), description }
        : { type: 'apiKey', in: auth.in, name: auth.name, description };
    names.set(key, name);
  }
  return { schemes, names };
}

/**
 * The requirements as observed: credentials sent together are one requirement object (all are
 * needed), different sets are alternatives; `{}` too when some requests sent none; `[]` (none)
 * when no credential was seen at all, which is what the capture shows even if the server would
 * want one. The Markdown Auth line reads the same requirements (auth-requirements.ts).
 */
export function operationSecurity(endpoint: Endpoint, catalog: SecurityCatalog): Record<string, string[]>[] {
  if (endpoint.auth.length === 0) return [];
  const alternatives: Record<string, string[]>[] = authRequirementsOf(endpoint).map((requirement) =>
    Object.fromEntries(requirement.schemes.map((scheme) => [catalog.names.get(authKey(scheme))!, [] as string[]])),
  );
  if (unauthenticatedRequests(endpoint) > 0) alternatives.push({});
  return alternatives;
}

/** The hosts' Authentication data by credential (`header authorization`), from every host that saw it. */
function hostCredentials(model: ApiModel): Map<string, Credential[]> {
  const out = new Map<string, Credential[]>();
  for (const host of model.hosts)
    for (const credential of host.auth?.credentials ?? []) {
      const key = authSchemeKey(credential);
      out.set(key, [...(out.get(key) ?? []), credential]);
    }
  return out;
}

/** What the capture showed about a credential, in words: examples' variable, JWT claims and lifetime, who issued it. */
function credentialFacts(credentials: readonly Credential[], model: ApiModel): string[] {
  const facts: string[] = [];
  const first = credentials[0];
  if (!first) return facts;
  facts.push(`The examples read it from \`$${first.variable}\`.`);
  const jwt = credentials.find((c) => c.jwt)?.jwt;
  if (jwt) {
    const lifetime = jwt.lifetime ? lifetimeView(jwt.lifetime) : null;
    const unit = lifetime ? (lifetime.unit.days ? 'day(s)' : lifetime.unit.hours ? 'hour(s)' : lifetime.unit.minutes ? 'minute(s)' : 'second(s)') : '';
    const span = lifetime ? ` lifetime (exp - iat) ${lifetime.min}${lifetime.range ? `–${lifetime.max}` : ''} ${unit};` : '';
    facts.push(`A JWT:${span} claims ${jwt.claims.map((c) => `\`${c}\``).join(', ')}.`);
  }
  const issuers = credentials.flatMap((c) => c.issuedBy);
  if (issuers.length > 0)
    facts.push(`Issued by ${issuers.map((i) => `\`${endpointLabel(i.endpoint, model)}\` (${i.via} \`${i.name}\`, ${i.seen}×)`).join(', ')}.`);
  // An OAuth 2 token response (RFC 6749 §5.1) names its field `access_token`: that endpoint is the token URL.
  const tokenUrls = [...new Set(issuers.filter((i) => i.via === 'body' && i.name === 'access_token').map((i) => endpointUrl(i.endpoint, model)))];
  if (tokenUrls.length > 0) facts.push(`OAuth 2 token URL: ${tokenUrls.map((u) => `\`${u}\``).join(', ')}.`);
  return facts;
}

function endpointUrl(key: string, model: ApiModel): string {
  const endpoint = model.endpoints.find((e) => e.key === key);
  if (!endpoint) return key;
  const host = model.hosts.find((h) => h.name === endpoint.host);
  const origin = host?.baseUrl ? host.baseUrl.slice(0, host.baseUrl.length - host.apiRoot.length) : `https://${endpoint.host}`;
  return `${origin}${endpoint.path}`;
}

function endpointLabel(key: string, model: ApiModel): string {
  const endpoint = model.endpoints.find((e) => e.key === key);
  return endpoint ? `${endpoint.method} ${endpoint.path}` : key;
}

/** Component names allow `[A-Za-z0-9._-]` only. */
function schemeName(auth: AuthScheme): string {
  const safe = auth.name.replace(/[^A-Za-z0-9._-]/g, '_');
  switch (auth.type) {
    case 'bearer':
      return auth.name.toLowerCase() === 'authorization' ? 'bearerAuth' : `bearer_${safe}`;
    case 'basic':
      return auth.name.toLowerCase() === 'authorization' ? 'basicAuth' : `basic_${safe}`;
    case 'cookie':
      return `cookie_${safe}`;
    case 'apiKey':
      return `${auth.in}_${safe}`;
  }
}

/** The redacted header says what kind of token it held (`Bearer <jwt:1>`), never the token. */
function carriesJwt(endpoint: Endpoint, header: string): boolean {
  const example = endpoint.headers.find((h) => h.name === header.toLowerCase())?.example;
  return example !== undefined && /^bearer <jwt:\d+>$/i.test(example);
}
