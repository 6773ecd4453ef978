/**
 * One pass over the JSON samples of a body (or an event kind, or GraphQL variables), one sample
 * at a time as exchanges arrive (`JsonObserver`), that does two things at once, so the cost is
 * one walk per value and nothing more:
 *
 * - **Evidence per field position** (a tree of `FieldNode`s): how many values and objects were
 *   seen there, which JSON kinds, which string formats held for every value, enum candidates,
 *   one example. quicktype cannot give these once it only sees a subset of the samples.
 * - **The cover** (toolchain.md §3): a skeleton of each sample holding only the (position, kind)
 *   facts not seen in an earlier sample or element. quicktype gets the cover instead of the
 *   samples, so its cost grows with the number of distinct facts, not with the bytes observed;
 *   a thousand identical responses cost what one does.
 *
 * Objects whose keys are all identifiers (UUIDs, integers, prefixed ids …, as `classifySegment`
 * sees path segments) are maps, like a conversation's `mapping` keyed by message id: their
 * values share one position (`{key}`) and the cover writes them as `{[MAP_KEY]: [values]}` so
 * quicktype merges them into one schema instead of one property per id.
 */
import type { Json } from '../exchange.js';
import type { JsonSchema, ShownScalar } from '../model.js';
import { classifySegment } from '../normalise/segments.js';
import { placeholderKind } from '../redact/placeholders.js';
import { detachText } from './detach-text.js';
import { cutShown, type ShownJson } from './gate.js';
import { ANY_FORMAT, countEnumValue, type EnumCounts, FORMAT_EMAIL, MAX_ENUM_VALUES, stringFormats } from './string-format.js';

export const KIND_NULL = 1;
export const KIND_BOOLEAN = 2;
export const KIND_INTEGER = 4;
export const KIND_NUMBER = 8;
export const KIND_STRING = 16;
export const KIND_ARRAY = 32;
export const KIND_OBJECT = 64;

/** The property under which the cover hands an id-keyed map's values to quicktype. */
export const MAP_KEY = '\u0000map';

/** Deeper values are counted but not descended into (and quicktype sees `{}`/`[]` there). */
export const MAX_DEPTH = 48;
/** Field positions per inference; past it new fields are left out and the schema says so. */
export const MAX_NODES = 20_000;
const MAX_EXAMPLE_CHARS = 200;
const MAX_SIBLINGS = 64;
/** Sibling strings longer than this are no phone, name or address part: not kept as context. */
const MAX_SIBLING_CHARS = 128;

export type Scalar = string | number | boolean;

export interface FieldNode {
  /** Values seen at this position (for a property: the objects that carried it). */
  values: number;
  /** Object values seen here: what the presence of each child is counted against. */
  objects: number;
  /** Samples (bodies, not array elements) that had an object here: the evidence for `required`. */
  objectSamples: number;
  /** JSON kinds seen, as a mask of `KIND_*`. */
  kinds: number;
  /** Strings that count as format evidence (redaction placeholders other than email do not). */
  strings: number;
  /** Samples that had a string here: the evidence for an enum. */
  stringSamples: number;
  /** Whether an integer beyond ±2^53 was seen (JavaScript cannot hold it exactly). */
  bigIntegers: boolean;
  /** Samples that had a number here: the evidence for `integer` over `number`. */
  numberSamples: number;
  /** Formats every such string matched (`FORMAT_*` mask). */
  formats: number;
  /** Distinct strings with the samples they appeared in, while they could still be an enum; null once ruled out. */
  enumCounts: EnumCounts | null;
  /** First non-null scalar, a non-empty string preferred; strings cut to 200 characters. Raw: shown only through the gate. */
  example?: Scalar;
  /** The object that held `example`: its keys and scalar values (its siblings: context for the gate). Raw. */
  exampleSiblings?: { [key: string]: Json };
  /** The example as the gate showed it, taken from the redacted representative sample. */
  shown?: ShownScalar;
  /** Properties of plain objects, by key. */
  children?: Map<string, FieldNode>;
  /** Elements of arrays. */
  items?: FieldNode;
  /** Values of id-keyed maps. */
  entries?: FieldNode;
  /** Whether a map instance was seen here (the cover must show quicktype at least one). */
  mapSeen: boolean;
  /** First key of the last plain object here: the same first key needs no classifying again. */
  plainKey?: string;
  /** Last sample that touched this node with a non-null value (for the representative). */
  lastSample: number;
  /** Last sample counted in `objectSamples`, `stringSamples` and `numberSamples`. */
  objectMark: number;
  stringMark: number;
  numberMark: number;
}

