/**
 * What one path segment looks like: an identifier of some kind, or a plain word. This only
 * looks at the value; whether a position becomes a parameter is decided over all URLs of a host
 * (templates.ts). Every pattern is anchored and free of nested quantifiers, so a hostile 10 MB
 * segment costs linear time.
 */
import type { IdKind } from '../model.js';

export interface SegmentClass {
  kind: IdKind;
  /** Human-readable shape: `uuid`, `integer`, `g-p-<32 hex>`. */
  pattern: string;
  /** Regular expression for OpenAPI `pattern`, when the shape is strict. */
  regex?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
const HEX = /^[0-9a-f]+$/i;
const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const URL_SAFE = /^[A-Za-z0-9_-]+$/;
const ALNUM = /^[A-Za-z0-9]+$/;
const PREFIX = /^[a-z][a-z0-9]{0,11}(?:[-_][a-z][a-z0-9]{0,11}){0,3}[-_]$/i;
const PLACEHOLDER = /^<([a-z][a-z-]*):\d+>$/;

const WORD: SegmentClass = { kind: 'word', pattern: 'word' };

/** Classifies a percent-decoded path segment. */
export function classifySegment(segment: string): SegmentClass {
  if (segment === '' || segment.length > 4096) return segment === '' ? WORD : { kind: 'token', pattern: 'opaque' };
  const placeholder = PLACEHOLDER.exec(segment);
  if (placeholder) return placeholder[1] === 'email' ? { kind: 'email', pattern: 'email' } : { kind: 'token', pattern: 'redacted token' };
  const core = classifyCore(segment);
  if (core) return core;
  if (segment.includes('@') && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(segment)) return { kind: 'email', pattern: 'email' };
  const prefixed = classifyPrefixed(segment);
  if (prefixed) return prefixed;
  if (isToken(segment)) return { kind: 'token', pattern: 'opaque token' };
  return WORD;
}

/** Identifier shapes that stand on their own (also used for the part after a prefix). */
function classifyCore(value: string): SegmentClass | null {
  const length = value.length;
  if (length <= 20 && /^\d+$/.test(value)) return { kind: 'integer', pattern: 'integer', regex: '^[0-9]+$' };
  if (length === 36 && UUID.test(value)) {
    return { kind: 'uuid', pattern: 'uuid', regex: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' };
  }
  if (length === 26 && ULID.test(value)) return { kind: 'ulid', pattern: 'ulid', regex: '^[0-7][0-9A-HJKMNP-TV-Z]{25}$' };
  if (length === 24 && HEX.test(value) && /[a-f]/i.test(value)) return { kind: 'objectid', pattern: '24 hex (ObjectId)', regex: '^[0-9a-fA-F]{24}$' };
  if (length >= 16 && HEX.test(value) && /\d/.test(value)) {
    return { kind: 'hex', pattern: `${length} hex`, regex: `^[0-9a-fA-F]{${length}}$` };
  }
  if (length === 10 && DATE.test(value)) return { kind: 'date', pattern: 'date', regex: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };
  if (length >= 16 && DATETIME.test(value)) return { kind: 'datetime', pattern: 'date-time' };
  return null;
}

/**
 * `g-p-<32 hex>`, `file-<base62>`, `user-<base62>`, `ord_<base62>`, `cus_<base62>`: a short
 * lower-case prefix ending in `-` or `_`, then an identifier. The prefix is kept in the pattern
 * because it documents what the id is.
 */
function classifyPrefixed(segment: string): SegmentClass | null {
  const cut = Math.max(segment.lastIndexOf('-'), segment.lastIndexOf('_'));
  if (cut <= 0 || cut === segment.length - 1) {
    return null;
  }
  // `conv-<uuid>`: the uuid itself contains dashes, so try the 36 characters at the end first.
  if (segment.length > 37 && UUID.test(segment.slice(-36))) {
    const prefix = segment.slice(0, -36);
    if (PREFIX.test(prefix)) return prefixedClass(prefix, { kind: 'uuid', pattern: 'uuid' }, `${escapeRegex(prefix)}[0-9a-fA-F-]{36}`);
  }
  const prefix = segment.slice(0, cut + 1);
  const rest = segment.slice(cut + 1);
  if (!PREFIX.test(prefix) || prefix.length > 24) return null;
  const core = classifyCore(rest);
  if (core && core.kind !== 'date' && core.kind !== 'datetime') {
    if (core.kind === 'integer' && rest.length < 4) return null;
    return prefixedClass(prefix, core, core.regex ? `${escapeRegex(prefix)}${core.regex.slice(1, -1)}` : undefined);
  }
  if (rest.length >= 8 && ALNUM.test(rest) && /\d/.test(rest) && /[A-Za-z]/.test(rest)) {
    return prefixedClass(prefix, { kind: 'token', pattern: 'base62' }, `${escapeRegex(prefix)}[A-Za-z0-9]+`);
  }
  return null;
}

function prefixedClass(prefix: string, core: SegmentClass, body: string | undefined): SegmentClass {
  const shape = core.kind === 'hex' || core.kind === 'objectid' ? core.pattern.replace(' (ObjectId)', '') : core.pattern;
  return { kind: 'prefixed', pattern: `${prefix}<${shape}>`, ...(body ? { regex: `^${body}$` } : {}) };
}

/**
 * Opaque tokens (base62/base64url) under no known shape. Length and character mix, not entropy
 * alone: slugs like `release-notes-2023` are lower-case words and stay literal.
 */
function isToken(segment: string): boolean {
  if (segment.length < 16 || !URL_SAFE.test(segment)) return false;
  const digits = /\d/.test(segment);
  const upper = /[A-Z]/.test(segment);
  const lower = /[a-z]/.test(segment);
  if (!digits && !(upper && lower)) return false;
  if (/[-_]/.test(segment)) return digits && upper && lower;
  return segment.length >= 20 || (digits && upper && lower);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
