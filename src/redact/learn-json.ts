/**
 * Pass 1 over JSON bodies: the values a JSON body shows to be personal (under a personal key,
 * beside such a value with the same shape, or below a personal key such as `address`) are
 * remembered as phrases (phrases.ts), so the same value is redacted wherever else it recurs: a
 * path segment, a query value, a header, another body under a neutral key, prose. Secrets under
 * secret keys (`password`, `pin`) are remembered as known secrets.
 *
 * Cheap by construction: keys are judged by the run's per-name cache (a body of known keys costs
 * one map lookup per key), values are only read under a key that has a rule, and a record's
 * shapes are compared only when it held a personal value. No value is classified by shape here:
 * shapes (emails, phones, IBANs) are found wherever they recur by the same context-free rules.
 */
import type { Json } from '../exchange.js';
import { type NameRule, isContextualKey, ruleApplies } from './names.js';
import { isSecretKind } from './rules.js';
import type { RunCache } from './scope.js';
import { isDescribingKey, isSiblingKind, valueShape } from './siblings.js';
import type { Placeholders } from './placeholders.js';
import { isIdName } from './value.js';

/** Deeper than this, a body is not read further (pass 1 is cheap, not complete). */
const MAX_DEPTH = 32;
/** Array elements read per array: records of one list repeat the same keys. */
const MAX_ITEMS = 2000;

export function learnJson(value: Json, tags: Placeholders, cache: RunCache): void {
  walk(value, null, 0, tags, cache);
}

function walk(value: Json, forced: string | null, depth: number, tags: Placeholders, cache: RunCache): void {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) {
    if (forced !== null && (typeof value === 'string' || typeof value === 'number')) remember(forced, String(value), tags);
    return;
  }
  if (Array.isArray(value)) {
    const n = Math.min(value.length, MAX_ITEMS);
    for (let i = 0; i < n; i++) {
      const item = value[i]!;
      if (item !== null && typeof item === 'object') walk(item, forced, depth + 1, tags, cache);
      else if (forced !== null && item !== null) remember(forced, String(item), tags);
    }
    return;
  }
  walkRecord(value, forced, depth, tags, cache, null);
}

function walkRecord(record: { [key: string]: Json }, forced: string | null, depth: number, tags: Placeholders, cache: RunCache, parent: string | null): void {
  if (forced !== null) {
    for (const k in record) walk(record[k]!, forced, depth + 1, tags, cache);
    return;
  }
  let personSiblings = false;
  for (const k in record) if (cache.isPersonSibling(k)) personSiblings = true;
  let shapes: Map<string, string> | null = null;
  for (const k in record) {
    const v = record[k]!;
    const rule = ruleOf(k, cache, personSiblings, parent);
    if (v !== null && typeof v === 'object') {
      if (rule?.subtree) walk(v, rule.kind, depth + 1, tags, cache);
      else if (Array.isArray(v)) walk(v, null, depth + 1, tags, cache);
      else walkRecord(v, null, depth + 1, tags, cache, k);
      continue;
    }
    // A `credential` rule is the name's guess (`"sid": "SM…"` is a message id): a token recurring
    // elsewhere is found by its own shape there, so the guess is not spread.
    if (rule === null || rule.tier === 'credential' || typeof v !== 'string' || v === '' || !ruleApplies(rule, v)) continue;
    remember(rule.kind, v, tags);
    if (isSiblingKind(rule.kind)) {
      const shape = valueShape(v);
      if (shape !== null) (shapes ??= new Map()).set(shape, rule.kind);
    }
  }
  if (shapes === null) return;
  // A record holding a personal phone, name or address holds the same kind in same-shaped siblings (siblings.ts).
  for (const k in record) {
    const v = record[k]!;
    if (typeof v !== 'string' || isIdName(k) || isDescribingKey(k)) continue;
    const shape = valueShape(v);
    const kind = shape === null ? undefined : shapes.get(shape);
    if (kind !== undefined) remember(kind, v, tags);
  }
}

function ruleOf(key: string, cache: RunCache, personSiblings: boolean, parent: string | null): NameRule | null {
  if ((personSiblings || parent !== null) && isContextualKey(key)) return cache.nameRule(key, 'json', { personSiblings, parent });
  const cached = cache.cachedKeyInfo(key);
  return cached !== undefined ? cached.rule : cache.nameRule(key, 'json');
}

/** A secret as a known secret (a guess when only a credential-like name said so); anything else as a personal phrase. */
export function remember(kind: string, value: string, tags: Placeholders, guess = false): void {
  if (isSecretKind(kind)) tags.remember(kind, value, guess);
  else tags.rememberPhrase(kind, value);
}
