/**
 * What one path segment looks like: an identifier of some kind, or a plain word. This only
 * looks at the value; whether a position becomes a parameter is decided over all URLs of a host
 * (templates.ts). Every pattern is anchored and free of nested quantifiers, and the character
 * scans are single passes, so a hostile 10 MB segment costs linear time.
 */
import { DATE, HEX, INTEGER, OBJECT_ID, PHONE, SERVER_ID, SIGIL_ID, TIMESTAMP_ID, ULID, UUID } from '../id-shapes.js';
import type { IdKind } from '../model.js';
import { placeholderKind } from '../redact/placeholders.js';

export interface SegmentClass {
  kind: IdKind;
  /** Human-readable shape: `uuid`, `integer`, `g-p-<32 hex>`. */
  pattern: string;
  /** Regular expression for OpenAPI `pattern`, when the shape is strict; valid with and without the `u` flag. */
  regex?: string;
  /** The prefix of a prefixed id (`file-`, `cus_`), which can name the parameter. */
  prefix?: string;
  /** What the values are, when the shape says it (`phone`): it names the parameter. */
  noun?: string;
}

const DASHED_HEX = /^[0-9a-f]{4,32}(?:-[0-9a-f]{4,32}){1,4}$/i;
const YEAR_MONTH = /^(?:19|20)\d{2}-(?:0[1-9]|1[0-2])$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const EMAIL = /^[^@\s/]{1,64}@[^@\s/.]{1,63}(?:\.[^@\s/.]{1,63}){1,8}$/;
const URL_SAFE = /^[A-Za-z0-9_-]+$/;
const ALNUM = /^[A-Za-z0-9]+$/;
const PREFIX = /^[a-z][a-z0-9]{0,11}(?:[-_][a-z][a-z0-9]{0,11}){0,3}[-_]$/i;
/** Extensions after an id that are part of the route, not of the id: `/orders/450789469.json`. */
const EXTENSION = /\.(?:json|xml|html?|csv|txt|tsv|pdf|ya?ml|atom|rss|ics|zip|png|jpe?g|gif|svg|webp)$/i;

const WORD: SegmentClass = { kind: 'word', pattern: 'word' };

/** Classifies a percent-decoded path segment (without a route extension, see `splitExtension`). */
export function classifySegment(segment: string): SegmentClass {
  if (segment === '') return WORD;
  if (segment.length > 4096) return { kind: 'token', pattern: 'opaque' };
  const placeholder = placeholderKind(segment);
  if (placeholder !== null) return placeholder === 'email' ? { kind: 'email', pattern: 'email' } : { kind: 'token', pattern: 'redacted value' };
  if (segment.length >= 9 && segment.length <= 16 && PHONE.test(segment)) return { kind: 'token', pattern: 'phone number', noun: 'phone' };
  const core = classifyCore(segment);
  if (core) return core;
  const qualified = classifyQualified(segment);
  if (qualified) return qualified;
  if (segment.includes('@') && EMAIL.test(segment)) return { kind: 'email', pattern: 'email' };
  const prefixed = classifyPrefixed(segment);
  if (prefixed) return prefixed;
  if (isToken(segment)) return { kind: 'token', pattern: segment.length >= 16 ? 'opaque token' : 'alphanumeric code' };
  return WORD;
}

/** True when the class is an identifier of some kind (anything but a plain word). */
export function isIdentifier(cls: SegmentClass): boolean {
  return cls.kind !== 'word';
}

/** `450789469.json` → `['450789469', '.json']`; `orders` → `['orders', '']`. */
export function splitExtension(segment: string): [stem: string, extension: string] {
  const dot = segment.lastIndexOf('.');
  if (dot <= 0 || segment.length - dot > 5) return [segment, ''];
  const extension = segment.slice(dot);
  return EXTENSION.test(extension) ? [segment.slice(0, dot), extension] : [segment, ''];
}