export interface Observation {
  root: FieldNode;
  /** Skeletons of the samples that add a fact, in sample order: what quicktype gets. */
  cover: Json[];
  /** Index of the sample touching the most field positions (the first on a tie). */
  representative: number;
  /** That sample itself: the representative example (null when there were no samples). */
  sample: Json;
  /** How many samples were observed. */
  samples: number;
  /** True when MAX_NODES ran out and some fields were not recorded. */
  truncated: boolean;
}

/** Marks "this value adds no new fact" in the cover walk. */
const NOTHING = Symbol('nothing');
type Skeleton = Json | typeof NOTHING;

export function newFieldNode(): FieldNode {
  return {
    values: 0,
    objects: 0,
    objectSamples: 0,
    kinds: 0,
    strings: 0,
    stringSamples: 0,
    bigIntegers: false,
    numberSamples: 0,
    formats: ANY_FORMAT,
    enumCounts: new Map(),
    mapSeen: false,
    lastSample: -1,
    objectMark: -1,
    stringMark: -1,
    numberMark: -1,
  };
}

/**
 * Observes JSON samples one at a time (a body per exchange, an event per message), so the
 * samples themselves can be dropped as soon as they are added. What it keeps between adds:
 *
 * - the evidence tree, at most `MAX_NODES` positions, each with at most `MAX_ENUM_VALUES` enum
 *   candidates and one example cut to 200 characters and detached from its sample;
 * - the cover, which holds each (position, kind) fact once, so it grows with the distinct facts
 *   and not with the samples;
 * - one keep-sake: the current representative sample, by reference, which `result` walks once
 *   more for field examples (the printed example and the field table must agree). It is replaced
 *   whenever a later sample touches more fields, so only one sample is ever held.
 */
export class JsonObserver {
  /** quicktype's schema of the cover, once started early (schema.ts `prepareObservedSchema`); no sample may be added after. */
  coverSchema: Promise<JsonSchema> | undefined;
  private root = newFieldNode();
  private cover: Json[] = [];
  private nodes = 1;
  private truncated = false;
  /** Samples added so far, so also the index of the sample being walked. */
  private samples = 0;
  /** Field positions the sample being walked touched with a non-null value. */
  private score = 0;
  private best = -1;
  private representative = 0;
  private representativeSample: Json = null;

  add(sample: Json): void {
    this.score = 0;
    const skeleton = this.visit(sample, this.root, 0);
    if (skeleton !== NOTHING) this.cover.push(skeleton);
    if (this.score > this.best) {
      this.best = this.score;
      this.representative = this.samples;
      this.representativeSample = sample;
    }
    this.samples++;
  }

  /**
   * The observation of every sample added. Field examples are completed from the representative
   * sample once the gate has redacted it (`takeShownExamples`).
   */
  result(): Observation {
    const { root, cover, representative, samples, truncated } = this;
    return { root, cover, representative, sample: this.representativeSample, samples, truncated };
  }

  /**
   * An observer that has seen the same samples and goes on independently: for a stream kind that
   * turns out to need a second observation from its first message on (events.ts). Costs the size
   * of the evidence tree, not of the samples.
   */
  clone(): JsonObserver {
    const copy = new JsonObserver();
    copy.root = cloneFieldNode(this.root);
    // Skeletons are never changed once made, so the copy may share them.
    copy.cover = [...this.cover];
    copy.nodes = this.nodes;
    copy.truncated = this.truncated;
    copy.samples = this.samples;
    copy.best = this.best;
    copy.representative = this.representative;
    copy.representativeSample = this.representativeSample;
    return copy;
  }

  private child(parent: FieldNode, key: string): FieldNode | undefined {
    const children = (parent.children ??= new Map());
    let node = children.get(key);
    if (node) return node;
    if (this.nodes >= MAX_NODES) {
      this.truncated = true;
      return undefined;
    }
    this.nodes++;
    children.set(key, (node = newFieldNode()));
    return node;
  }

  private slot(parent: FieldNode, which: 'items' | 'entries'): FieldNode {
    let node = parent[which];
    if (!node) {
      this.nodes++;
      parent[which] = node = newFieldNode();
    }
    return node;
  }

