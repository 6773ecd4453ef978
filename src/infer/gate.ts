/**
 * The redaction gate: the one place where a captured value becomes model text (`Shown`, the only
 * cast to it in the code base is `show` below). Inference reads the original values, so types,
 * formats, enums, templating and auth are decided on what was really sent; each value the model
 * keeps (an example, an enum member, a path-parameter example, a key that is data, a header,
 * query or form value, an event sample, a diagnostic quoting input) comes through here and is
 * redacted with its full context, by the same functions and `Scope` the redact stage defines:
 * a JSON value with its key path and sibling keys (json.ts), a named value with its name and the
 * names sent with it (value.ts), a header with its name (headers.ts), a cookie name
 * (cookies.ts), a path segment with its parent (url.ts), text (text.ts).
 *
 * A placeholder shown where a schema applies is fitted to it, so the example stays valid and is
 * still plainly a placeholder: an email under `format: email` becomes `email-3@example.com`, a
 * URI `https://example.com/token-2`, a UUID `00000000-0000-0000-0000-000000000004`, a redacted
 * integer `0`. Where no schema applies (text, a string without format) it stays `<kind:n>`.
 *
 * The gate also keeps the redaction report: per place, key path and kind, how many shown values
 * were replaced, never a value. With redaction off it only marks the text as shown.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Json, NameValue, SseEvent } from '../exchange.js';
import type { JsonSchema, JsonType, PathParam, RedactionFinding, Shown, ShownScalar } from '../model.js';
import { redactCookie } from '../redact/cookies.js';
import { redactFileName } from '../redact/file-name.js';
import { redactHeader } from '../redact/headers.js';
import type { Redactor } from '../redact/index.js';
import type { NameScope } from '../redact/names.js';
import { kindBySiblings, redactJson } from '../redact/json.js';
import { PLACEHOLDER_PATTERN } from '../redact/placeholders.js';
import { atPlace, type Scope } from '../redact/scope.js';
import { redactText } from '../redact/text.js';
import { redactParamName, redactUrlPath, redactUrlText } from '../redact/url.js';
import { kindByShape, namedSiblingShapes, redactValue, type SiblingShapes, siblingsOf } from '../redact/value.js';
import { detachText } from './detach-text.js';
import { jsonExample, textExample, truncateExample } from './example.js';
import { FORMAT_URI, stringFormats } from './string-format.js';

export type ShownJson = ShownScalar | ShownJson[] | { [key: string]: ShownJson };

/** Named values sent together: query parameters, form fields, multipart parts. */
export type NamedContext = 'query' | 'form';

/** The record around a JSON field shown on its own: its other keys, with scalar values (others null). */
export type SiblingValues = { readonly [key: string]: Json };

/** A named value sent beside another (its value when known). */
export interface NamedSibling {
  name: string;
  value?: string | null;
}

