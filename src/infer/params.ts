/**
 * Query parameters, notable request headers and auth schemes of one endpoint, with evidence:
 * in how many of its requests each appeared. Gathered one exchange at a time; per name only a
 * count and a `ScalarObserver` are kept (named-values.ts; the first 1000 values observed).
 */
import type { Exchange } from '../exchange.js';
import type { AuthRequirement, AuthScheme, HeaderParam, Param } from '../model.js';
import { authSchemeKey } from '../auth-requirements.js';
import type { Credential } from '../normalise/credentials.js';
import { headerKind } from '../normalise/header-kind.js';
import { NamedValues } from './named-values.js';

/** Values observed per name; later ones only count towards presence. */
const MAX_VALUES_PER_NAME = 1000;

export class QueryParamsAccumulator {
  private readonly named = new NamedValues(MAX_VALUES_PER_NAME);

  add(exchange: Exchange): void {
    this.named.addSample(exchange.url.query);
  }

  finish(): Param[] {
    const of = this.named.samples;
    const params: Param[] = [];
    for (const { name, seen, values } of this.named.entries())
      params.push(withExample({ name, seen, of, required: seen === of, schema: values.schema() }, values.example));
    return params.sort(byName);
  }
}

/** Notable request headers only: the others are never shown, so their values are not observed. */
export class HeadersAccumulator {
  private readonly named = new NamedValues(MAX_VALUES_PER_NAME, (name) => headerKind(name) !== null);

  /** Header names sent as credentials on some request: their kind is `auth`, whatever the name says. */
  private readonly credentials = new Set<string>();

  add(exchange: Exchange, credentials: readonly Credential[] = []): void {
    this.named.addSample(exchange.request.headers, true);
    for (const credential of credentials) if (credential.in === 'header') this.credentials.add(credential.name.toLowerCase());
  }

  finish(): HeaderParam[] {
    const of = this.named.samples;
    const headers: HeaderParam[] = [];
    for (const { name, seen, values } of this.named.entries()) {
      const kind = this.credentials.has(name) ? 'auth' : headerKind(name)!;
      const example = name === 'cookie' ? cookieNames(values.first ?? '') : undefined;
      const param = withExample({ name, seen, of, required: seen === of, schema: { type: 'string' } }, values.example);
      headers.push({ ...param, ...(example !== undefined ? { example } : {}), kind });
    }
    return headers.sort(byName);
  }
}

/** A Cookie header is shown by its cookie names only: `session=…; theme=…`. */
function cookieNames(value: string): string {
  return value
    .split(';')
    .map((pair) => pair.trim().split('=')[0])
    .filter(Boolean)
    .map((name) => `${name}=…`)
    .join('; ');
}

/**
 * Auth schemes and requirements of one endpoint from the credentials each request sent, as the
 * host-wide survey decided them on original values (normalise/credentials.ts): the redacted
 * exchange is never read here, so a redaction placeholder cannot make or unmake a credential.
 */
export class AuthAccumulator {
  private readonly schemes = new Map<string, AuthScheme>();
  private readonly sets = new Map<string, AuthRequirement>();

  add(credentials: readonly Credential[]): void {
    const keys = new Set<string>();
    for (const credential of credentials) {
      const key = authSchemeKey(credential);
      if (keys.has(key)) continue;
      keys.add(key);
      const scheme = this.schemes.get(key);
      if (scheme) scheme.seen++;
      else this.schemes.set(key, { type: credential.type, in: credential.in, name: credential.name, seen: 1 });
    }
    if (keys.size === 0) return;
    const schemes = [...keys].sort();
    const id = schemes.join('\n');
    const set = this.sets.get(id);
    if (set) set.seen++;
    else this.sets.set(id, { schemes, seen: 1 });
  }

  finish(): { auth: AuthScheme[]; authRequirements: AuthRequirement[] } {
    const auth = [...this.schemes.values()].sort((a, b) => (a.type + a.name < b.type + b.name ? -1 : 1));
    const authRequirements = [...this.sets.values()].sort((a, b) => b.seen - a.seen || (a.schemes.join() < b.schemes.join() ? -1 : 1));
    return { auth, authRequirements };
  }
}

function withExample<T extends Param>(param: T, example: string | undefined): T {
  return example === undefined ? param : { ...param, example };
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
