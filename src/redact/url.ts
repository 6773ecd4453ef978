/**
 * URLs, absolute or relative, structured (the request URL) or as text (`Location`, `Referer`,
 * `redirectURL`, URLs inside bodies and inside other URLs' query values): userinfo becomes
 * `<credentials:n>`, each path segment is judged on its own (emails, tokens, capability links
 * under `/reset/`, `/invite/` …), query and fragment parameters by name and value. Parameter
 * values are percent-decoded before they are judged, so a URL inside a query value is redacted as
 * a URL, and the result is written back encoded around the placeholders.
 */
import type { ExchangeUrl, NameValue } from '../exchange.js';
import { hasCredentialPrefix, looksLikeToken } from './entropy.js';
import { type NameContext, ruleApplies } from './names.js';
import { type Scope, atPlace } from './scope.js';
import { redactText, safeDecode } from './text.js';
import { redactScalar, redactValue, siblingsOf } from './value.js';
import { classifyValue } from './values.js';

/** Path segments after which an opaque segment is a capability token, not an id. */
const CAPABILITY_PARENTS = new Set([
  'reset',
  'reset-password',
  'password-reset',
  'invite',
  'invites',
  'invitation',
  'invitations',
  'verify',
  'verification',
  'confirm',
  'confirmation',
  'activate',
  'activation',
  'magic',
  'magic-link',
  'magiclink',
  'unsubscribe',
  'token',
  'tokens',
  'secret',
  'secrets',
  'password',
  'recover',
  'recovery',
  'claim',
  'accept',
  'signin',
  'sign-in',
  'login',
  'otp',
  'passwordless',
]);

/** The URL with path, query and fragment redacted; `redactedPath` when the path already was. */
export function redactExchangeUrl(url: ExchangeUrl, scope: Scope, redactedPath?: string): ExchangeUrl {
  const path = redactedPath ?? redactUrlPath(url.path, scope);
  const queryScope = atPlace(scope, 'url.query');
  let query: NameValue[] | null = null;
  const siblings = siblingsOf(url.query, scope);
  url.query.forEach((pair, i) => {
    const name = redactParamName(pair.name, queryScope);
    const value = redactValue(pair.value, queryScope, pair.name, 'query', siblings);
    if (name !== pair.name || value !== pair.value) (query ??= url.query.slice())[i] = { name, value };
  });
  const fragment = url.fragment ? redactFragment(url.fragment, atPlace(scope, 'url.fragment')) : url.fragment;
  if (path === url.path && query === null && fragment === url.fragment) return url;
  return { ...url, path, query: query ?? url.query, fragment };
}

/** A URL written as text, absolute (`https://u:p@host/p?q#f`) or relative (`/p?q`, `?q`). */
export function redactUrlText(text: string, scope: Scope): string {
  if (text === '') return text;
  if (isWebhookUrl(text)) return scope.tags.tag('webhook', text, scope.place);
  const hash = text.indexOf('#');
  const beforeHash = hash === -1 ? text : text.slice(0, hash);
  const question = beforeHash.indexOf('?');
  const base = question === -1 ? beforeHash : beforeHash.slice(0, question);
  let head = '';
  let path = base;
  const schemeEnd = base.indexOf('//');
  if (schemeEnd !== -1 && schemeEnd <= 16 && (schemeEnd === 0 || base.charCodeAt(schemeEnd - 1) === 58) && isScheme(base, schemeEnd)) {
    const authorityStart = schemeEnd + 2;
    const slash = base.indexOf('/', authorityStart);
    const authority = slash === -1 ? base.slice(authorityStart) : base.slice(authorityStart, slash);
    head = base.slice(0, authorityStart) + redactAuthority(authority, scope);
    path = slash === -1 ? '' : base.slice(slash);
  }
  const newPath = redactPath(path, scope);
  const query = question === -1 ? null : redactQueryString(beforeHash.slice(question + 1), scope, 'query');
  const fragment = hash === -1 ? null : redactFragment(text.slice(hash + 1), scope);
  return `${head}${newPath}${query === null ? '' : `?${query}`}${fragment === null ? '' : `#${fragment}`}`;
}