/** Identifier shapes that stand on their own (also used for the part after a prefix). */
function classifyCore(value: string): SegmentClass | null {
  const length = value.length;
  if (length <= 20 && INTEGER.test(value)) return { kind: 'integer', pattern: 'integer', regex: '^[0-9]+$' };
  if (length === 36 && UUID.test(value)) {
    return { kind: 'uuid', pattern: 'uuid', regex: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' };
  }
  if (length === 26 && ULID.test(value)) return { kind: 'ulid', pattern: 'ulid', regex: '^[0-7][0-9A-HJKMNP-TV-Z]{25}$' };
  if (length === 24 && OBJECT_ID.test(value) && /[a-f]/i.test(value)) return { kind: 'objectid', pattern: '24 hex (ObjectId)', regex: '^[0-9a-fA-F]{24}$' };
  if (length >= 16 && HEX.test(value) && /\d/.test(value)) {
    return { kind: 'hex', pattern: `${length} hex`, regex: `^[0-9a-fA-F]{${length}}$` };
  }
  if (length === 10 && DATE.test(value)) return { kind: 'date', pattern: 'date', regex: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' };
  if (length === 7 && YEAR_MONTH.test(value)) return { kind: 'date', pattern: 'year-month', regex: '^[0-9]{4}-[0-9]{2}$' };
  if (length >= 16 && DATETIME.test(value)) return { kind: 'datetime', pattern: 'date-time' };
  if (length >= 17 && length <= 80 && DASHED_HEX.test(value) && /\d/.test(value)) {
    const shape = value
      .split('-')
      .map((group) => `${group.length} hex`)
      .join('-');
    return {
      kind: 'hex',
      pattern: shape,
      regex: `^${value
        .split('-')
        .map((group) => `[0-9a-fA-F]{${group.length}}`)
        .join('-')}$`,
    };
  }
  return null;
}

/**
 * Ids that carry their kind or their home with them: a sigil (`!room:server`, `$event`,
 * `@user:server`), a `:server` suffix (`abc:example.org`) or a timestamp with a fraction
 * (`m1700000000000.12`, a client transaction id). Checked on the decoded segment, so the
 * percent-encoded forms (`%21room%3Aserver`) are the same ids.
 */
function classifyQualified(value: string): SegmentClass | null {
  if (value.length > 512) return null;
  const first = value.charCodeAt(0);
  if ((first === 33 || first === 35 || first === 36 || first === 43 || first === 64) && SIGIL_ID.test(value)) {
    const sigil = value[0]!;
    return { kind: 'prefixed', pattern: value.includes(':') ? `${sigil}<opaque>:<server>` : `${sigil}<opaque>`, prefix: sigil };
  }
  if (value.includes(':') && SERVER_ID.test(value)) return { kind: 'token', pattern: '<opaque>:<server>' };
  // A client's transaction id, made unique by the time it was sent.
  if (value.includes('.') && TIMESTAMP_ID.test(value)) return { kind: 'token', pattern: 'timestamp id', noun: 'transaction' };
  return null;
}

/**
 * `g-p-<32 hex>`, `file-<base62>`, `user-<base62>`, `ord_<base62>`, `cus_<base62>`: a short
 * prefix ending in `-` or `_`, then an identifier. The prefix is kept in the pattern because it
 * documents what the id is.
 */
function classifyPrefixed(segment: string): SegmentClass | null {
  const cut = Math.max(segment.lastIndexOf('-'), segment.lastIndexOf('_'));
  if (cut <= 0 || cut === segment.length - 1) return null;
  // `conv-<uuid>`: the uuid itself contains dashes, so try the 36 characters at the end first.
  if (segment.length > 37 && UUID.test(segment.slice(-36))) {
    const prefix = segment.slice(0, -36);
    if (PREFIX.test(prefix)) return prefixedClass(prefix, { kind: 'uuid', pattern: 'uuid' }, `${escapeRegex(prefix)}[0-9a-fA-F-]{36}`);
  }
  const prefix = segment.slice(0, cut + 1);
  const rest = segment.slice(cut + 1);
  if (prefix.length > 24 || !PREFIX.test(prefix)) return null;
  const core = classifyCore(rest);
  if (core && core.kind !== 'date' && core.kind !== 'datetime') {
    // `ord_1234`, `PROJ-1234`, `ticket-99871`, but not `release-notes-2023` (words, then a year).
    if (core.kind === 'integer' && rest.length < 6 && (rest.length < 4 || prefix.length > 8 || /[-_]./.test(prefix))) return null;
    return prefixedClass(prefix, core, core.regex ? `${escapeRegex(prefix)}${core.regex.slice(1, -1)}` : undefined);
  }
  if (rest.length >= 8 && ALNUM.test(rest) && looksGenerated(rest)) {
    return prefixedClass(prefix, { kind: 'token', pattern: 'base62' }, `${escapeRegex(prefix)}[A-Za-z0-9]+`);
  }
  return null;
}

function prefixedClass(prefix: string, core: SegmentClass, body: string | undefined): SegmentClass {
  const shape = core.kind === 'hex' || core.kind === 'objectid' ? core.pattern.replace(' (ObjectId)', '') : core.pattern;
  return { kind: 'prefixed', pattern: `${prefix}<${shape}>`, prefix, ...(body ? { regex: `^${body}$` } : {}) };
}

/**
 * Opaque tokens (base62/base64url, nanoids, short codes like `P2JCJH3E2SNA`) under no known
 * shape. Decided by length and character mix, not entropy alone: camelCase method names
 * (`GetNavigationMenu2`), slugs (`release-notes-2023`) and words with a number (`clear220`)
 * switch character class rarely; generated ids switch every two or three characters.
 */
function isToken(segment: string): boolean {
  if (segment.length < 8 || !URL_SAFE.test(segment)) return false;
  // `innerFormPartial-83b6babd9c`, `formData1635181768800_en`: one wordy part makes it a name.
  if (/[-_]/.test(segment) && segment.split(/[-_]/).some(isWordyPart)) return false;
  const mix = characterMix(segment);
  if (segment.length < 16) return mix.digits >= 2 && mix.letters >= 2 && mix.switches >= 3 && mix.switches / segment.length >= 0.3;
  if (mix.digits === 0 && !(mix.upper > 0 && mix.lower > 0)) return false;
  return mix.switches / segment.length >= 0.25;
}

function isWordyPart(part: string): boolean {
  if (part.length < 6 || /^\d+$/.test(part)) return false;
  return characterMix(part).switches / part.length < 0.15;
}

/**
 * Two segments of one shape: same length, same character classes. A word sibling of this shape
 * next to identifiers (`P2JCJHVKKCNN` beside `P2JCJH3E2SNA`) is one more identifier; all-lower
 * words (`snorlax`, `init`) never count, they are vocabulary.
 */
export function shapeOf(segment: string): string | null {
  let classes = 0;
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i);
    if (code >= 48 && code <= 57) classes |= 1;
    else if (code >= 65 && code <= 90) classes |= 2;
    else if (code >= 97 && code <= 122) classes |= 4;
    else if (code === 45) classes |= 8;
    else if (code === 95) classes |= 16;
    else if (code === 46) classes |= 32;
    else classes |= 64;
  }
  if ((classes & 3) === 0) return null;
  return `${segment.length}:${classes}`;
}