  private visit(value: Json, node: FieldNode, depth: number): Skeleton {
    node.values++;
    const kind = kindOf(value);
    const fresh = (node.kinds & kind) === 0;
    node.kinds |= kind;
    if (value === null) return fresh ? null : NOTHING;
    if (node.lastSample !== this.samples) {
      node.lastSample = this.samples;
      this.score++;
    }
    if (typeof value === 'string') {
      observeString(node, value, this.samples);
      return fresh ? '' : NOTHING;
    }
    if (typeof value !== 'object') {
      if (node.example === undefined) node.example = value;
      if (kind === KIND_INTEGER && !Number.isSafeInteger(value)) node.bigIntegers = true;
      if (typeof value === 'number' && node.numberMark !== this.samples) {
        node.numberMark = this.samples;
        node.numberSamples++;
      }
      return fresh ? value : NOTHING;
    }
    if (Array.isArray(value)) {
      let kept: Json[] | null = fresh ? [] : null;
      if (depth < MAX_DEPTH && value.length > 0) {
        const items = this.slot(node, 'items');
        for (const item of value) {
          const skeleton = this.visit(item, items, depth + 1);
          if (skeleton !== NOTHING) (kept ??= []).push(skeleton);
        }
      }
      return kept ?? NOTHING;
    }
    node.objects++;
    if (node.objectMark !== this.samples) {
      node.objectMark = this.samples;
      node.objectSamples++;
    }
    if (depth >= MAX_DEPTH) return fresh ? {} : NOTHING;
    let first: string | undefined;
    for (first in value) break;
    if (first !== undefined && first !== node.plainKey) {
      const keys = isIdKey(first) ? Object.keys(value) : null;
      if (keys === null) node.plainKey = first;
      else if (keys.every(isIdKey)) {
        const entries = this.slot(node, 'entries');
        let kept: Json[] | null = null;
        for (const key of keys) {
          const skeleton = this.visit(value[key]!, entries, depth + 1);
          if (skeleton !== NOTHING) (kept ??= []).push(skeleton);
        }
        const firstMap = !node.mapSeen;
        node.mapSeen = true;
        return kept || firstMap || fresh ? { [MAP_KEY]: kept ?? [] } : NOTHING;
      }
    }
    let kept: [string, Json][] | null = null;
    for (const key in value) {
      const next = this.child(node, key);
      if (!next) continue;
      const example = next.example;
      const skeleton = this.visit(value[key]!, next, depth + 1);
      // The gate judges an example with its siblings (`name` beside `email`), as in the body.
      if (next.example !== example) next.exampleSiblings = siblingValues(value);
      if (skeleton !== NOTHING) (kept ??= []).push([key, skeleton]);
    }
    // fromEntries defines own properties, so a captured `__proto__` key stays plain data.
    return kept ? Object.fromEntries(kept) : fresh ? {} : NOTHING;
  }
}