/**
 * A webhook URL is a credential as a whole: whoever has it can post (Slack
 * `hooks.…/services/T…/B…/<secret>`, Discord `/api/webhooks/<id>/<token>`, Teams
 * `….webhook.office.com/…`). Read as: a host whose first label is `hooks` or that has `webhook`
 * in it, followed by a segment of 16+ characters with letters; or a path segment
 * `hooks`/`webhooks`/`webhook` followed by one with letters and digits too (GitHub's
 * `/hooks/12345678` is an id, not a secret).
 */
export function isWebhookUrl(text: string): boolean {
  const start = text.indexOf('://');
  if (start <= 0 || start > 16) return false;
  const hostEnd = text.indexOf('/', start + 3);
  if (hostEnd === -1) return false;
  const host = text.slice(start + 3, hostEnd).toLowerCase();
  const hookHost = host.startsWith('hooks.') || host.includes('webhook');
  let after = hookHost;
  const query = text.search(/[?#]/);
  const segments = text.slice(hostEnd + 1, query === -1 ? undefined : query).split('/');
  for (const segment of segments) {
    if (after && segment.length >= 16 && /[A-Za-z]/.test(segment) && (hookHost || /[0-9]/.test(segment))) return true;
    const lower = segment.toLowerCase();
    if (lower === 'hooks' || lower === 'webhooks' || lower === 'webhook') after = true;
  }
  return false;
}

function isScheme(base: string, slashes: number): boolean {
  if (slashes === 0) return true;
  const scheme = base.slice(0, slashes - 1);
  return /^[A-Za-z][A-Za-z0-9+.-]{0,14}$/.test(scheme);
}

/** `user:password@host` → `<credentials:n>@host`. */
function redactAuthority(authority: string, scope: Scope): string {
  const at = authority.lastIndexOf('@');
  if (at === -1) return authority;
  return `${scope.tags.tag('credentials', authority.slice(0, at), scope.place)}${authority.slice(at)}`;
}

/** `a=1&b=2` (as in a URL, a form or a fragment): each value judged by its name and shape. */
export function redactQueryString(query: string, scope: Scope, context: NameContext): string {
  if (query === '') return query;
  const pieces = query.split('&');
  const siblings = siblingsOf(
    pieces.map((piece) => ({ name: piece.split('=', 1)[0]! })),
    scope,
  );
  let changed = false;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const rawName = eq === -1 ? piece : piece.slice(0, eq);
    const name = decodeComponent(rawName);
    const newName = redactParamName(name, scope);
    if (eq === -1) {
      if (newName !== name) {
        pieces[i] = newName;
        changed = true;
      }
      continue;
    }
    const value = plusKept(piece.slice(eq + 1), name, scope, context);
    const newValue = redactValue(value, scope, name, context, siblings);
    if (newValue !== value || newName !== name) {
      pieces[i] = `${newName === name ? rawName : newName}=${encodeAroundTags(newValue, scope)}`;
      changed = true;
    }
  }
  return changed ? pieces.join('&') : query;
}

/**
 * A parameter name can be the secret itself (`?<token>` with no value), or not a name at all: a
 * JSON document posted as `x-www-form-urlencoded` arrives as one field whose name is the JSON.
 */
export function redactParamName(name: string, scope: Scope): string {
  if (!PLAIN_NAME.test(name)) return redactScalar(name, scope, false);
  if (name.length < 16) {
    const detected = name.length >= 6 ? classifyValue(name) : null;
    return detected ? scope.tags.tag(detected.kind, name, scope.place, detected.detail) : name;
  }
  const detected = classifyValue(name);
  if (detected) return scope.tags.tag(detected.kind, name, scope.place, detected.detail);
  const known = scope.tags.recall(name);
  if (known) return scope.tags.tag(known, name, scope.place);
  return looksLikeToken(name) ? scope.tags.tag('token', name, scope.place) : name;
}

const PLAIN_NAME = /^[\w.$:[\]-]{0,128}$/;

/** `#access_token=…&state=…` as parameters, `#/route` as a path, anything else as a value. */
function redactFragment(fragment: string, scope: Scope): string {
  if (fragment === '') return fragment;
  if (fragment.includes('?')) return redactUrlText(fragment, scope);
  if (fragment.includes('=')) return redactQueryString(fragment, scope, 'query');
  if (fragment.charCodeAt(0) === 47 || fragment.startsWith('!/')) return redactPath(fragment, scope);
  return redactValue(safeDecode(fragment), scope, null, 'query');
}

/** A URL path with token-shaped, personal or known-secret segments replaced. */
export function redactUrlPath(path: string, scope: Scope): string {
  return redactPath(path, atPlace(scope, 'url.path'));
}

function redactPath(path: string, scope: Scope): string {
  if (path.length < 7) return path;
  const segments = path.split('/');
  let changed = false;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const redacted = redactSegment(segment, i > 0 ? segments[i - 1]! : '', scope);
    if (redacted !== segment) {
      segments[i] = redacted;
      changed = true;
    }
  }
  return changed ? segments.join('/') : path;
}