export interface Gate {
  /** False with `--no-redact`: values are then shown as they are. */
  readonly redacting: boolean;
  /** A JSON value redacted as a whole, every key with its path and siblings; `keyPath` are the keys above it. */
  json(value: Json, place: string, keyPath?: readonly string[]): ShownJson;
  /**
   * One JSON scalar, found under `keyPath` in a record with `siblings` (the other keys of the
   * object holding it, with their values where they are scalars): `name` beside `email` is a
   * person's, a value shaped like a redacted sibling phone is a phone.
   */
  jsonLeaf(value: string | number | boolean, place: string, keyPath: readonly string[], siblings: SiblingValues): ShownScalar;
  /** Enum members of a string field; undefined when redaction replaces any (a placeholder is no member). */
  jsonEnum(values: readonly string[], place: string, keyPath: readonly string[], siblings: SiblingValues): Shown[] | undefined;
  /** A JSON key that is data (an email, a token as a property name). */
  key(key: string, place: string): string;
  /** A redacted JSON value printed as the reference prints examples, placeholders fitted to `schema`. */
  printJson(value: ShownJson, schema: JsonSchema | undefined, maxChars?: number, maxLines?: number): Shown;
  /** NDJSON lines, each redacted and fitted to the line schema, one per line, cut. */
  printLines(values: readonly Json[], schema: JsonSchema | undefined, place: string): Shown;
  /**
   * A value sent under a name, with the pairs sent beside it (their values, where known, say what
   * a value shaped like a redacted sibling phone or name is). Pass the same `siblings` array for
   * every value of one request: what the siblings say is worked out once per array, so showing
   * every value of a request with n pairs costs O(n), not O(n²).
   */
  value(value: string, name: string, context: NamedContext, siblings: readonly NamedSibling[], place: string): Shown;
  /** Enum members of a named value; undefined when redaction replaces any. */
  namedEnum(values: readonly string[], name: string, context: NamedContext, place: string): Shown[] | undefined;
  /** A parameter, field or part name (a name can be the secret: `?<token>`). */
  name(name: string, place: string): string;
  /** A request header value, by its name. */
  header(name: string, value: string): Shown;
  /** A cookie name (`CognitoIdentityServiceProvider.<client>.<email>.idToken`). */
  cookieName(name: string): string;
  /** A `Cookie` header shown by its cookie names only: `session=…; theme=…`. */
  cookieNames(header: string): Shown;
  /** Short text shown whole: an event name, a message type, an operation name. */
  text(text: string, place: string): Shown;
  /** A text body's example: its head, cut at a word boundary before redaction, then printed. */
  textExample(text: string, place: string, maxChars?: number, maxLines?: number): Shown | undefined;
  /** A form's fields as `name=value` lines, each value fitted to its field's schema. */
  form(fields: readonly NameValue[], schema: JsonSchema, place: string): Shown;
  /** The first events of a stream as they were on the wire. */
  sse(events: readonly SseEvent[], place: string): Shown;
  /** A multipart file name: replaced but for its extension. */
  fileName(name: string): Shown;
  /**
   * A path template's literal segments (the `{name}` segments are ours), shown as templating
   * decided them: a value that only a parameter's name made a secret (`?key=sticker2`) never
   * changes a literal segment; a segment's own shape or a personal value found elsewhere does.
   */
  path(template: string): string;
  /** A path as it was sent (a left-out example), every segment judged. */
  urlPath(path: string): string;
  /**
   * A path parameter's example, judged with the literal segment before it; a placeholder is
   * fitted to the parameter's kind and pattern, and left out when it cannot fit.
   */
  pathExample(value: string, parent: string, param: Pick<PathParam, 'kind' | 'regex'>): Shown | undefined;
  /**
   * A concrete request path for a runnable example: parameter segments as `pathExample` (the
   * template's `{name}` where no example fits), the rest from the shown `template`.
   */
  requestPath(path: string, template: string, params: readonly PathParam[]): Shown;
  /** Shown JSON on one line (a request body to send). */
  compact(value: ShownJson): Shown;
  /** Our words around captured ones (a diagnostic, a templating reason): URLs, paths and words are judged. */
  message(text: string): string;
  diagnostic(diagnostic: Diagnostic): Diagnostic;
  /** A shown scalar as its schema would have it; undefined when it cannot fit. */
  fit(example: ShownScalar, schema: JsonSchema): ShownScalar | undefined;
  /** A shown text (a parameter's example) with its placeholder fitted to `schema`. */
  fitText(example: Shown, schema: JsonSchema): Shown;
  /** What was replaced where, for the model (sorted; never a value). */
  report(): RedactionFinding[];
}

/**
 * The single cast: everything that calls it has just redacted the text or the JSON value (whose
 * strings are then all shown), or shows it with redaction off.
 */
function show(text: string): Shown;
function show(value: Json): ShownJson;
function show(value: Json): ShownJson {
  return value as ShownJson;
}

const PLACEHOLDER = new RegExp(PLACEHOLDER_PATTERN, 'g');
const HAS_PLACEHOLDER = new RegExp(PLACEHOLDER_PATTERN);
const MAX_SIBLINGS = 64;
/** Text examples are redacted from a head this long at most, cut back to a word boundary. */
const TEXT_HEAD = 4096;

