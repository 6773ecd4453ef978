/**
 * Request and response bodies as OpenAPI content: one media type object per body, the schema
 * by reference to its catalog name, one example taken from the model (already redacted), and
 * the evidence as extensions. OpenAPI 3.1 has no keyword for the items of a stream (3.2 adds
 * `itemSchema`), so an event stream or NDJSON body is a string whose `contentSchema` is the
 * union of its event kinds or the schema of one line; `x-events` lists each kind with its count.
 */
import type { Body, JsonSchema } from '../../model.js';
import type { BodyNames } from './catalog.js';
import { eventLabel } from './catalog.js';
import { typedExample } from './parameters.js';
import { type MediaType, type SchemaObject, schemaRef } from './spec.js';

const TRUNCATED = '... (truncated)';

/** Media types for bodies that declared none, by what they turned out to be. */
const DEFAULT_MEDIA_TYPES: Record<Body['kind'], string> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
  multipart: 'multipart/form-data',
  sse: 'text/event-stream',
  ndjson: 'application/x-ndjson',
  jsonp: 'application/javascript',
  text: 'text/plain',
  binary: 'application/octet-stream',
  empty: 'application/octet-stream',
};

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
      media.schema = names.schema ? schemaRef(names.schema) : { contentMediaType: body.mediaType || DEFAULT_MEDIA_TYPES[body.kind] };
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
    properties[part.name] = part.file
      ? { type: 'string', contentMediaType: part.contentTypes[0] ?? 'application/octet-stream' }
      : (part.schema ?? { type: 'string' });
    if (part.contentTypes.length > 0) encoding[part.name] = { contentType: part.contentTypes.join(', ') };
  }
  const required = parts.filter((p) => p.seen === body.seen).map((p) => p.name);
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
  const sizes = [a['x-size'], b['x-size']] as { min: number; max: number }[];
  merged['x-size'] = { min: Math.min(...sizes.map((s) => s.min)), max: Math.max(...sizes.map((s) => s.max)) };
  return merged;
}
