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
import { type NameRule, ruleApplies } from './names.js';
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
    // A list of scalars under no personal key holds nothing to learn (lists are of one kind).
    if (forced === null && (value.length === 0 || value[0] === null || typeof value[0] !== 'object')) return;
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
  // One lookup per key; a bare `name` or `id` waits until the record's other keys are known.
  let personSiblings = false;
  let contextual: string[] | null = null;
  let shapes: Map<string, string> | null = null;
  for (const k in record) {
    const info = cache.learnInfo(k);
    if (info.sibling) personSiblings = true;
    if (info.contextual) (contextual ??= []).push(k);
    else shapes = learnField(k, record[k]!, info.rule, depth, tags, cache, shapes);
  }
  if (contextual !== null)
    for (const k of contextual) shapes = learnField(k, record[k]!, cache.contextualRule(k, personSiblings, parent), depth, tags, cache, shapes);
  if (shapes === null) return;
  // A record holding a personal phone, name or address holds the same kind in same-shaped siblings (siblings.ts).
  for (const k in record) {
    const v = record[k]!;
    if (typeof v !== 'string' || v.length > 128 || v.startsWith('http') || isIdName(k) || isDescribingKey(k)) continue;
    const shape = valueShape(v);
    const kind = shape === null ? undefined : shapes.get(shape);
    if (kind !== undefined) remember(kind, v, tags);
  }
}

/** One field of a record; returns the record's personal shapes so far. */
function learnField(
  key: string,
  value: Json,
  rule: NameRule | null,
  depth: number,
  tags: Placeholders,
  cache: RunCache,
  shapes: Map<string, string> | null,
): Map<string, string> | null {
  if (value !== null && typeof value === 'object') {
    if (rule?.subtree) walk(value, rule.kind, depth + 1, tags, cache);
    else if (Array.isArray(value)) walk(value, null, depth + 1, tags, cache);
    else walkRecord(value, null, depth + 1, tags, cache, key);
    return shapes;
  }
  // A `credential` rule is the name's guess (`"sid": "SM…"` is a message id): a token recurring
  // elsewhere is found by its own shape there, so the guess is not spread.
  if (rule === null || rule.tier === 'credential' || typeof value !== 'string' || value === '' || !ruleApplies(rule, value)) return shapes;
  remember(rule.kind, value, tags);
  if (!isSiblingKind(rule.kind)) return shapes;
  const shape = valueShape(value);
  if (shape !== null) (shapes ??= new Map()).set(shape, rule.kind);
  return shapes;
}

/**
 * A secret as a known secret (a guess when only a credential-like name said so); anything else
 * as a personal phrase.
 */
export function remember(kind: string, value: string, tags: Placeholders, guess = false): void {
  if (isSecretKind(kind)) tags.remember(kind, value, guess);
  else if (!foundByShape(kind, value)) tags.rememberPhrase(kind, value);
}

/**
 * Emails and URLs are found wherever they recur by their own shape (an email anywhere; a URL's
 * personal parts, such as a gravatar hash, by theirs), so remembering them would cost pass 1 a
 * hash per avatar of every message for nothing.
 */
function foundByShape(kind: string, value: string): boolean {
  if (kind === 'email') return value.includes('@');
  return value.startsWith('https://') || value.startsWith('http://');
}
