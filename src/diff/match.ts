/**
 * Which endpoint of the old model is which endpoint of the new one. Two captures are templated
 * independently, so the same endpoint can come out as `/users/{user_id}` in one and
 * `/users/{id}` in the other, or as a literal `/users/alice` in a capture that saw one user.
 * Endpoints match on method, host and path with parameter names erased; what is left over
 * matches a template on the other side that covers it segment by segment. A capture that saw
 * three logins templates `/users/{user_id}` where one that saw two keeps `/users/octocat` and
 * `/users/torvalds`: the template pairs with one literal and covers the others too, so the
 * pair is one path change, not a path change plus a new (or unobserved) endpoint.
 */
import { ID_KIND_SHAPES } from '../id-shapes.js';
import type { Endpoint } from '../model.js';
import { compareText } from '../order.js';
import { isReservedWord } from '../reserved-words.js';

export interface EndpointPair {
  before: Endpoint;
  after: Endpoint;
  /**
   * More literal endpoints, on the side of the pair's literal, that the other side's template
   * covers as well (`/users/torvalds` beside `/users/octocat` for `/users/{user_id}`), sorted
   * by path. Their bodies are not compared again: they are the same endpoint with another value.
   */
  alsoCovered?: Endpoint[];
}

export interface EndpointMatch {
  pairs: EndpointPair[];
  /** Only in the new model. */
  added: Endpoint[];
  /** Only in the old model. */
  missing: Endpoint[];
}

/** Above this many leftovers sharing method, host and depth, the covering pass is skipped (bounded cost). */
const MAX_COVER_CANDIDATES = 200;

export function matchEndpoints(before: readonly Endpoint[], after: readonly Endpoint[]): EndpointMatch {
  const pairs: EndpointPair[] = [];
  const newByErased = groupBy(after, erasedKey);
  const taken = new Set<Endpoint>();
  const leftover: Endpoint[] = [];
  for (const old of before) {
    const candidates = (newByErased.get(erasedKey(old)) ?? []).filter((e) => !taken.has(e));
    const match = candidates.find((e) => e.key === old.key) ?? candidates[0];
    if (match) {
      taken.add(match);
      pairs.push({ before: old, after: match });
    } else leftover.push(old);
  }
  const unmatchedNew = after.filter((e) => !taken.has(e));
  const covered = matchCovering(leftover, unmatchedNew);
  for (const pair of covered) taken.add(pair.after);
  const coveredOld = new Set(covered.map((p) => p.before));
  const restOld = leftover.filter((e) => !coveredOld.has(e));
  const restNew = after.filter((e) => !taken.has(e));
  const absorbed = coverMore(covered, restOld, restNew);
  return {
    pairs: [...pairs, ...covered],
    added: restNew.filter((e) => !absorbed.has(e)),
    missing: restOld.filter((e) => !absorbed.has(e)),
  };
}

/** `GET api.example.com /users/{}/posts`: the identity of an endpoint across captures. */
export function erasedKey(endpoint: Endpoint): string {
  return `${endpoint.method} ${endpoint.host} ${erasePath(endpoint.path)}`;
}

export function erasePath(path: string): string {
  return path.replace(/\{[^{}/]*\}/g, '{}');
}

/** Pairs a leftover with a leftover on the other side whose path covers it: equal segments, or a parameter on either side. */
function matchCovering(before: readonly Endpoint[], after: readonly Endpoint[]): EndpointPair[] {
  const newByBucket = groupBy(after, bucket);
  const taken = new Set<Endpoint>();
  const pairs: EndpointPair[] = [];
  for (const old of before) {
    const candidates = newByBucket.get(bucket(old)) ?? [];
    if (candidates.length > MAX_COVER_CANDIDATES) continue;
    let best: Endpoint | undefined;
    let bestCost = Infinity;
    for (const candidate of candidates) {
      if (taken.has(candidate)) continue;
      const cost = coverCost(old, candidate);
      if (cost < bestCost) {
        best = candidate;
        bestCost = cost;
      }
    }
    if (best) {
      taken.add(best);
      pairs.push({ before: old, after: best });
    }
  }
  return pairs;
}

