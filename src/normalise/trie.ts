/**
 * The observed paths of one host as a trie of raw segments. Each node also keeps what the
 * templating decision weighs besides the segments themselves: how many exchanges end there and a
 * few of them, whose successful JSON responses let siblings be compared (likeness.ts). Nodes are
 * kept small (no map for a leaf, keys read only when a comparison needs them) because a large
 * capture has hundreds of thousands of them.
 */
import type { Json } from '../exchange.js';
import type { PathSample } from './templates.js';

export interface TrieNode {
  /** Child nodes by raw segment; null for a leaf. */
  children: Map<string, TrieNode> | null;
  /** Exchanges whose path ends at this node. */
  ends: number;
  /** Distinct paths that end at or below this node. */
  paths: number;
  /** The first few of those exchanges (at most `SAMPLES`), for response shapes. */
  samples: PathSample[] | null;
}

/** Exchanges kept per node for shapes: enough to see a resource's keys, bounded in memory. */
const SAMPLES = 4;
/** Keys read per response: enough to compare shapes, bounded so a huge object costs nothing more. */
const MAX_KEYS = 64;
const NO_CHILDREN: ReadonlyMap<string, TrieNode> = new Map();

export function emptyNode(): TrieNode {
  return { children: null, ends: 0, paths: 0, samples: null };
}

/** Adds one exchange's path (already split into raw segments) to the trie. */
export function addPath(root: TrieNode, segments: readonly string[], exchange: PathSample): void {
  let node = root;
  for (const segment of segments) {
    node.children ??= new Map();
    let child = node.children.get(segment);
    if (!child) node.children.set(segment, (child = emptyNode()));
    node = child;
  }
  node.ends++;
  if (node.ends === 1) {
    // A path not seen before: every node on the way now leads to one more distinct path.
    let on = root;
    on.paths++;
    for (const segment of segments) {
      on = on.children!.get(segment)!;
      on.paths++;
    }
  }
  if (node.samples === null) node.samples = [exchange];
  else if (node.samples.length < SAMPLES) node.samples.push(exchange);
}

/** Paths counted by `ShapeNeeds`; past it, every exchange of a path not counted gets its shape. */
const MAX_COUNTED_PATHS = 100_000;

/**
 * Whether templating can read an exchange's response shape, asked in the order exchanges are
 * templated: a node keeps only the first `SAMPLES` exchanges ending at it, and those are among the
 * first `SAMPLES` of each raw path ending there, so a path's later exchanges need no shape.
 * Counted per host and path, bounded (an uncounted path's exchanges all get one, as before).
 */
export class ShapeNeeds {
  readonly #byHost = new Map<string, Map<string, number>>();
  #paths = 0;

  needsShape(host: string, path: string): boolean {
    let paths = this.#byHost.get(host);
    if (paths === undefined) this.#byHost.set(host, (paths = new Map()));
    const seen = paths.get(path);
    if (seen === undefined) {
      if (this.#paths >= MAX_COUNTED_PATHS) return true;
      this.#paths++;
      paths.set(path, 1);
      return true;
    }
    if (seen >= SAMPLES) return false;
    paths.set(path, seen + 1);
    return true;
  }
}

export function childrenOf(node: TrieNode): ReadonlyMap<string, TrieNode> {
  return node.children ?? NO_CHILDREN;
}

/**
 * Top-level keys of the 2xx JSON responses ending at the node: `{a, b}` → `a, b`; `[{a}, …]` →
 * `[]a`; a small envelope also shows what it wraps (`{data: {id, name}}` → `data, data.id,
 * data.name`). Empty when there is nothing to compare: no body, text, errors only, empty arrays.
 */
export function responseKeys(node: TrieNode): Set<string> {
  const keys = new Set<string>();
  for (const exchange of node.samples ?? []) {
    const { status, body } = exchange.response;
    if (status < 200 || status > 299 || body === null || body.content.kind !== 'json') continue;
    const value: Json = body.content.value;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 3)) if (isObject(item)) addKeys(keys, item, '[]');
    } else if (isObject(value)) addKeys(keys, value, '');
  }
  return keys;
}

/**
 * The part of a response body that `responseKeys` reads, and nothing more: a pipeline that drops
 * bodies before templating keeps this instead (keys with null values, small envelopes opened,
 * the first three array items). `responseKeys` gives the same keys for the shape as for the body.
 */
export function responseShape(value: Json): Json {
  if (Array.isArray(value)) return value.slice(0, 3).map((item) => (isObject(item) ? objectShape(item) : null));
  return isObject(value) ? objectShape(value) : null;
}

function objectShape(object: { [key: string]: Json }): Json {
  const keys: string[] = [];
  for (const key in object) {
    if (keys.length > MAX_KEYS) break;
    keys.push(key);
  }
  // Only a small envelope is opened, as `addKeys` does.
  const open = keys.length <= 2;
  const shape: { [key: string]: Json } = {};
  for (const key of keys.slice(0, MAX_KEYS)) {
    const inner = object[key]!;
    // defineProperty: a captured `__proto__` key stays a plain property.
    Object.defineProperty(shape, key, { value: open && isObject(inner) ? objectShape(inner) : null, enumerable: true, writable: true, configurable: true });
  }
  return shape;
}

function addKeys(keys: Set<string>, object: { [key: string]: Json }, prefix: string): void {
  let n = 0;
  for (const key in object) {
    if (n++ >= MAX_KEYS) return;
    keys.add(`${prefix}${key}`);
  }
  if (n > 2) return;
  for (const key in object) {
    const inner = object[key]!;
    if (isObject(inner)) addKeys(keys, inner, `${prefix}${key}.`);
  }
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
