/**
 * The first pass: values that are secret by position or name, collected from every exchange
 * before any body is scanned, so the same value echoed elsewhere (a session cookie printed into
 * an HTML page, a token repeated in an error message, a hex id that no shape rule would catch)
 * is recognised there too. Only the cheap, structured places are read: cookies, credential
 * headers, query and fragment parameters, form fields, and the keys of JSON bodies
 * (learn-json.ts). Personal values found there (a name, a phone, an address) are remembered as
 * phrases, redacted wherever they recur (phrases.ts).
 */
import type { Content, Exchange, Message, NameValue } from '../exchange.js';
import { authorizationCredential } from './headers.js';
import { learnJson, remember } from './learn-json.js';
import { isWordValue, type NameContext, ruleApplies } from './names.js';
import type { RunCache } from './scope.js';
import type { Placeholders } from './placeholders.js';

export function rememberSecrets(exchanges: readonly Exchange[], tags: Placeholders, cache: RunCache): void {
  const pairs = (list: readonly NameValue[], context: NameContext): void => {
    for (const { name, value } of list) {
      const found = value === '' ? null : cache.nameRule(name, context);
      // A word under a `key` name (`?key=sticker2`) is the name's guess: it never changes a path template (infer/gate.ts).
      if (found && ruleApplies(found, value)) remember(found.kind, value, tags, found.tier === 'credential' && isWordValue(value));
    }
  };
  const addCookieName = (name: string): void => {
    const trimmed = name.trim();
    if (trimmed.length >= 2 && cache.cookieNames.size < MAX_COOKIE_NAMES) cache.cookieNames.add(trimmed);
  };
  const rememberCookie = (pair: string): void => {
    const eq = pair.indexOf('=');
    if (eq === -1) return;
    addCookieName(pair.slice(0, eq));
    tags.remember(
      'cookie',
      pair
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    );
  };
  const message = (m: Message): void => {
    for (const cookie of m.cookies) {
      tags.remember('cookie', cookie.value.trim());
      addCookieName(cookie.name);
    }
    for (const header of m.headers) {
      const name = header.name.toLowerCase();
      if (name === 'authorization' || name === 'proxy-authorization') tags.remember('token', authorizationCredential(header.value));
      else if (name === 'cookie' && !tags.rememberedWhole(header.value)) for (const pair of header.value.split(';')) rememberCookie(pair);
      else if (name === 'set-cookie' && !tags.rememberedWhole(header.value))
        for (const line of header.value.split('\n')) rememberCookie(line.split(';')[0] ?? '');
    }
    pairs(m.headers, 'header');
    if (m.body) learnContent(m.body.content);
  };
  // Bodies that hold JSON: its keys say which values are personal (learn-json.ts).
  const learnContent = (content: Content): void => {
    if (content.kind === 'form') pairs(content.fields, 'form');
    else if (content.kind === 'json' || content.kind === 'jsonp') learnJson(content.value, tags, cache);
    else if (content.kind === 'ndjson') for (const value of content.values) learnJson(value, tags, cache);
    else if (content.kind === 'sse') for (const event of content.events) if (event.json !== undefined) learnJson(event.json, tags, cache);
  };
  for (const exchange of exchanges) {
    message(exchange.request);
    message(exchange.response);
    pairs(exchange.url.query, 'query');
    for (const frame of exchange.webSocket) learnContent(frame.content);
  }
}

const MAX_COOKIE_NAMES = 10_000;
