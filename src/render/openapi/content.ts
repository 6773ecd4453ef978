/**
 * Request and response bodies as OpenAPI content: one media type object per body, the schema
 * by reference to its catalog name, one example taken from the model (already redacted), and
 * the evidence as extensions. OpenAPI 3.1 has no keyword for the items of a stream (3.2 adds
 * `itemSchema`), so an event stream or NDJSON body is a string whose `contentSchema` is the
 * union of its event kinds or the schema of one line; `x-events` lists each kind with its count.
 *
 * Bodies are documented under the media type they were sent with. JSON sent as `text/plain` (a
 * `fetch` with a string body) is text on the wire: a string whose `contentSchema` is the JSON's
 * schema, not an object under `text/plain`, which validators and generated clients would read as
 * an object. A body sent without a `Content-Type` is filed under `*` `/` `*` (any media type), not
 * under a type it never declared.
 */
import { isRequired } from '../../evidence.js';
import type { Body, JsonSchema } from '../../model.js';
import type { BodyNames } from './catalog.js';
import { eventLabel } from './catalog.js';
import { typedExample } from './parameters.js';
import { type MediaType, type SchemaObject, schemaRef } from './spec.js';

const TRUNCATED = '... (truncated)';

/**
 * Media types for bodies that declared none. Forms, multipart and streams are recognised by
 * their syntax, so their type is known; JSON, text and bytes sent without a type were any type.
 */
const ANY_MEDIA_TYPE = '*/*';
const DEFAULT_MEDIA_TYPES: Record<Body['kind'], string> = {
  json: ANY_MEDIA_TYPE,
  form: 'application/x-www-form-urlencoded',
  multipart: 'multipart/form-data',
  sse: 'text/event-stream',
  ndjson: 'application/x-ndjson',
  jsonp: 'application/javascript',
  text: ANY_MEDIA_TYPE,
  binary: ANY_MEDIA_TYPE,
  empty: ANY_MEDIA_TYPE,
};

/** `application/json`, `application/problem+json`, `application/vnd.pgrst.object+json`. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]*\+)?json$/;

/** Content by media type; two bodies with one media type (JSON that sometimes failed to parse) become one with `anyOf`. */
export function bodiesContent(bodies: readonly Body[], names: readonly BodyNames[]): Record<string, MediaType> {
  const content: Record<string, MediaType> = {};
  bodies.forEach((body, i) => {
    const key = body.mediaType || DEFAULT_MEDIA_TYPES[body.kind];
    const media = mediaType(body, names[i] ?? {});
    content[key] = content[key] ? mergeMediaTypes(content[key], media) : media;
  });
  return content;
}

function mediaType(body: Body, names: BodyNames): MediaType {
  const media: MediaType = {};
  switch (body.kind) {
    case 'json':
      if (!JSON_MEDIA_TYPE.test(body.mediaType)) {
        // JSON sent under another media type (or none) is text that holds JSON.
        media.schema = { type: 'string', contentMediaType: 'application/json', ...(names.schema ? { contentSchema: schemaRef(names.schema) } : {}) };
        setExample(media, textExample(body.example));
        break;
      }
      if (names.schema) media.schema = schemaRef(names.schema);
      setExample(media, jsonExample(body.example));
      break;
    case 'jsonp':
    case 'form':
      if (names.schema) media.schema = schemaRef(names.schema);
      setExample(media, body.kind === 'form' ? formExample(body.example, body.schema) : jsonExample(body.example));
      break;
    case 'ndjson':
      media.schema = streamSchema('Newline-delimited JSON: one value per line, each matching `contentSchema`.', 'application/x-ndjson', names.schema);
      setExample(media, body.example);
      break;
    case 'sse':
      media.schema = streamSchema(eventStreamDescription(body), 'text/event-stream', names.eventUnion);
      setExample(media, body.example);
      media['x-events'] = (body.events ?? []).map((kind, i) => ({
        event: kind.event,
        ...(kind.type !== undefined ? { type: kind.type } : {}),
        seen: kind.seen,
        ...(names.events?.[i] ? { schema: schemaRef(names.events[i]) } : {}),
      }));
      if (body.sentinels?.length) media['x-sentinels'] = body.sentinels;
      break;
    case 'multipart':
      Object.assign(media, multipartMedia(body));
      break;
    case 'text':
      media.schema = names.schema ? schemaRef(names.schema) : { type: 'string' };
      setExample(media, body.example);
      break;
    case 'binary':
    case 'empty':
      media.schema = names.schema ? schemaRef(names.schema) : body.mediaType ? { contentMediaType: body.mediaType } : {};
      break;
  }
  media['x-kind'] = body.kind;
  media['x-seen'] = body.seen;
  media['x-size'] = body.size;
  return media;
}

