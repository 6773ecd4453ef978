/**
 * The Authentication section of each host, as data: the credentials its endpoints carried (from
 * each endpoint's `auth`), the shell variable each is read from in examples, what the flows
 * showed about it (who issued it: a `Set-Cookie` of that name or a response field whose value
 * the request sent; a JWT's claim names and lifetime), CSRF header/cookie pairs, and which
 * endpoints need which credentials (those sent together on every request are one requirement).
 */
import { authRequirementsOf, authSchemeKey, unauthenticatedRequests } from '../auth-requirements.js';
import type { AuthScheme, Credential, Endpoint, HostAuth, HostRequirement, Issuer, Link } from '../model.js';
import { compareText } from '../order.js';
import { shellName } from '../shell-name.js';
import type { FlowFacts } from './flows/observe.js';

/** `endpoints`: the host's own. */
export function describeHostAuth(host: string, mine: readonly Endpoint[], facts: FlowFacts): HostAuth {
  const found = new Map<string, Credential>();
  for (const endpoint of mine) {
    for (const auth of endpoint.auth) {
      const key = credentialKey(auth);
      const credential = found.get(key);
      if (credential) {
        credential.seen += auth.seen;
        credential.endpoints++;
      } else found.set(key, { type: auth.type, in: auth.in, name: auth.name, variable: '', seen: auth.seen, endpoints: 1, issuedBy: [] });
    }
  }
  const credentials = [...found.values()].sort((a, b) => compareText(a.type, b.type) || compareText(a.name, b.name));
  const variables = new Set<string>();
  const keys = new Set(mine.map((e) => e.key));
  for (const credential of credentials) {
    credential.variable = claimVariable(variableName(credential), variables);
    const jwt = facts.credentials.get(`${credential.in} ${credential.in === 'header' ? credential.name.toLowerCase() : credential.name}`);
    if (jwt) credential.jwt = { claims: jwt.claims, ...(jwt.lifetime ? { lifetime: jwt.lifetime } : {}) };
    credential.issuedBy = issuers(credential, keys, facts);
  }
  return { credentials, csrf: facts.csrf.get(host) ?? [], requirements: requirements(mine) };
}

function credentialKey(auth: Pick<AuthScheme, 'type' | 'in' | 'name'>): string {
  return `${auth.type} ${auth.in} ${auth.in === 'header' ? auth.name.toLowerCase() : auth.name}`;
}

/** Set-Cookie of the cookie's name anywhere in the capture, and links into the credential. */
function issuers(credential: Credential, keys: ReadonlySet<string>, facts: FlowFacts): Issuer[] {
  const out = new Map<string, Issuer>();
  const add = (issuer: Issuer): void => {
    const key = `${issuer.endpoint}\u0000${issuer.via}\u0000${issuer.name}`;
    const found = out.get(key);
    if (found) found.seen += issuer.seen;
    else out.set(key, { ...issuer });
  };
  if (credential.in === 'cookie')
    for (const [endpoint, seen] of facts.setCookies.get(credential.name) ?? []) add({ endpoint, via: 'set-cookie', name: credential.name, seen });
  for (const link of facts.links) {
    if (!keys.has(link.to.endpoint) || !feeds(link, credential)) continue;
    // A cookie set by Set-Cookie is already counted above.
    if (link.from.in === 'cookie') continue;
    add({ endpoint: link.from.endpoint, via: link.from.in === 'header' ? 'header' : 'body', name: link.from.name, seen: link.seen });
  }
  return [...out.values()].sort((a, b) => b.seen - a.seen || compareText(a.endpoint, b.endpoint) || compareText(a.name, b.name));
}

function feeds(link: Link, credential: Credential): boolean {
  const to = link.to;
  if (credential.in === 'header') return to.in === 'header' && to.name === credential.name.toLowerCase();
  return to.in === credential.in && to.name === credential.name;
}

/**
 * Each set of credentials sent together, with the endpoints that sent it (an endpoint whose
 * requests went both ways is under both), and the endpoints some of whose requests sent none.
 */
function requirements(endpoints: readonly Endpoint[]): HostRequirement[] {
  const groups = new Map<string, { credentials: string[]; endpoints: Set<string> }>();
  const add = (credentials: string[], endpoint: string): void => {
    const key = credentials.join('\u0000');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { credentials, endpoints: new Set() }));
    group.endpoints.add(endpoint);
  };
  for (const endpoint of endpoints) {
    for (const requirement of authRequirementsOf(endpoint)) add(requirement.schemes.map(authSchemeKey).sort(compareText), endpoint.key);
    if (unauthenticatedRequests(endpoint) > 0) add([], endpoint.key);
  }
  return [...groups.values()]
    .map(({ credentials, endpoints }): HostRequirement => ({ credentials, endpoints: [...endpoints] }))
    .sort((a, b) => b.endpoints.length - a.endpoints.length || compareText(a.credentials.join(' '), b.credentials.join(' ')));
}

/** `BEARER_TOKEN`, `X_API_KEY`, `NEXT_AUTH_SESSION_TOKEN` (from `__Secure-next-auth.session-token`). */
export function variableName(credential: Pick<AuthScheme, 'type' | 'in' | 'name'>): string {
  if (credential.in === 'header' && credential.name.toLowerCase() === 'authorization') {
    if (credential.type === 'bearer') return 'BEARER_TOKEN';
    if (credential.type === 'basic') return 'BASIC_CREDENTIALS';
    return 'AUTHORIZATION';
  }
  return shellName(credential.name.replace(/^__(?:Secure|Host)-/i, ''));
}

function claimVariable(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) candidate = `${name}_${n}`;
  used.add(candidate);
  return candidate;
}
