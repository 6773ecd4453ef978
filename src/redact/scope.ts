/**
 * What every redaction function carries: the run's placeholder registry, the place being
 * redacted (for the summary), how many encodings deep the value is, and per-run caches. Built
 * once per run by `createRedactor` (index.ts); nothing here outlives the run.
 */
import {
  type NameContext,
  type NameRule,
  type NameScope,
  classifyName,
  isBareId,
  isBareName,
  isContextualKey,
  isPersonSibling,
  normaliseName,
} from './names.js';
import { isSecretKind, NO_RULES, type RedactionRules } from './rules.js';
import type { KeyInfo } from './json.js';
import type { Placeholders } from './placeholders.js';

/** Percent-encoding, base64 and JSON-in-a-string are decoded at most this many levels deep. */
export const MAX_DEPTH = 4;

const MAX_CACHED_NAMES = 50_000;
/** Values under a `redactKeys` name: every leaf, whatever it holds. */
const USER_RULE: NameRule = { kind: 'custom', tier: 'always', subtree: true };
const MAX_CACHED_CLEAN = 100_000;
/** Only keys up to this length are remembered as clean. */
const MAX_CLEAN_LENGTH = 64;

/** A JSON key as pass 1 reads it: its rule, whether it makes a bare `name` beside it a person's, whether its rule depends on the record (`name`, `id`). */
export interface LearnInfo {
  readonly rule: NameRule | null;
  readonly sibling: boolean;
  readonly contextual: boolean;
}

export interface Scope {
  readonly tags: Placeholders;
  /** `request.header`, `response.body` …: where values found now are counted. */
  readonly place: string;
  readonly depth: number;
  readonly cache: RunCache;
}

/**
 * Per-run memo of results that do not depend on secrets: the rule for a name, and JSON keys
 * already found to need nothing (the same field name repeats thousands of times in a capture).
 * Bounded, so memory stays flat on huge captures.
 */
export class RunCache {
  readonly #names = new Map<NameContext, Map<string, NameRule | null>>();
  readonly #cleanKeys = new Set<string>();
  readonly #siblings = new Map<string, boolean>();
  readonly #keys = new Map<string, KeyInfo>();
  readonly #kept = new Map<string, boolean>();
  readonly #ids = new Map<string, NameRule | null>();
  readonly #learn = new Map<string, LearnInfo>();
  readonly #namesBeside = new Map<string, Map<string, NameRule | null>>();
  readonly #namesUnder = new Map<string, Map<string, NameRule | null>>();
  /** Names of the cookies seen in the capture: `name=` in free text is followed by a cookie value. */
  readonly cookieNames = new Set<string>();
  /** The user's own rules (rules.ts). */
  readonly rules: RedactionRules;

  constructor(rules: RedactionRules = NO_RULES) {
    this.rules = rules;
  }

  nameRule(name: string, context: NameContext, scope?: NameScope): NameRule | null {
    // Only a bare `name` or `id` key depends on its surroundings; every other rule is cached per name.
    const own = this.#userRule(name);
    if (own !== undefined) return own;
    if (scope && (scope.personSiblings || scope.parent)) {
      if (isBareName(name)) return classifyName(name, context, scope);
      if (scope.parent && isBareId(name)) return this.#idUnder(scope.parent, context);
    }
    let names = this.#names.get(context);
    if (names === undefined) this.#names.set(context, (names = new Map()));
    const cached = names.get(name);
    if (cached !== undefined) return cached;
    const found = classifyName(name, context);
    if (names.size < MAX_CACHED_NAMES) names.set(name, found);
    return found;
  }

  /** The rule for a bare `id` under `parent` (`device.id`), cached per parent. */
  #idUnder(parent: string, context: NameContext): NameRule | null {
    let found = this.#ids.get(parent);
    if (found === undefined) {
      found = classifyName('id', context, { parent });
      if (this.#ids.size < MAX_CACHED_NAMES) this.#ids.set(parent, found);
    }
    return found;
  }