export function createGate(redactor: Redactor | null): Gate {
  if (redactor === null) return openGate();
  const base = redactor.scope;
  const findings = new Map<string, number>();
  const scopes = new Map<string, Scope>();
  // What a request's pairs say about each other (a person's name beside an email), once per array and place.
  const siblingScopes = new WeakMap<readonly { name: string }[], Map<Scope, NameScope>>();
  const siblingShapes = new WeakMap<readonly NamedSibling[], Map<string, SiblingShapes>>();
  /** The shapes of the personal phones, names and addresses among a request's pairs, once per array (value.ts). */
  const shapesIn = (siblings: readonly NamedSibling[], context: NamedContext, scope: Scope): SiblingShapes => {
    let byScope = siblingShapes.get(siblings);
    if (!byScope) siblingShapes.set(siblings, (byScope = new Map()));
    const key = `${context}\u0000${scope.place}`;
    let found = byScope.get(key);
    if (found === undefined) byScope.set(key, (found = namedSiblingShapes(siblings, context, scope)));
    return found;
  };
  const siblingsIn = (siblings: readonly { name: string }[], scope: Scope): NameScope => {
    let byScope = siblingScopes.get(siblings);
    if (!byScope) siblingScopes.set(siblings, (byScope = new Map()));
    let found = byScope.get(scope);
    if (!found) byScope.set(scope, (found = siblingsOf(siblings, scope)));
    return found;
  };
  const at = (place: string): Scope => {
    let scope = scopes.get(place);
    if (!scope) scopes.set(place, (scope = atPlace(base, place)));
    return scope;
  };
  const note = (place: string, path: string, redacted: string): void => {
    if (!redacted.includes('<')) return;
    for (const match of redacted.matchAll(PLACEHOLDER)) {
      const kind = match[0].slice(1, match[0].indexOf(':'));
      const key = `${place}\u0000${path}\u0000${kind}`;
      findings.set(key, (findings.get(key) ?? 0) + 1);
    }
  };
  const noteJson = (original: Json, redacted: Json, place: string, path: string): void => {
    if (original === redacted) return;
    if (typeof redacted === 'string') {
      note(place, path, redacted);
      return;
    }
    if (redacted === null || typeof redacted !== 'object' || original === null || typeof original !== 'object') return;
    if (Array.isArray(redacted)) {
      const items = original as Json[];
      for (let i = 0; i < redacted.length; i++) noteJson(items[i] ?? null, redacted[i]!, place, `${path}[]`);
      return;
    }
    const before = Object.keys(original);
    const after = Object.keys(redacted);
    for (let i = 0; i < after.length; i++) {
      const key = after[i]!;
      if (key !== before[i]) note(place, `${path}.{key}`, key);
      noteJson((original as Record<string, Json>)[before[i] ?? key] ?? null, redacted[key]!, place, join(path, key));
    }
  };
  const json = (value: Json, place: string, keyPath: readonly string[] = []): ShownJson => {
    const wrapped = wrap(value, keyPath, []);
    const redacted = unwrap(redactJson(wrapped, at(place)), keyPath);
    noteJson(value, redacted, place, keyPath.join('.'));
    return show(redacted);
  };
  const leaf = (value: string | number | boolean, place: string, keyPath: readonly string[], siblings: SiblingValues): ShownScalar => {
    if (typeof value === 'boolean') return value;
    const scope = at(place);
    let redacted = unwrap(redactJson(wrap(value, keyPath, Object.keys(siblings)), scope), keyPath);
    if (redacted === value && typeof value === 'string') {
      // Shown without its record: the record's values still say what it is (json.ts `kindBySiblings`).
      const key = keyPath[keyPath.length - 1] ?? '';
      const kind = kindBySiblings(key, value, siblings, scope, keyPath.length > 1 ? keyPath[keyPath.length - 2]! : null);
      if (kind !== null) redacted = scope.tags.tag(kind, value, place);
    }
    if (typeof redacted === 'string') {
      note(place, keyPath.join('.'), redacted);
      return show(redacted);
    }
    return typeof redacted === 'number' ? redacted : null;
  };
  const text = (value: string, place: string, path = '(text)'): Shown => {
    const redacted = redactText(value, at(place));
    note(place, path, redacted);
    return show(redacted);
  };
  const pathSegments = (template: string): string => {
    const redacted = base.tags.strictly(() => redactUrlPath(template, base));
    if (redacted === template) return template;
    // `{name}` segments are ours: only literal segments take what redaction changed.
    const before = template.split('/');
    const after = redacted.split('/');
    if (before.length !== after.length) return redacted;
    const out = before.map((segment, i) => (segment.startsWith('{') && segment.endsWith('}') ? segment : after[i]!));
    for (let i = 0; i < out.length; i++) if (out[i] !== before[i]) note('url.path', `path[${i - 1}]`, out[i]!);
    return out.join('/');
  };
  const gate: Gate = {
    redacting: true,
    json,
    jsonLeaf: leaf,
    jsonEnum(values, place, keyPath, siblings) {
      const out: Shown[] = [];
      for (const value of values) {
        const redacted = leaf(value, place, keyPath, siblings);
        if (redacted !== value) return undefined;
        out.push(show(value));
      }
      return out;
    },
    key(key, place) {
      const redacted = Object.keys(redactJson({ [key]: null }, at(place)) as Record<string, Json>)[0] ?? key;
      if (redacted !== key) note(place, '{key}', redacted);
      return redacted;
    },
    printJson: (value, schema, maxChars, maxLines) => show(jsonExample(schema ? fitJson(value, schema) : value, maxChars, maxLines)),
    printLines(values, schema, place) {
      const lines = values.slice(0, 20).map((line) => JSON.stringify(schema ? fitJson(json(line, place), schema) : json(line, place)));
      return show(truncateExample(lines.join('\n')));
    },
    value(value, name, context, siblings, place) {
      const scope = at(place);
      let redacted = redactValue(value, scope, name, context, siblingsIn(siblings, scope));
      if (redacted === value) {
        const kind = kindByShape(name, value, shapesIn(siblings, context, scope), scope);
        if (kind !== null) redacted = scope.tags.tag(kind, value, place);
      }
      note(place, `${context === 'query' ? 'query' : 'field'}.${name}`, redacted);
      return show(redacted);
    },
    namedEnum(values, name, context, place) {
      const out: Shown[] = [];
      for (const value of values) {
        const redacted = gate.value(value, name, context, [], place);
        if (redacted !== value) return undefined;
        out.push(redacted);
      }
      return out;
    },
    name(name, place) {
      const redacted = redactParamName(name, at(place));
      if (redacted !== name) note(place, '{name}', redacted);
      return redacted;
    },
    header(name, value) {
      const redacted = redactHeader({ name, value }, at('request.header')).value;
      note('request.header', `header.${name.toLowerCase()}`, redacted);
      return show(redacted);
    },
    cookieName(name) {
      const redacted = redactCookie({ name, value: '' }, at('request.cookie')).name;
      if (redacted !== name) note('request.cookie', '{cookie-name}', redacted);
      return redacted;
    },
    cookieNames: (header) => show(cookieNames(header, gate.cookieName)),
    text: (value, place) => text(value, place),
    textExample(value, place, maxChars, maxLines) {
      // Redacted before it is cut, so the cut never leaves half of a secret for the scanner to miss.
      const redacted = redactText(headOf(value), at(place));
      const printable = printText(redacted, maxChars, maxLines);
      if (printable !== undefined) note(place, '(text)', printable);
      return printable === undefined ? undefined : show(printable);
    },
    form(fields, schema, place) {
      const lines = fields.map((field) => {
        const property = schema.properties?.[field.name];
        const value = gate.value(field.value, field.name, 'form', fields, place);
        const fitted = property ? fitText(value, property) : value;
        return `${gate.name(field.name, place)}=${fitted}`;
      });
      return show(truncateExample(lines.join('\n')));
    },
    sse(events, place) {
      const scope = at(place);
      const redacted = events.map((event) => {
        const name = event.event === null ? null : text(event.event, place, '(event)');
        if (event.json === undefined) return { event: name, data: text(event.data, place) as string };
        const value = redactJson(event.json, scope);
        noteJson(event.json, value, place, '(data)');
        return { event: name, data: value === event.json ? event.data : JSON.stringify(value) };
      });
      return show(truncateExample(sseText(redacted), 2000, 30));
    },
    fileName(name) {
      const redacted = redactFileName(name, at('request.body'));
      note('request.body', '{file-name}', redacted);
      return show(redacted);
    },
    path: pathSegments,
    requestPath: (path, template, params) => requestPath(gate, path, template, params),
    compact: (value) => show(JSON.stringify(value)),
    urlPath(path) {
      const redacted = redactUrlPath(path, base);
      if (redacted !== path) note('url.path', '(path)', redacted);
      return redacted;
    },
    pathExample(value, parent, param) {
      const path = `/${parent}/${value}`;
      const redacted = redactUrlPath(path, base);
      if (redacted === path) return show(value);
      const segment = decodeAround(redacted.slice(redacted.lastIndexOf('/') + 1));
      note('url.path', `path.${parent}.{}`, segment);
      return fitPathExample(segment, param);
    },
    message(value) {
      // URLs and paths as URLs (segment by segment, query by name), then the rest as text.
      const urls = value.replace(/[^\s()'"`,;]*\/[^\s()'"`,;]*/g, (word) => redactUrlText(word, at('diagnostic')));
      const redacted = redactText(urls, at('diagnostic'));
      note('diagnostic', '(message)', redacted);
      return redacted;
    },
    diagnostic: (d) => ({ ...d, message: gate.message(d.message) }),
    fit: (example, schema) => fitScalar(example, schema),
    fitText,
    report() {
      return [...findings]
        .map(([key, count]) => {
          const [place, path, kind] = key.split('\u0000') as [string, string, string];
          return { place, path, kind, count };
        })
        .sort((a, b) => compare(a.place, b.place) || compare(a.path, b.path) || compare(a.kind, b.kind));
    },
  };
  return gate;
}

/** Segments under a `{name}` of the template shown as that parameter's examples are; the others are the template's (already shown). */
function requestPath(gate: Gate, path: string, template: string, params: readonly PathParam[]): Shown {
  const sent = path.split('/');
  const shape = template.split('/');
  if (sent.length !== shape.length) return show(gate.path(template));
  return show(
    shape
      .map((segment, i) => {
        if (!(segment.startsWith('{') && segment.endsWith('}'))) return segment;
        const param = params.find((p) => p.name === segment.slice(1, -1)) ?? { kind: 'token' as const };
        return gate.pathExample(sent[i]!, shape[i - 1] ?? '', param) ?? segment;
      })
      .join('/'),
  );
}

/** With redaction off, the gate shows every value as it is (the user asked for it). */
function openGate(): Gate {
  const gate: Gate = {
    redacting: false,
    json: (value) => show(value),
    jsonLeaf: (value) => (typeof value === 'string' ? show(value) : value),
    jsonEnum: (values) => values.map((value) => show(value)),
    key: (key) => key,
    printJson: (value, _schema, maxChars, maxLines) => show(jsonExample(value, maxChars, maxLines)),
    printLines: (values) =>
      show(
        truncateExample(
          values
            .slice(0, 20)
            .map((line) => JSON.stringify(line))
            .join('\n'),
        ),
      ),
    value: (value) => show(value),
    namedEnum: (values) => values.map((value) => show(value)),
    name: (name) => name,
    header: (_name, value) => show(value),
    cookieName: (name) => name,
    cookieNames: (header) => show(cookieNames(header, (name) => name)),
    text: (value) => show(value),
    textExample: (value, _place, maxChars, maxLines) => {
      const printable = printText(headOf(value), maxChars, maxLines);
      return printable === undefined ? undefined : show(printable);
    },
    form: (fields) => show(truncateExample(fields.map((f) => `${f.name}=${f.value}`).join('\n'))),
    sse: (events) => show(truncateExample(sseText(events), 2000, 30)),
    fileName: (name) => show(name),
    path: (template) => template,
    urlPath: (path) => path,
    pathExample: (value) => show(value),
    requestPath: (path, template, params) => requestPath(gate, path, template, params),
    compact: (value) => show(JSON.stringify(value)),
    message: (value) => value,
    diagnostic: (d) => d,
    fit: (example, schema) => fitScalar(example, schema),
    fitText,
    report: () => [],
  };
  return gate;
}

function cookieNames(header: string, shown: (name: string) => string): string {
  return header
    .split(';')
    .map((pair) => pair.trim().split('=')[0])
    .filter(Boolean)
    .map((name) => `${shown(name!)}=…`)
    .join('; ');
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `value` placed where `keyPath` says (`[]` an array element, `{}` an entry of an id-keyed map),
 * with `siblings` as null-valued keys beside it, so json.ts judges it as it would in the body:
 * by its key, its parents (a whole `address` is personal) and its siblings (`name` next to `email`).
 */
function wrap(value: Json, keyPath: readonly string[], siblings: readonly string[]): Json {
  let out: Json = value;
  for (let i = keyPath.length - 1; i >= 0; i--) {
    const key = keyPath[i]!;
    if (key === '[]') out = [out];
    else {
      const object: { [key: string]: Json } = {};
      if (i === keyPath.length - 1) for (const sibling of siblings.slice(0, MAX_SIBLINGS)) if (sibling !== key) defineOwn(object, sibling, null);
      defineOwn(object, key === '{}' ? '_' : key, out);
      out = object;
    }
  }
  return out;
}

function unwrap(value: Json, keyPath: readonly string[]): Json {
  let out: Json = value;
  for (const key of keyPath) {
    if (out === null || typeof out !== 'object') return null;
    if (Array.isArray(out)) out = out[0] ?? null;
    else out = out[key === '{}' ? '_' : key] ?? null;
  }
  return out;
}

function defineOwn(target: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A text example: a body's first lines with control characters shown (example.ts), or, with a
 * budget, a message cut to it. Cut from a head that ends at a word boundary.
 */
function printText(head: string, maxChars?: number, maxLines?: number): string | undefined {
  return maxChars === undefined ? textExample(head) : truncateExample(head, maxChars, maxLines);
}

/** Cut a long text back to a word boundary, so no secret is split in two before redaction sees it. */
function headOf(text: string): string {
  if (text.length <= TEXT_HEAD) return text;
  const head = text.slice(0, TEXT_HEAD);
  const cut = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\n'), head.lastIndexOf('\t'));
  return cut > TEXT_HEAD / 2 ? head.slice(0, cut) : '';
}

/** Percent-decodes a path segment around placeholders (url.ts writes them encoded). */
function decodeAround(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The stream as it was on the wire, for the example. */
function sseText(events: readonly { event: string | null; data: string }[]): string {
  return events
    .map(
      (e) =>
        `${e.event ? `event: ${e.event}\n` : ''}${e.data
          .split('\n')
          .map((line) => `data: ${line}`)
          .join('\n')}\n`,
    )
    .join('\n');
}

function typesOf(schema: JsonSchema): JsonType[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** The first placeholder in a text: its kind and number. */
function firstPlaceholder(text: string): { kind: string; n: number } | null {
  const match = HAS_PLACEHOLDER.exec(text);
  if (!match) return null;
  const colon = match[0].indexOf(':');
  return { kind: match[0].slice(1, colon), n: Number.parseInt(match[0].slice(colon + 1), 10) };
}

/**
 * A placeholder that is valid for `format` and plainly one: reserved domains (RFC 2606), the
 * nil UUID's neighbours, the epoch. Undefined for a format with no such value.
 */
function formatted(format: string, text: string, kind: string, n: number): string | undefined {
  switch (format) {
    case 'email':
      return `${kind}-${n}@example.com`;
    case 'uri': {
      // A URL keeps what was not redacted (`…?sig=signature-1`): brackets are not valid in a URI.
      if (text.charCodeAt(0) === 60) return `https://example.com/${kind}-${n}`;
      const inline = text.replace(PLACEHOLDER, (tag) => `${tag.slice(1, tag.indexOf(':'))}-${Number.parseInt(tag.slice(tag.indexOf(':') + 1), 10)}`);
      return stringFormats(inline) & FORMAT_URI ? inline : `https://example.com/${kind}-${n}`;
    }
    case 'uuid':
      return `00000000-0000-0000-0000-${n.toString(16).padStart(12, '0').slice(-12)}`;
    case 'date':
      return '1970-01-01';
    case 'date-time':
      return '1970-01-01T00:00:00Z';
    default:
      return undefined;
  }
}

/** The kinds of path parameter OpenAPI gives a format (render/openapi/parameters.ts). */
const PATH_FORMATS: Partial<Record<PathParam['kind'], string>> = { email: 'email', uuid: 'uuid', date: 'date', datetime: 'date-time', integer: 'integer' };

function fitPathExample(segment: string, param: Pick<PathParam, 'kind' | 'regex'>): Shown | undefined {
  const placeholder = firstPlaceholder(segment);
  if (placeholder === null) return show(segment);
  const format = PATH_FORMATS[param.kind];
  const fitted = format === 'integer' ? '0' : format ? formatted(format, segment, placeholder.kind, placeholder.n) : segment;
  if (fitted === undefined) return undefined;
  if (param.regex !== undefined && !new RegExp(param.regex).test(fitted)) return undefined;
  return show(fitted);
}

/** A shown string under `schema`: a placeholder in it is fitted to the schema's format. */
function fitText(value: Shown, schema: JsonSchema): Shown {
  const fitted = fitScalar(value, schema);
  return fitted === undefined || fitted === null ? value : show(String(fitted));
}

function fitScalar(example: ShownScalar, schema: JsonSchema): ShownScalar | undefined {
  if (typeof example !== 'string') return example;
  const placeholder = firstPlaceholder(example);
  if (placeholder === null) return example;
  const options = schema.anyOf ?? [schema];
  for (const option of options) {
    const types = typesOf(option);
    if (types.includes('string') || types.length === 0) {
      if (option.format === undefined) return option.enum ? undefined : example;
      const value = formatted(option.format, example, placeholder.kind, placeholder.n);
      return value === undefined ? undefined : show(value);
    }
  }
  for (const option of options) {
    const types = typesOf(option);
    // A redacted number: zero is plainly no one's PIN, and stays an integer.
    if (types.includes('integer') || types.includes('number')) return 0;
  }
  return undefined;
}

/** A redacted JSON value with every placeholder fitted to the schema at its position. */
function fitJson(value: ShownJson, schema: JsonSchema): ShownJson {
  if (typeof value === 'string') {
    const fitted = fitScalar(value, schema);
    return fitted === undefined ? value : fitted;
  }
  if (value === null || typeof value !== 'object') return value;
  if (schema.anyOf) {
    const option = schema.anyOf.find((o) => typesOf(o).includes(Array.isArray(value) ? 'array' : 'object'));
    return option ? fitJson(value, option) : value;
  }
  if (Array.isArray(value)) {
    const items = schema.items;
    if (!items) return value;
    let out: ShownJson[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const fitted = fitJson(value[i]!, items);
      if (fitted !== value[i]) (out ??= value.slice())[i] = fitted;
    }
    return out ?? value;
  }
  let out: { [key: string]: ShownJson } | null = null;
  for (const key of Object.keys(value)) {
    const property = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (!property) continue;
    const fitted = fitJson(value[key]!, property);
    if (fitted !== value[key]) {
      out ??= copyOwn(value);
      defineOwnShown(out, key, fitted);
    }
  }
  return out ?? value;
}

function copyOwn(value: { [key: string]: ShownJson }): { [key: string]: ShownJson } {
  const out: { [key: string]: ShownJson } = {};
  for (const key of Object.keys(value)) defineOwnShown(out, key, value[key]!);
  return out;
}

function defineOwnShown(target: { [key: string]: ShownJson }, key: string, value: ShownJson): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A shown text cut to `max` characters (a field example), detached from the text it was cut from. */
export function cutShown(text: Shown, max: number): Shown {
  return text.length > max ? show(detachText(`${text.slice(0, max)}…`)) : text;
}
