/**
 * The user's own redaction rules (`redactKeys`, `redactPatterns`, `keepKeys` in the options and
 * the config file), resolved once per run. Keys are matched by their words, so `bankCode` in the
 * config matches `bank_code`, `Bank-Code` and `bankCode` in a capture.
 *
 * Precedence, from weakest to strongest: the built-in personal-data rules < `keepKeys` < the
 * built-in secret rules and `redactKeys`/`redactPatterns`. A kept key shows its value even when
 * it looks personal (a name, a phone, a place), but never a secret: a value with a credential,
 * token, cookie, card or key in it is redacted whatever the key (see `keptValue`).
 */
import { Har2ApiError } from '../errors.js';
import { normaliseName } from './names.js';
import { PLACEHOLDER_PATTERN } from './placeholders.js';

export interface RedactionRules {
  /** Normalised key names whose values are always replaced. */
  readonly redactKeys: ReadonlySet<string>;
  /** Patterns whose matches are replaced wherever they occur. */
  readonly redactPatterns: readonly RegExp[];
  /** Normalised key names whose values stay unless they hold a secret. */
  readonly keepKeys: ReadonlySet<string>;
}

export const NO_RULES: RedactionRules = Object.freeze({ redactKeys: new Set<string>(), redactPatterns: [], keepKeys: new Set<string>() });

export interface RedactionRuleOptions {
  redactKeys?: readonly string[];
  redactPatterns?: readonly string[];
  keepKeys?: readonly string[];
}

/** The rules from the options; a pattern that is not a valid regular expression is a usage error. */
export function resolveRedactionRules(options: RedactionRuleOptions): RedactionRules {
  const keys = (list: readonly string[] | undefined) => new Set((list ?? []).map(normaliseName).filter((k) => k !== ''));
  const redactPatterns = (options.redactPatterns ?? []).map((source) => {
    try {
      return new RegExp(source, 'gu');
    } catch (error) {
      throw new Har2ApiError('E_USAGE', `redactPatterns: "${source}" is not a valid regular expression (${(error as Error).message.split(': ').pop()})`);
    }
  });
  const redactKeys = keys(options.redactKeys);
  const keepKeys = keys(options.keepKeys);
  if (redactKeys.size === 0 && redactPatterns.length === 0 && keepKeys.size === 0) return NO_RULES;
  return { redactKeys, redactPatterns, keepKeys };
}

/** Kinds that are secrets: a kept key never shows a value holding one. */
const SECRET_KINDS = new Set([
  'token',
  'jwt',
  'fernet',
  'api-key',
  'password',
  'secret',
  'cookie',
  'cookie-name',
  'session',
  'credentials',
  'basic-auth',
  'signature',
  'csrf',
  'pin',
  'card',
  'private-key',
  'encoded',
  'webhook',
  'custom',
]);
const PLACEHOLDERS = new RegExp(PLACEHOLDER_PATTERN, 'g');

export function isSecretKind(kind: string): boolean {
  return SECRET_KINDS.has(kind);
}

/**
 * The value under a kept key: `redacted` (the value as the built-in rules redact it) when that
 * replaced a secret, else the original value.
 */
export function keptValue(original: string, redacted: string): string {
  if (redacted === original) return original;
  for (const match of redacted.matchAll(PLACEHOLDERS)) {
    const kind = match[0].slice(1, match[0].indexOf(':'));
    if (SECRET_KINDS.has(kind)) return redacted;
  }
  return original;
}

/** `text` with every match of the user's patterns replaced by `tag(match)`. */
export function redactPatterns(text: string, patterns: readonly RegExp[], tag: (match: string) => string): string {
  let out = text;
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    out = out.replace(pattern, (match) => (match === '' ? match : tag(match)));
  }
  return out;
}
