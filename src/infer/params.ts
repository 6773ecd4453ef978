/**
 * Query parameters, notable request headers and auth schemes of one endpoint, with evidence:
 * in how many of its requests each appeared. Gathered one exchange at a time; per name only a
 * count and a `ScalarObserver` are kept (named-values.ts; the first 1000 values observed).
 */
import type { Exchange } from '../exchange.js';
import type { AuthRequirement, AuthScheme, HeaderParam, JsonSchema, Param, Shown } from '../model.js';
import { authSchemeKey } from '../auth-requirements.js';
import type { Credential } from '../normalise/credentials.js';
import { headerKind } from '../normalise/header-kind.js';
import { isRequired } from '../evidence.js';
import type { Gate } from './gate.js';
import { NamedValues, valuesSchema } from './named-values.js';

/** Credential objects remembered with their shown name; others are looked up by name. */
const MAX_CREDENTIALS = 256;
/** Values observed per name; later ones only count towards presence. */
const MAX_VALUES_PER_NAME = 1000;

export class QueryParamsAccumulator {
  private readonly named = new NamedValues(MAX_VALUES_PER_NAME);

  constructor(private readonly gate: Gate) {}

  add(exchange: Exchange): void {
    const gate = this.gate;
    this.named.addSample(exchange.url.query, false, (pair, pairs) => gate.value(pair.value, pair.name, 'query', pairs, 'url.query'));
  }

  finish(): Param[] {
    const of = this.named.samples;
    const params: Param[] = [];
    for (const evidence of this.named.entries()) {
      const { name, seen, values, example } = evidence;
      const schema = valuesSchema(evidence, (members) => this.gate.namedEnum(members, name, 'query', 'url.query'));
      const param: Param = { name: this.gate.name(name, 'url.query'), seen, of, required: isRequired(seen, of, of), schema };
      if (values.emptySeen) param.emptyValue = true;
      if (values.reservedSeen) param.reservedCharacters = true;
      params.push(withExample(param, example, this.gate));
    }
    return params.sort(byName);
  }
}

/** Notable request headers only: the others are never shown, so their values are not observed. */
export class HeadersAccumulator {
  private readonly named = new NamedValues(MAX_VALUES_PER_NAME, (name) => headerKind(name) !== null);

  /** Header names sent as credentials on some request: their kind is `auth`, whatever the name says. */
  private readonly credentials = new Set<string>();

  constructor(private readonly gate: Gate) {}

  add(exchange: Exchange, credentials: readonly Credential[] = []): void {
    const gate = this.gate;
    // A Cookie header is shown by its cookie names only (`session=…; theme=…`), through the gate.
    this.named.addSample(exchange.request.headers, true, (pair) =>
      pair.name.toLowerCase() === 'cookie' ? gate.cookieNames(pair.value) : gate.header(pair.name, pair.value),
    );
    for (const credential of credentials) if (credential.in === 'header') this.credentials.add(credential.name.toLowerCase());
  }

  finish(): HeaderParam[] {
    const of = this.named.samples;
    const headers: HeaderParam[] = [];
    for (const { name, seen, example } of this.named.entries()) {
      const kind = this.credentials.has(name) ? 'auth' : headerKind(name)!;
      const param = withExample(
        { name: this.gate.name(name, 'request.header'), seen, of, required: isRequired(seen, of, of), schema: { type: 'string' } },
        example,
        this.gate,
      );
      headers.push({ ...param, kind });
    }
    return headers.sort(byName);
  }
}

/**
 * Auth schemes and requirements of one endpoint from the credentials each request sent, as the
 * host-wide survey decided them on original values (normalise/credentials.ts): the redacted
 * exchange is never read here, so a redaction placeholder cannot make or unmake a credential.
 */
export class AuthAccumulator {
  private readonly schemes = new Map<string, AuthScheme>();
  private readonly sets = new Map<string, AuthRequirement>();
  /** Credential names as the gate shows them (a cookie name can hold an email), by `in` and name. */
  private readonly shownNames = new Map<string, string>();
  /**
   * The same with the scheme's key, by credential object: the survey answers every call with
   * the same few objects (normalise/credentials.ts), so most calls need no string built.
   */
  private readonly shownByCredential = new Map<Credential, { key: string; name: string }>();

  constructor(private readonly gate: Gate) {}

  add(credentials: readonly Credential[]): void {
    if (credentials.length === 0) return;
    const keys: string[] = [];
    for (const credential of credentials) {
      const shown = this.shown(credential);
      if (keys.includes(shown.key)) continue;
      keys.push(shown.key);
      const scheme = this.schemes.get(shown.key);
      if (scheme) scheme.seen++;
      else this.schemes.set(shown.key, { type: credential.type, in: credential.in, name: shown.name, seen: 1 });
    }
    const id = keys.length === 1 ? keys[0]! : keys.sort().join('\n');
    const set = this.sets.get(id);
    if (set) set.seen++;
    else this.sets.set(id, { schemes: keys, seen: 1 });
  }

  private shown(credential: Credential): { key: string; name: string } {
    let shown = this.shownByCredential.get(credential);
    if (shown === undefined) {
      const name = this.shownName(credential);
      shown = { key: authSchemeKey({ in: credential.in, name }), name };
      if (this.shownByCredential.size < MAX_CREDENTIALS) this.shownByCredential.set(credential, shown);
    }
    return shown;
  }

  private shownName(credential: Credential): string {
    const id = `${credential.in} ${credential.name}`;
    let shown = this.shownNames.get(id);
    if (shown === undefined) {
      shown =
        credential.in === 'cookie'
          ? this.gate.cookieName(credential.name)
          : this.gate.name(credential.name, credential.in === 'query' ? 'url.query' : 'request.header');
      this.shownNames.set(id, shown);
    }
    return shown;
  }

  finish(): { auth: AuthScheme[]; authRequirements: AuthRequirement[] } {
    const auth = [...this.schemes.values()].sort((a, b) => (a.type + a.name < b.type + b.name ? -1 : 1));
    const authRequirements = [...this.sets.values()].sort((a, b) => b.seen - a.seen || (a.schemes.join() < b.schemes.join() ? -1 : 1));
    return { auth, authRequirements };
  }
}

function withExample<T extends Param>(param: T, example: Shown | undefined, gate: Gate): T {
  return example === undefined ? param : { ...param, example: gate.fitText(example, param.schema as JsonSchema) };
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
