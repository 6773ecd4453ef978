/**
 * Names for endpoints, shared by the OpenAPI document (operationId, component schemas) and the
 * TypeScript types, so both say `GetConversationResponse` for the same body. A base name is the
 * method and the literal path words after the API root (`GET /backend-api/conversation/{id}` →
 * `GetConversation`); endpoints that would share one get their parameters (`…ByConversationId`),
 * then their host, then a number, in model order so the result is deterministic.
 */
import type { ApiModel, Endpoint } from '../../model.js';
import { TEMPLATE_EXPRESSION } from './parameters.js';

/** Leading segments that only say "this is the API": `api`, `backend-api`, `rest`, `v2`, `v1.1`. */
const GENERIC_ROOT = /^(?:api|rest|[a-z0-9]+-api|v\d{1,4}(?:\.\d{1,4})?)$/i;

/** PascalCase from any text: words split at non-alphanumerics, first letters capitalised. */
export function pascalCase(text: string): string {
  let out = '';
  for (const word of text.split(/[^A-Za-z0-9]+/)) {
    if (word) out += word[0]!.toUpperCase() + word.slice(1);
  }
  return out;
}

/** `GetConversation` → `getConversation`. */
export function camelCase(pascal: string): string {
  return pascal ? pascal[0]!.toLowerCase() + pascal.slice(1) : pascal;
}

/** Base names by endpoint key, unique over the model. */
export function nameEndpoints(model: ApiModel): Map<string, string> {
  const roots = new Map(model.hosts.map((h) => [h.name, h.apiRoot]));
  const candidates = model.endpoints.map((e) => candidateNames(e, roots.get(e.host) ?? ''));
  const chosen = candidates.map((c) => c[0]);
  for (const [, members] of clashes(chosen)) for (const i of members) chosen[i] = candidates[i]![1];
  // The host helps only where the endpoints that still clash live on different hosts.
  for (const [, members] of clashes(chosen)) {
    if (new Set(members.map((i) => model.endpoints[i]!.host)).size > 1) for (const i of members) chosen[i] = candidates[i]![2];
  }
  const all = new Set(chosen);
  const taken = new Set<string>();
  const next = new Map<string, number>();
  const names = new Map<string, string>();
  model.endpoints.forEach((endpoint, i) => {
    const base = chosen[i]!;
    let name = base;
    for (let n = next.get(base) ?? 2; taken.has(name); n++) {
      name = `${base}${n}`;
      if (all.has(name)) name = base;
      next.set(base, n + 1);
    }
    taken.add(name);
    names.set(endpoint.key, name);
  });
  return names;
}

/** Indexes of names given more than once, by name. */
function clashes(names: readonly string[]): Map<string, number[]> {
  const byName = new Map<string, number[]>();
  names.forEach((name, i) => {
    const members = byName.get(name);
    if (members) members.push(i);
    else byName.set(name, [i]);
  });
  return new Map([...byName].filter(([, members]) => members.length > 1));
}

/** From plainest to most specific: literal words; with `By<Param>`; with the host too. */
function candidateNames(endpoint: Endpoint, apiRoot: string): [string, string, string] {
  let segments = endpoint.path.split('/').filter(Boolean);
  const root = apiRoot.split('/').filter(Boolean);
  if (root.length > 0 && root.length < segments.length && root.every((s, i) => segments[i] === s)) segments = segments.slice(root.length);
  while (segments.length > 1 && GENERIC_ROOT.test(segments[0]!)) segments = segments.slice(1);
  const method = pascalCase(endpoint.method.toLowerCase()) || 'Request';
  const literal = segments.map((s) => pascalCase(s.replace(TEMPLATE_EXPRESSION, ' '))).join('') || 'Root';
  const withParams = segments.map((s) => pascalCase(s.replace(TEMPLATE_EXPRESSION, (_, name: string) => ` By ${name} `))).join('') || 'Root';
  return [method + literal, method + withParams, method + pascalCase(endpoint.host) + withParams];
}

/**
 * Hands out names, adding `2`, `3` … to one already given; linear however many clash. `style`
 * (quicktype's, for names it will declare) is applied to a name with its number added too.
 */
export class UniqueNames {
  readonly #taken: Set<string>;
  readonly #next = new Map<string, number>();
  readonly #style: (name: string) => string;

  constructor(taken: Iterable<string> = [], style: (name: string) => string = (name) => name) {
    this.#taken = new Set(taken);
    this.#style = style;
  }

  claim(name: string): string {
    let unique = name;
    for (let n = this.#next.get(name) ?? 2; this.#taken.has(unique); n++) {
      unique = this.#style(`${name}${n}`);
      this.#next.set(name, n + 1);
    }
    this.#taken.add(unique);
    return unique;
  }
}