  /** A `redactKeys` rule, or null for a `keepKeys` name (its value is judged by `keptValue`), or undefined. */
  #userRule(name: string): NameRule | null | undefined {
    if (this.rules === NO_RULES) return undefined;
    const normalised = normaliseName(name);
    if (this.rules.redactKeys.has(normalised)) return USER_RULE;
    return this.isKept(name) ? null : undefined;
  }

  /** Whether the user asked to keep values under this name (`keepKeys`). */
  isKept(name: string): boolean {
    if (this.rules.keepKeys.size === 0) return false;
    let found = this.#kept.get(name);
    if (found === undefined) {
      // A key with a built-in secret rule (`password`, `api_key`) is never kept.
      found =
        this.rules.keepKeys.has(normaliseName(name)) &&
        !isSecretKind(classifyName(name, 'json')?.kind ?? '') &&
        !isSecretKind(classifyName(name, 'header')?.kind ?? '');
      if (this.#kept.size < MAX_CACHED_NAMES) this.#kept.set(name, found);
    }
    return found;
  }

  /** The cached JSON key rule for `name`, if any (`name` itself is never cached). */
  cachedKeyInfo(name: string): KeyInfo | undefined {
    return this.#keys.get(name);
  }

  cacheKeyInfo(name: string, info: KeyInfo): void {
    if (this.#keys.size < MAX_CACHED_NAMES) this.#keys.set(name, info);
  }

  /** Pass 1's view of a JSON key, in one lookup (learn-json.ts). */
  learnInfo(key: string): LearnInfo {
    let info = this.#learn.get(key);
    if (info === undefined) {
      const contextual = isContextualKey(key);
      info = { rule: contextual ? null : this.nameRule(key, 'json'), sibling: this.isPersonSibling(key), contextual };
      if (this.#learn.size < MAX_CACHED_NAMES) this.#learn.set(key, info);
    }
    return info;
  }

  /**
   * The rule for a bare `name` or `id` in a record, cached per surroundings (pass 1 reads
   * thousands of records alike): an `id` by its parent (`device.id`), a `name` by its parent and
   * whether a personal key sits beside it.
   */
  contextualRule(key: string, personSiblings: boolean, parent: string | null): NameRule | null {
    if (isBareId(key)) return parent === null ? this.nameRule(key, 'json') : this.nameRule(key, 'json', { parent });
    if (!personSiblings && parent === null) return this.nameRule(key, 'json');
    const table = personSiblings ? this.#namesBeside : this.#namesUnder;
    const at = parent ?? '';
    let byKey = table.get(at);
    if (byKey === undefined) {
      if (table.size >= MAX_CACHED_NAMES) return this.nameRule(key, 'json', { personSiblings, parent });
      table.set(at, (byKey = new Map()));
    }
    let found = byKey.get(key);
    if (found === undefined) byKey.set(key, (found = this.nameRule(key, 'json', { personSiblings, parent })));
    return found;
  }

  /** Whether a key (`email`, `phone` …) makes a sibling `name` a person's name. */
  isPersonSibling(name: string): boolean {
    let found = this.#siblings.get(name);
    if (found === undefined) {
      found = isPersonSibling(name);
      if (this.#siblings.size < MAX_CACHED_NAMES) this.#siblings.set(name, found);
    }
    return found;
  }

  /** A JSON key already found to need nothing. */
  isCleanKey(key: string): boolean {
    return this.#cleanKeys.has(key);
  }

  markCleanKey(key: string): void {
    if (key.length <= MAX_CLEAN_LENGTH && this.#cleanKeys.size < MAX_CACHED_CLEAN) this.#cleanKeys.add(key);
  }
}

export function atPlace(scope: Scope, place: string): Scope {
  return place === scope.place ? scope : { ...scope, place };
}

export function deeper(scope: Scope): Scope {
  return { ...scope, depth: scope.depth + 1 };
}