/**
 * Matrix parameters (`;jsessionid=…`, `ADTECH;loc=100;misc=1515916350133`) are parameters like a
 * query string: the template keeps their names and drops their values.
 */
export function dropMatrixValues(segment: string): string {
  const semicolon = segment.indexOf(';');
  if (semicolon === -1) return segment;
  const names = segment
    .slice(semicolon + 1)
    .split(';')
    .map((pair) => pair.split('=')[0]!)
    .filter((name) => name !== '');
  return [segment.slice(0, semicolon), ...names].join(';');
}

/** The part after a known prefix needs less evidence: the prefix already says "id". */
function looksGenerated(rest: string): boolean {
  const mix = characterMix(rest);
  return (mix.digits > 0 && mix.letters > 0) || mix.switches / rest.length >= 0.3;
}

interface Mix {
  digits: number;
  letters: number;
  upper: number;
  lower: number;
  /** Changes of character class between neighbours, not counting upper → lower (`Word`). */
  switches: number;
}

function characterMix(text: string): Mix {
  const mix: Mix = { digits: 0, letters: 0, upper: 0, lower: 0, switches: 0 };
  let previous = 0; // 0 none/separator, 1 digit, 2 upper, 3 lower
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let current = 0;
    if (code >= 48 && code <= 57) current = 1;
    else if (code >= 65 && code <= 90) current = 2;
    else if (code >= 97 && code <= 122) current = 3;
    if (current === 1) mix.digits++;
    else if (current === 2) mix.upper++;
    else if (current === 3) mix.lower++;
    if (current !== 0 && previous !== 0 && current !== previous && !(previous === 2 && current === 3)) mix.switches++;
    previous = current;
  }
  mix.letters = mix.upper + mix.lower;
  return mix;
}

/**
 * Escapes the syntax characters, the only escapes Unicode-mode regular expressions (ajv, OpenAPI
 * tools) accept. `-` is left alone: it needs an escape only inside a character class, where this
 * text never goes, and `\-` outside one is a syntax error in Unicode mode.
 */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
