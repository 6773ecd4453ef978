/**
 * One value with its name: a header, query, form or multipart value, or a JSON string. The name
 * decides first (a password is replaced whatever it looks like); then a JSON document inside
 * the string is redacted as JSON; anything else is scanned as text.
 */
import { type NameContext, type NameRule, type NameScope, ruleApplies } from './names.js';
import { redactJson } from './json.js';
import { keptValue } from './rules.js';
import { MAX_DEPTH, type Scope, deeper } from './scope.js';
import { redactText } from './text.js';
import { isDescribingKey, isSiblingKind, valueShape } from './siblings.js';
import { classifyValue } from './values.js';
import type { Json } from '../exchange.js';

export function redactValue(value: string, scope: Scope, name: string | null, context: NameContext, siblings?: NameScope): string {
  if (value === '') return value;
  if (name !== null && scope.cache.isKept(name)) return keptValue(value, redactScalar(value, scope, isIdName(name)));
  if (name !== null) {
    const found = scope.cache.nameRule(name, context, siblings);
    if (found && ruleApplies(found, value)) return tagByRule(value, found, scope);
  }
  return redactScalar(value, scope, name !== null && isIdName(name));
}

/**
 * Named values sent together (form fields, multipart parts, query parameters) are siblings, as
 * the keys of a JSON object are: `name` next to `email` or `surname` is a person's name.
 */
export function siblingsOf(items: readonly { name: string }[], scope: Scope): NameScope {
  for (const item of items) if (scope.cache.isPersonSibling(item.name)) return { personSiblings: true };
  return {};
}

/** Shapes of the personal phones, names and addresses among named values sent together → their kind. */
export type SiblingShapes = ReadonlyMap<string, string> | null;

/**
 * What named values sent together say about a value shaped like one of them: the shapes of the
 * values a rule makes a personal phone, name or address (`from_number` beside `to_number`,
 * siblings.ts). Worked out once per request; nothing is tagged here.
 */
export function namedSiblingShapes(siblings: readonly { name: string; value?: string | null }[], context: NameContext, scope: Scope): SiblingShapes {
  let shapes: Map<string, string> | null = null;
  let around: NameScope | null = null;
  for (const sibling of siblings) {
    const v = sibling.value;
    if (v === undefined || v === null || v === '') continue;
    around ??= siblingsOf(siblings, scope);
    const rule = scope.cache.nameRule(sibling.name, context, around);
    if (rule === null || !isSiblingKind(rule.kind) || !ruleApplies(rule, v)) continue;
    const shape = valueShape(v);
    if (shape !== null) (shapes ??= new Map()).set(shape, rule.kind);
  }
  return shapes;
}

/** The kind `shapes` give a value under `name` that its own rules left alone, or null. */
export function kindByShape(name: string, value: string, shapes: SiblingShapes, scope: Scope): string | null {
  if (shapes === null || isIdName(name) || isDescribingKey(name) || scope.tags.issued(value)) return null;
  const shape = valueShape(value);
  return shape === null ? null : (shapes.get(shape) ?? null);
}

/** The placeholder for a value found by its name; a recognised shape (JWT …) names the kind. */
export function tagByRule(value: string, found: NameRule, scope: Scope): string {
  if (scope.tags.issued(value)) return value;
  return scope.tags.tagAs(value, scope.place, () => classifyValue(value) ?? { kind: found.kind });
}

/**
 * A string with no name rule: JSON inside it is redacted as JSON (and written back compactly);
 * anything else is scanned as text. `noEntropy` keeps ids (`…_id` names) from the token-shape
 * fallback.
 */
export function redactScalar(value: string, scope: Scope, noEntropy: boolean): string {
  if (scope.tags.issued(value)) return value;
  const first = value.charCodeAt(0);
  if ((first === 123 || first === 91) && scope.depth < MAX_DEPTH && value.length >= 2) {
    const last = value.trimEnd().charCodeAt(value.trimEnd().length - 1);
    if (last === 125 || last === 93) {
      const parsed = parseJson(value);
      if (parsed !== undefined && typeof parsed === 'object' && parsed !== null) {
        const redacted = redactJson(parsed, deeper(scope));
        return redacted === parsed ? value : JSON.stringify(redacted);
      }
    }
  }
  // A JSON string literal inside a string (doubly stringified JSON): redact what it holds.
  if (first === 34 && scope.depth < MAX_DEPTH && value.length >= 2 && value.charCodeAt(value.length - 1) === 34) {
    const parsed = parseJson(value);
    if (typeof parsed === 'string') {
      const redacted = redactScalar(parsed, deeper(scope), noEntropy);
      return redacted === parsed ? value : JSON.stringify(redacted);
    }
  }
  return redactText(value, scope, noEntropy);
}

/** `user_id`, `conversationId`, `x-request-id`, `uuid`: names of identifiers. */
export function isIdName(name: string): boolean {
  if (name.length > 64 || name.length < 2) return false;
  const lower = name.toLowerCase();
  for (const suffix of ['id', 'ids', 'uuid', 'guid']) {
    if (!lower.endsWith(suffix)) continue;
    if (lower.length === suffix.length) return true;
    const before = name.charCodeAt(name.length - suffix.length - 1);
    const first = name.charCodeAt(name.length - suffix.length);
    // `user_id`, `user-id`, `userId`, `userID`; not `paid`, `valid`, `android`.
    if (before === 95 || before === 45 || before === 46 || (first >= 65 && first <= 90)) return true;
  }
  return false;
}

function parseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}