function streamSchema(description: string, contentMediaType: string, item: string | undefined): SchemaObject {
  return { type: 'string', description, contentMediaType, ...(item ? { contentSchema: schemaRef(item) } : {}) };
}

function setExample(media: MediaType, example: unknown): void {
  if (example !== undefined) media.example = example;
}

/** A complete example as the text that was sent; a cut one is left out. */
function textExample(example: string | undefined): string | undefined {
  return example === undefined || example.endsWith(TRUNCATED) ? undefined : example;
}

/** A complete JSON example as a value; a cut one is left out rather than shown as a string. */
function jsonExample(example: string | undefined): unknown {
  if (example === undefined || example.endsWith(TRUNCATED)) return undefined;
  try {
    return JSON.parse(example) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The model prints form bodies as `name=value` lines; OpenAPI wants the fields as an object,
 * each value typed as its field's schema says (`seq=3` is the integer 3).
 */
function formExample(example: string | undefined, schema: JsonSchema | undefined): Record<string, unknown> | undefined {
  if (example === undefined || example.endsWith(TRUNCATED)) return undefined;
  const fields = plainRecord<unknown>();
  const properties = schema?.properties ?? {};
  for (const line of example.split('\n')) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const name = line.slice(0, eq);
    const value = typedExample(line.slice(eq + 1), Object.hasOwn(properties, name) ? properties[name]! : {});
    if (value === undefined) return undefined;
    fields[name] = value;
  }
  return fields;
}

function eventStreamDescription(body: Body): string {
  const kinds = (body.events ?? []).map((k) => `${eventLabel(k)} ×${k.seen}`);
  const sentinels = body.sentinels?.length ? `; ends with ${body.sentinels.map((s) => `\`${s}\``).join(', ')}` : '';
  return `Server-sent events${kinds.length ? `: ${kinds.join(', ')}` : ''}${sentinels}. The data of each event matches \`contentSchema\`.`;
}

function multipartMedia(body: Body): MediaType {
  const parts = body.parts ?? [];
  const properties = plainRecord<SchemaObject>();
  const encoding = plainRecord<{ contentType: string }>();
  for (const part of parts) {
    // `format: binary` as well as `contentMediaType`: validators and client generators read files by it.
    properties[part.name] = part.file
      ? { type: 'string', format: 'binary', contentMediaType: part.contentTypes[0] ?? 'application/octet-stream' }
      : (part.schema ?? { type: 'string' });
    if (part.contentTypes.length > 0) encoding[part.name] = { contentType: part.contentTypes.join(', ') };
  }
  const required = parts.filter((p) => isRequired(p.seen, body.seen, body.seen)).map((p) => p.name);
  const media: MediaType = { schema: { type: 'object', properties, ...(required.length ? { required } : {}) } as SchemaObject };
  if (Object.keys(encoding).length > 0) media.encoding = encoding;
  media['x-parts'] = parts.map((p) => ({ name: p.name, file: p.file, seen: p.seen }));
  return media;
}

/** A record without a prototype: a captured field or part named `__proto__` stays a plain key. */
function plainRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Two bodies under one media type: either schema may apply, the evidence adds up. */
export function mergeMediaTypes(a: MediaType, b: MediaType): MediaType {
  const merged: MediaType = { ...a };
  const schemas = [a.schema, b.schema].filter((s): s is SchemaObject => s !== undefined);
  if (schemas.length === 2 && JSON.stringify(schemas[0]) !== JSON.stringify(schemas[1])) merged.schema = { anyOf: schemas } as SchemaObject;
  else if (schemas.length > 0) merged.schema = schemas[0]!;
  if (merged.example === undefined && b.example !== undefined) merged.example = b.example;
  merged['x-kind'] = [a['x-kind'], b['x-kind']].flat().filter((k, i, all) => all.indexOf(k) === i);
  merged['x-seen'] = ((a['x-seen'] as number) ?? 0) + ((b['x-seen'] as number) ?? 0);
  const sizes = [a['x-size'], b['x-size']].filter((s) => s !== undefined) as { min: number; max: number }[];
  if (sizes.length > 0) merged['x-size'] = { min: Math.min(...sizes.map((s) => s.min)), max: Math.max(...sizes.map((s) => s.max)) };
  return merged;
}