/** The keys of a record with their scalar values (strings cut), objects and arrays as null. */
function siblingValues(record: { [key: string]: Json }): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  let n = 0;
  for (const key in record) {
    if (n++ >= MAX_SIBLINGS) break;
    const v = record[key]!;
    const value = typeof v === 'string' ? (v.length > MAX_SIBLING_CHARS ? '' : detachText(v)) : v !== null && typeof v === 'object' ? null : v;
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function cloneFieldNode(node: FieldNode): FieldNode {
  const copy: FieldNode = { ...node, enumCounts: node.enumCounts && new Map([...node.enumCounts].map(([value, seen]) => [value, { ...seen }])) };
  if (node.children) copy.children = new Map([...node.children].map(([key, child]) => [key, cloneFieldNode(child)]));
  if (node.items) copy.items = cloneFieldNode(node.items);
  if (node.entries) copy.entries = cloneFieldNode(node.entries);
  return copy;
}

/**
 * Field examples come from the representative sample, as the gate redacted it, where it has the
 * field, so the table and the printed example agree; other fields keep the first value seen
 * (which the gate shows with its key path and siblings).
 */
export function takeShownExamples(value: ShownJson, node: FieldNode, depth = 0): void {
  if (value === null || depth > MAX_DEPTH) return;
  if (typeof value !== 'object') {
    // The first value in the sample wins (the first element of an array, not the last).
    if (value !== '' && node.shown === undefined) node.shown = typeof value === 'string' ? cutShown(value, MAX_EXAMPLE_CHARS) : value;
    return;
  }
  if (Array.isArray(value)) {
    if (node.items) for (const item of value) takeShownExamples(item, node.items, depth + 1);
    return;
  }
  const keys = Object.keys(value);
  if (isMapInstance(keys)) {
    if (node.entries) for (const key of keys) takeShownExamples(value[key]!, node.entries, depth + 1);
    return;
  }
  for (const key of keys) {
    const child = node.children?.get(key);
    if (child) takeShownExamples(value[key]!, child, depth + 1);
  }
}

/**
 * Long strings are cut, back to a space where there is one (so the gate never sees half an
 * email), and the cut detached: the example must not pin the whole string.
 */
function cutExample(value: string): string {
  if (value.length <= MAX_EXAMPLE_CHARS) return value;
  const space = value.lastIndexOf(' ', MAX_EXAMPLE_CHARS);
  return detachText(`${value.slice(0, space > MAX_EXAMPLE_CHARS / 2 ? space : MAX_EXAMPLE_CHARS)}…`);
}

function kindOf(value: Json): number {
  if (value === null) return KIND_NULL;
  switch (typeof value) {
    case 'string':
      return KIND_STRING;
    case 'boolean':
      return KIND_BOOLEAN;
    case 'number':
      return Number.isInteger(value) ? KIND_INTEGER : KIND_NUMBER;
    default:
      return Array.isArray(value) ? KIND_ARRAY : KIND_OBJECT;
  }
}

function observeString(node: FieldNode, value: string, sample: number): void {
  if (node.example === undefined || node.example === '') node.example = cutExample(value);
  const placeholder = placeholderKind(value);
  const firstInSample = node.stringMark !== sample;
  node.stringMark = sample;
  if (placeholder !== null) {
    // A redacted value is never an enum member; only an email placeholder speaks to the format.
    node.enumCounts = null;
    if (placeholder === 'email') {
      node.strings++;
      node.formats &= FORMAT_EMAIL;
    }
    return;
  }
  node.strings++;
  if (firstInSample) node.stringSamples++;
  if (node.formats !== 0) node.formats &= stringFormats(value);
  if (node.enumCounts !== null && !countEnumValue(node.enumCounts, value, sample, detachText)) node.enumCounts = null;
}

/**
 * An object is a map instance when every key is an identifier. The first key decides cheaply
 * for the common case (a plain object's first key is a word). Opaque "tokens" count only with a
 * digit in them, so a long camelCase property name is not mistaken for an id.
 */
function isMapInstance(keys: readonly string[]): boolean {
  if (keys.length === 0 || !isIdKey(keys[0]!)) return false;
  for (let i = 1; i < keys.length; i++) if (!isIdKey(keys[i]!)) return false;
  return true;
}

/** A redacted key (`<token:3>`) is a token with a digit in it, so it counts as an id as well. */
function isIdKey(key: string): boolean {
  const shape = classifySegment(key);
  if (shape.kind === 'word') return false;
  if (shape.kind === 'token') return /\d/.test(key);
  return true;
}

/**
 * The evidence of several positions as one (for a map quicktype inferred from many literal
 * keys, whose values share one schema). Builds new nodes; the inputs are left as they are.
 */
export function combineFieldNodes(nodes: readonly FieldNode[]): FieldNode {
  const out = newFieldNode();
  for (const node of nodes) {
    out.values += node.values;
    out.objects += node.objects;
    // Positions of one map or one record share their samples: the most any of them saw.
    out.objectSamples = Math.max(out.objectSamples, node.objectSamples);
    out.stringSamples = Math.max(out.stringSamples, node.stringSamples);
    out.bigIntegers ||= node.bigIntegers;
    out.numberSamples = Math.max(out.numberSamples, node.numberSamples);
    out.kinds |= node.kinds;
    out.strings += node.strings;
    out.formats &= node.strings > 0 ? node.formats : ANY_FORMAT;
    out.mapSeen ||= node.mapSeen;
    if (out.example === undefined || out.example === '') {
      out.example = node.example;
      if (node.exampleSiblings) out.exampleSiblings = node.exampleSiblings;
    }
    if (out.shown === undefined || out.shown === '') out.shown = node.shown;
    out.enumCounts = combineCounts(out.enumCounts, node.enumCounts);
  }
  const children = new Map<string, FieldNode[]>();
  const items: FieldNode[] = [];
  const entries: FieldNode[] = [];
  for (const node of nodes) {
    for (const [key, child] of node.children ?? []) {
      const list = children.get(key);
      if (list) list.push(child);
      else children.set(key, [child]);
    }
    if (node.items) items.push(node.items);
    if (node.entries) entries.push(node.entries);
  }
  if (children.size > 0) out.children = new Map([...children].map(([key, list]) => [key, combineFieldNodes(list)]));
  if (items.length > 0) out.items = combineFieldNodes(items);
  if (entries.length > 0) out.entries = combineFieldNodes(entries);
  return out;
}

/** Sample counts of two positions as one: a value's samples are at most the larger count (they may be the same samples). */
function combineCounts(a: EnumCounts | null, b: EnumCounts | null): EnumCounts | null {
  if (a === null || b === null) return null;
  const out: EnumCounts = new Map([...a].map(([value, seen]) => [value, { ...seen }]));
  for (const [value, seen] of b) {
    const found = out.get(value);
    if (found) found.samples = Math.max(found.samples, seen.samples);
    else out.set(value, { ...seen });
  }
  return out.size > MAX_ENUM_VALUES ? null : out;
}