/**
 * One path segment. Ids (UUIDs, numbers, hex, prefixed ids) stay: the templater turns them
 * into `{param}`. Emails, JWTs, keys and token-shaped values become placeholders, which the
 * templater also treats as ids.
 */
function redactSegment(segment: string, parent: string, scope: Scope): string {
  if (segment.length < 6) return segment;
  const decoded = segment.includes('%') ? safeDecode(segment) : segment;
  if (scope.tags.issued(decoded)) return segment;
  const detected = classifyValue(decoded);
  if (detected) return scope.tags.tag(detected.kind, decoded, scope.place, detected.detail);
  const known = scope.tags.recall(decoded);
  if (known) return scope.tags.tag(known, decoded, scope.place);
  if (decoded.length >= 8 && CAPABILITY_PARENTS.has(parent.toLowerCase()) && !isPlainWord(decoded)) return scope.tags.tag('token', decoded, scope.place);
  if (looksLikeToken(decoded) || hasCredentialPrefix(decoded)) return scope.tags.tag('token', decoded, scope.place);
  const redacted = redactText(decoded, scope, true);
  return redacted === decoded ? segment : encodeAroundTags(redacted, scope).replace(/\//g, '%2F');
}

/** `settings`, `release-notes`, `snake_case`: a lower-case word or words, not a token. */
function isPlainWord(value: string): boolean {
  return /^[a-z]+(?:[-_][a-z]+){0,8}$/.test(value);
}

/** Percent-encodes `value` for a URL, leaving this run's placeholders readable. */
function encodeAroundTags(value: string, scope: Scope): string {
  if (scope.tags.issued(value)) return value;
  let out = '';
  let from = 0;
  for (let open = value.indexOf('<'); open !== -1; open = value.indexOf('<', open + 1)) {
    const close = value.indexOf('>', open);
    if (close === -1) break;
    const candidate = value.slice(open, close + 1);
    if (!scope.tags.issued(candidate)) continue;
    out += encodeURIComponent(value.slice(from, open)) + candidate;
    from = close + 1;
    open = close;
  }
  return out + encodeURIComponent(value.slice(from));
}

/**
 * A parameter value, decoded; but a `+` is kept when the value is a credential only with it:
 * base64 keys in connection strings (`AccountKey=ab+cd/ef==`, `SharedAccessKey=…`) are cut at
 * the first `+` if it is read as a space.
 */
function plusKept(raw: string, name: string, scope: Scope, context: NameContext): string {
  const decoded = decodeComponent(raw);
  if (decoded === raw || !raw.includes('+')) return decoded;
  const rule = scope.cache.nameRule(name, context);
  if (rule === null) return decoded;
  const literal = safeDecode(raw);
  return ruleApplies(rule, literal) && !ruleApplies(rule, decoded) ? literal : decoded;
}

/** Query components: `+` is a space, percent-escapes decoded; malformed escapes kept as is. */
function decodeComponent(text: string): string {
  if (!text.includes('%') && !text.includes('+')) return text;
  return safeDecode(text.replace(/\+/g, ' '));
}
