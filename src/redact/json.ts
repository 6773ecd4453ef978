/**
 * JSON values, walked once. Each key is judged by name with its surroundings (`name` next to
 * `email`, or under `user`, is a person's name); passwords, secrets and personal objects are
 * replaced leaf by leaf whatever they hold; numbers under such names too (`"pin": 482913`); keys
 * themselves are scanned (an email or a token can be a map key); strings go through value.ts.
 *
 * Unchanged subtrees are returned as they are, so a large body with one secret costs one copy of
 * the path to it, not of the body.
 */
import type { Json } from '../exchange.js';
import { looksLikeToken } from './entropy.js';
import { type NameRule, isContextualKey, ruleApplies } from './names.js';
import { looksLikeProductName } from './key-words.js';
import { keptValue } from './rules.js';
import type { Scope } from './scope.js';
import { isIdName, redactScalar, tagByRule } from './value.js';
import { isDescribingKey, isSiblingKind, valueShape } from './siblings.js';
import { classifyValue, isCardNumber } from './values.js';

/** Deeper than this, a subtree is replaced whole rather than walked (fail closed). */
const MAX_JSON_DEPTH = 256;
const TOO_DEEP = '<truncated: nested too deep>';

export interface KeyInfo {
  name: string;
  rule: NameRule | null;
  /** Every leaf below is replaced with this kind (passwords, addresses). */
  forced: string | null;
  noEntropy: boolean;
}

export function redactJson(value: Json, scope: Scope): Json {
  return walk(value, scope, null, 0);
}

function walk(value: Json, scope: Scope, key: KeyInfo | null, depth: number): Json {
  if (typeof value === 'string') return walkString(value, scope, key);
  if (typeof value === 'number') return walkNumber(value, scope, key);
  if (value === null || typeof value === 'boolean') return value;
  if (depth > MAX_JSON_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) {
    let out: Json[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item = value[i]!;
      const redacted = walk(item, scope, key, depth + 1);
      if (redacted !== item) (out ??= value.slice())[i] = redacted;
    }
    return out ?? value;
  }
  return walkObject(value, scope, key, depth);
}

function walkObject(value: { [key: string]: Json }, scope: Scope, parent: KeyInfo | null, depth: number): Json {
  let personSiblings = false;
  if (!parent?.forced) for (const k in value) if (scope.cache.isPersonSibling(k)) personSiblings = true;
  const parentName = parent?.name ?? null;
  let out: { [key: string]: Json } | null = null;
  let shapes: Map<string, string> | null = null;
  let index = 0;
  for (const k in value) {
    const v = value[k]!;
    const info = parent?.forced ? forcedInfo(parent.forced) : keyInfo(k, scope, personSiblings, parentName);
    const newKey = redactKey(k, scope);
    const redacted = walk(v, scope, info, depth + 1);
    if (out === null && (newKey !== k || redacted !== v)) out = copyFirst(value, index);
    if (out !== null) setOwn(out, newKey, redacted);
    if (redacted !== v && typeof v === 'string' && info.rule !== null && isSiblingKind(info.rule.kind)) {
      const shape = valueShape(v);
      if (shape !== null) (shapes ??= new Map()).set(shape, info.rule.kind);
    }
    index++;
  }
  if (shapes !== null) return redactSameShaped(out!, shapes, scope);
  return out ?? value;
}

/** Siblings shaped like a redacted phone, name or address of the record (siblings.ts). */
function redactSameShaped(record: { [key: string]: Json }, shapes: ReadonlyMap<string, string>, scope: Scope): { [key: string]: Json } {
  for (const k in record) {
    const v = record[k]!;
    if (typeof v !== 'string' || scope.tags.issued(v) || isIdName(k) || isDescribingKey(k)) continue;
    const shape = valueShape(v);
    const kind = shape === null ? undefined : shapes.get(shape);
    if (kind !== undefined) setOwn(record, k, scope.tags.tag(kind, v, scope.place));
  }
  return record;
}

/**
 * The kind a record gives `value` under `key` by its siblings' values alone: a sibling that a
 * rule makes a personal phone, name or address, with the same shape (siblings.ts). Nothing is
 * tagged here; the gate asks this for a field shown on its own (infer/gate.ts).
 */
