/**
 * Cookies, in all four places a HAR keeps them: the `Cookie` header, `Set-Cookie` headers
 * (several joined by newlines in Firefox exports), `request.cookies[]` and `response.cookies[]`.
 * Every cookie value is replaced whatever its name (a JWT or email keeps its own kind, so the same
 * token in a cookie and in `Authorization` gets the same tag). Names stay, unless a name holds a
 * token or an email; `Set-Cookie` attributes (`Path`, `Expires`, `HttpOnly` …) stay.
 */
import type { NameValue } from '../exchange.js';
import { looksLikeToken } from './entropy.js';
import type { Scope } from './scope.js';
import { redactText, safeDecode } from './text.js';
import { classifyValue } from './values.js';

export function redactCookie(cookie: NameValue, scope: Scope): NameValue {
  const name = redactCookieName(cookie.name, scope);
  const value = redactCookieValue(cookie.value, scope);
  return name === cookie.name && value === cookie.value ? cookie : { name, value };
}

/** `a=1; b=2` → `a=<cookie:1>; b=<cookie:2>` */
export function redactCookieHeader(header: string, scope: Scope): string {
  return header
    .split(';')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair.trim() === '' ? pair : redactCookieValue(pair, scope);
      return `${redactCookieName(pair.slice(0, eq), scope)}=${redactCookieValue(pair.slice(eq + 1), scope)}`;
    })
    .join(';');
}

/** `Set-Cookie` value(s): the first pair of each line is the cookie; attributes stay. */
export function redactSetCookie(header: string, scope: Scope): string {
  return header
    .split('\n')
    .map((line) => {
      const semicolon = line.indexOf(';');
      const first = semicolon === -1 ? line : line.slice(0, semicolon);
      const eq = first.indexOf('=');
      const rest = semicolon === -1 ? '' : line.slice(semicolon);
      if (eq === -1) return first.trim() === '' ? line : `${redactCookieValue(first, scope)}${rest}`;
      return `${redactCookieName(first.slice(0, eq), scope)}=${redactCookieValue(first.slice(eq + 1), scope)}${rest}`;
    })
    .join('\n');
}

/** The placeholder for a cookie value; spaces and quotes around it are kept. */
function redactCookieValue(raw: string, scope: Scope): string {
  const leading = raw.length - raw.trimStart().length;
  let value = raw.trim();
  let quote = '';
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    quote = '"';
    value = value.slice(1, -1);
  }
  if (value === '' || scope.tags.issued(value)) return raw;
  const tag = scope.tags.tagAs(value, scope.place, () => classifyValue(value) ?? { kind: 'cookie' });
  return `${raw.slice(0, leading)}${quote}${tag}${quote}`;
}

/**
 * Cookie names stay readable unless the name itself holds a secret or personal value: a token
 * (CF har-sanitizer #49), or an email, as AWS Cognito writes the user into
 * `CognitoIdentityServiceProvider.<client>.<user>.idToken`, percent-encoded or not. The name is
 * percent-decoded and scanned like a value; one that still has an `@` after that is replaced
 * whole (an email too long for the shape rule is still an email).
 */
function redactCookieName(raw: string, scope: Scope): string {
  const name = raw.trim();
  if (name.length < 6 || scope.tags.issued(name)) return raw;
  const decoded = name.includes('%') ? safeDecode(name) : name;
  if (decoded.length >= 20 && looksLikeToken(decoded)) return raw.replace(name, scope.tags.tag('cookie-name', decoded, scope.place));
  const scanned = redactText(decoded, scope);
  if (hasBareAt(scanned, scope)) return raw.replace(name, scope.tags.tag('cookie-name', decoded, scope.place));
  return scanned === decoded ? raw : raw.replace(name, scanned);
}

/** An `@` left outside the placeholders issued for the name. */
function hasBareAt(text: string, scope: Scope): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const open = text.lastIndexOf('<', at);
    const close = open === -1 ? -1 : text.indexOf('>', open);
    if (close === -1 || close < at || !scope.tags.issued(text.slice(open, close + 1))) return true;
  }
  return false;
}