/**
 * Gives each covering pair whose one side is a template over the other side's literal the other
 * leftover literals of that side it covers too. Returns the endpoints so absorbed.
 */
function coverMore(pairs: readonly EndpointPair[], restOld: readonly Endpoint[], restNew: readonly Endpoint[]): Set<Endpoint> {
  const absorbed = new Set<Endpoint>();
  const byBucket = (list: readonly Endpoint[]) => groupBy(list, bucket);
  const rest = { before: byBucket(restOld), after: byBucket(restNew) };
  for (const pair of pairs) {
    // The side holding literals: its leftovers may be more values of the other side's template.
    const literalSide = templates(pair.before, pair.after) ? 'after' : templates(pair.after, pair.before) ? 'before' : null;
    if (literalSide === null) continue;
    const template = literalSide === 'after' ? pair.before : pair.after;
    const candidates = rest[literalSide].get(bucket(template)) ?? [];
    if (candidates.length > MAX_COVER_CANDIDATES) continue;
    const more = candidates.filter((e) => !absorbed.has(e) && templates(template, e));
    if (more.length === 0) continue;
    for (const e of more) absorbed.add(e);
    pair.alsoCovered = [...more].sort((a, b) => compareText(a.path, b.path));
  }
  return absorbed;
}

/** Whether `template` covers `literal` one way: parameters where it has literals it can hold, never the reverse. */
function templates(template: Endpoint, literal: Endpoint): boolean {
  const x = segments(template.path);
  const y = segments(literal.path);
  if (x.length !== y.length) return false;
  let covers = false;
  for (let i = 0; i < x.length; i++) {
    const sx = x[i]!;
    const sy = y[i]!;
    if (isParam(sx) !== isParam(sy)) {
      if (!isParam(sx) || !couldBeValue(sy, template, sx)) return false;
      covers = true;
    } else if (!isParam(sx) && sx !== sy) return false;
  }
  return covers;
}

function bucket(e: Endpoint): string {
  return `${e.method} ${e.host} ${segments(e.path).length}`;
}

/**
 * Segments where a literal meets a parameter; Infinity when two literals differ, or when the
 * literal cannot be a value of the parameter (`me` is no integer id).
 */
function coverCost(a: Endpoint, b: Endpoint): number {
  const x = segments(a.path);
  const y = segments(b.path);
  let cost = 0;
  for (let i = 0; i < x.length; i++) {
    const sx = x[i]!;
    const sy = y[i]!;
    const px = isParam(sx);
    const py = isParam(sy);
    if (px && py) continue;
    if (px || py) {
      if (!couldBeValue(px ? sy : sx, px ? a : b, px ? sx : sy)) return Infinity;
      cost++;
    } else if (sx !== sy) return Infinity;
  }
  return cost;
}

function couldBeValue(raw: string, template: Endpoint, segment: string): boolean {
  // Paths are kept as sent: `%21room%3Aserver` is the value `!room:server`.
  const literal = decodeLiteral(raw);
  // `/users/me` is its own endpoint beside `/users/{user_id}`, whatever the values look like.
  if (isReservedWord(literal)) return false;
  const param = template.pathParams.find((p) => `{${p.name}}` === segment);
  if (!param) return true;
  // `g-p-<32 hex>`: a prefixed id keeps its prefix.
  if (param.kind === 'prefixed') return literal.startsWith(param.pattern.split('<', 1)[0]!);
  // The shapes templating uses (id-shapes.ts), never the model's own `regex`: a model file is input, and its patterns are not ours to run.
  const shape = ID_KIND_SHAPES[param.kind];
  return shape === undefined || shape.test(literal);
}

function decodeLiteral(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function segments(path: string): string[] {
  return path.split('/');
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