export function kindBySiblings(key: string, value: string, record: { readonly [key: string]: Json }, scope: Scope, parent: string | null): string | null {
  if (isIdName(key) || isDescribingKey(key) || scope.tags.issued(value)) return null;
  const shape = valueShape(value);
  if (shape === null) return null;
  let personSiblings = false;
  for (const k in record) if (scope.cache.isPersonSibling(k)) personSiblings = true;
  for (const k in record) {
    const v = record[k];
    if (k === key || typeof v !== 'string' || v === '' || valueShape(v) !== shape) continue;
    const rule = keyInfo(k, scope, personSiblings, parent).rule;
    if (rule !== null && isSiblingKind(rule.kind) && ruleApplies(rule, v)) return rule.kind;
  }
  return null;
}

/** A new object with the first `count` properties of `value`, in order. */
function copyFirst(value: { [key: string]: Json }, count: number): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  let index = 0;
  for (const k in value) {
    if (index++ >= count) break;
    setOwn(out, k, value[k]!);
  }
  return out;
}

/** Assigns an own property; a captured `__proto__` key stays plain data, not the prototype. */
function setOwn(target: { [key: string]: Json }, key: string, value: Json): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function forcedInfo(kind: string): KeyInfo {
  return { name: '', rule: null, forced: kind, noEntropy: false };
}

/** The rule for a key; cached per name, except `name` and `id` whose meaning depends on their surroundings. */
function keyInfo(name: string, scope: Scope, personSiblings: boolean, parent: string | null): KeyInfo {
  const contextual = (personSiblings || parent !== null) && isContextualKey(name);
  if (!contextual) {
    const cached = scope.cache.cachedKeyInfo(name);
    if (cached !== undefined) return cached;
  }
  const rule = scope.cache.nameRule(name, 'json', { personSiblings, parent });
  const info: KeyInfo = { name, rule, forced: rule?.subtree ? rule.kind : null, noEntropy: isIdName(name) };
  if (!contextual) scope.cache.cacheKeyInfo(name, info);
  return info;
}

function walkString(value: string, scope: Scope, key: KeyInfo | null): Json {
  if (value === '' || key === null) return value === '' ? value : redactScalar(value, scope, false);
  if (key.name !== '' && scope.cache.isKept(key.name)) return keptValue(value, redactScalar(value, scope, key.noEntropy));
  // A product's name under a name key (`"display_name": "OpenAI Direct"`) is scanned, not replaced.
  if (key.forced && !(key.forced === 'name' && looksLikeProductName(value)))
    return scope.tags.issued(value) ? value : tagByRule(value, { kind: key.forced, tier: 'always', subtree: true }, scope);
  if (key.rule && ruleApplies(key.rule, value)) return tagByRule(value, key.rule, scope);
  return redactScalar(value, scope, key.noEntropy);
}

function walkNumber(value: number, scope: Scope, key: KeyInfo | null): Json {
  const tier = key?.rule?.tier;
  const kind = key?.forced ?? (tier === 'always' || tier === 'code' ? key!.rule!.kind : null);
  // A person's name is never a number: `"agent_name": 4038…` is an id.
  if (kind && kind !== 'name') return scope.tags.tag(kind, String(value), scope.place);
  // A card number stored as a JSON number; ids (`…_id`) are left alone.
  if (value >= 1e12 && Number.isSafeInteger(value) && !key?.noEntropy && isCardNumber(String(value))) return scope.tags.tag('card', String(value), scope.place);
  return value;
}

/** A key can be the secret: `{"sessions": {"<token>": …}, "byEmail": {"a@b.c": …}}`. */
function redactKey(key: string, scope: Scope): string {
  if (key.length < 6 || scope.cache.isCleanKey(key)) return key;
  if (scope.tags.issued(key)) return key;
  const detected = classifyValue(key);
  if (detected) return scope.tags.tag(detected.kind, key, scope.place, detected.detail);
  const known = scope.tags.recall(key);
  if (known) return scope.tags.tag(known, key, scope.place);
  if (looksLikeToken(key)) return scope.tags.tag('token', key, scope.place);
  scope.cache.markCleanKey(key);
  return key;
}
