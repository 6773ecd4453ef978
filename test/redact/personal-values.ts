/**
 * Personal values in a raw HAR, found independently of the redaction rules, for the corpus
 * test: strings under keys that name personal data (emails, phones, people's names, street
 * addresses and postcodes, birth dates, bank and identity numbers, device ids, gravatars) in
 * JSON bodies, forms, query strings and headers, and emails and international phone numbers
 * anywhere in the text. Only values of 6+ characters (shorter ones match ordinary words).
 */
import type { Planted } from './leak-check.js';
import { plantedValues, rawHarEntries } from './raw-har.js';

/** Joined, lower-case key names (`first_name` → `firstname`) that hold personal data. */
const PERSONAL_KEY =
  /email|phone|mobile|msisdn|firstname|lastname|fullname|givenname|familyname|middlename|surname|streetaddress|addressline|^address$|^street$|zipcode|^zip$|postalcode|postcode|birthdate|birthday|dateofbirth|^dob$|^iban$|^ssn$|passport|gravatar|deviceid|nationalid|taxid/;
/** Last words that describe rather than hold: `email_verified`, `phone_type`. */
const DESCRIBING =
  /(verified|type|enabled|required|label|placeholder|format|count|visible|status|confirmed|optin|consent|prefix|hint|field|mask|policy|template|domain|provider|changed|at|sent|pending|exists)$/;
/** An email; not an SSH remote such as `git@host.example:owner/repo` (its user is the service's). */
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}(?![:\w])/g;
const PHONE = /\+[1-9]\d{9,14}\b/g;

export function personalValuesOf(text: string): Planted[] {
  const found = plantedValues('V', (value) => {
    const trimmed = value.trim();
    return trimmed.length >= 6 && trimmed.length <= 200 && /[\p{L}\d]/u.test(trimmed) ? trimmed : null;
  });
  const add = found.add;
  const isPersonal = (key: string): boolean => {
    const joined = key.toLowerCase().replace(/[^a-z]/g, '');
    return PERSONAL_KEY.test(joined) && !DESCRIBING.test(joined);
  };
  const walk = (value: unknown, key: string, depth: number): void => {
    if (depth > 64) return;
    if (typeof value === 'string') {
      // A person's name or address has no `/`: `full_name: "owner/repo"` names a repository.
      if (isPersonal(key) && !(/name/i.test(key) && value.includes('/'))) add(`under ${key}`, value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key, depth + 1);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, k, depth + 1);
    }
  };
  const body = (content: { text?: unknown; encoding?: unknown } | undefined): void => {
    if (!content || typeof content.text !== 'string') return;
    const raw = content.encoding === 'base64' ? Buffer.from(content.text, 'base64').toString('utf8') : content.text;
    const first = raw.trimStart().charAt(0);
    if (first === '{' || first === '[') {
      try {
        walk(JSON.parse(raw), '', 0);
      } catch {
        // Not JSON: its shapes are read below.
      }
    }
    for (const match of raw.matchAll(EMAIL)) add('email', match[0]);
    for (const match of raw.matchAll(PHONE)) add('phone', match[0]);
  };
  const pairs = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const pair of list as { name?: unknown; value?: unknown }[])
      if (typeof pair.name === 'string' && isPersonal(pair.name)) add(`under ${pair.name}`, pair.value);
  };
  for (const entry of rawHarEntries(text)) {
    const request = entry.request ?? {};
    const response = entry.response ?? {};
    pairs(request.queryString);
    pairs(request.headers);
    pairs((request.postData as { params?: unknown } | undefined)?.params);
    body(request.postData as { text?: unknown } | undefined);
    body(response.content as { text?: unknown } | undefined);
    if (typeof request.url === 'string') for (const match of decodeURIComponentSafe(request.url).matchAll(EMAIL)) add('email in a URL', match[0]);
  }
  return found.list();
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
