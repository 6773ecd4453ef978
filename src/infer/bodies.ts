/**
 * Bodies of one endpoint side (requests, or responses of one status) into `Body` entries, one
 * per media type and kind: evidence, a schema merged over every sample, one representative
 * example, and per kind what a reader needs (event kinds of a stream, parts of a multipart form,
 * a summary of text). Binary bodies are described by type and size only.
 */
import type { Content, Json, NameValue, Payload, SseEvent } from '../exchange.js';
import type { Body, JsonSchema, MultipartPart } from '../model.js';
import { inferStreamKinds, type StreamMessage, typeField } from './events.js';
import { jsonExample, textExample, truncateExample } from './example.js';
import { scalarExample, scalarSchema } from './scalar.js';
import { fieldsSchema, inferJsonSchema } from './schema.js';

type ContentOf<K extends Content['kind']> = Extract<Content, { kind: K }>;

export async function inferBodies(payloads: readonly Payload[]): Promise<Body[]> {
  const byType = new Map<string, Payload[]>();
  for (const payload of payloads) {
    const key = `${payload.mediaType || '(none)'}\u0000${payload.content.kind}`;
    const list = byType.get(key);
    if (list) list.push(payload);
    else byType.set(key, [payload]);
  }
  const bodies: Body[] = [];
  for (const group of byType.values()) bodies.push(await inferBody(group));
  return bodies.sort((a, b) => (a.mediaType + a.kind < b.mediaType + b.kind ? -1 : 1));
}

async function inferBody(payloads: Payload[]): Promise<Body> {
  const first = payloads[0]!;
  let min = Infinity;
  let max = 0;
  for (const payload of payloads) {
    min = Math.min(min, payload.size);
    max = Math.max(max, payload.size);
  }
  const body: Body = { mediaType: first.mediaType, kind: first.content.kind, seen: payloads.length, size: { min, max } };
  const contents = payloads.map((p) => p.content);
  switch (body.kind) {
    case 'json':
    case 'jsonp': {
      const values = (contents as ContentOf<'json' | 'jsonp'>[]).map((c) => c.value);
      const { schema, representative } = await inferJsonSchema(values);
      return { ...body, schema, example: jsonExample(values[representative]) };
    }
    case 'ndjson': {
      const streams = (contents as ContentOf<'ndjson'>[]).map((c) => c.values);
      const { schema } = await inferJsonSchema(streams.flat());
      return { ...body, schema, example: truncateExample(streams[0]!.slice(0, 20).map((line) => JSON.stringify(line)).join('\n')) };
    }
    case 'form': {
      const samples = (contents as ContentOf<'form'>[]).map((c) => c.fields);
      const schema = withFieldExamples(fieldsSchema(samples, scalarSchema), samples);
      const richest = samples.reduce((a, b) => (b.length > a.length ? b : a));
      return { ...body, schema, example: truncateExample(richest.map((f) => `${f.name}=${f.value}`).join('\n')) };
    }
    case 'multipart':
      return { ...body, parts: multipartParts(contents as ContentOf<'multipart'>[]) };
    case 'sse': {
      const streams = (contents as ContentOf<'sse'>[]).map((c) => c.events);
      const { events, sentinels } = await inferStreamKinds(streams.flatMap((stream) => stream.map(sseMessage)));
      return { ...body, events, ...(sentinels.length > 0 ? { sentinels } : {}), example: truncateExample(sseText(richestStream(streams).slice(0, 40)), 2000, 30) };
    }
    case 'text': {
      const example = textExample((first.content as ContentOf<'text'>).text);
      return example === undefined ? body : { ...body, example };
    }
    default:
      return body;
  }
}

/** Each form field's schema gets its first observed value as the example. */
function withFieldExamples(schema: JsonSchema, samples: readonly NameValue[][]): JsonSchema {
  const firstValues = new Map<string, string>();
  for (const fields of samples) for (const field of fields) if (field.value !== '' && !firstValues.has(field.name)) firstValues.set(field.name, field.value);
  const withExamples = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => {
      const first = firstValues.get(name);
      const example = first === undefined ? undefined : scalarExample([first], property);
      return [name, example === undefined ? property : { ...property, examples: [example] }];
    }),
  );
  return { ...schema, properties: withExamples };
}

function multipartParts(contents: ContentOf<'multipart'>[]): MultipartPart[] {
  const parts = new Map<string, { part: MultipartPart; values: string[] }>();
  for (const content of contents) {
    const counted = new Set<string>();
    for (const part of content.parts) {
      let entry = parts.get(part.name);
      if (!entry) parts.set(part.name, (entry = { part: { name: part.name, seen: 0, file: false, contentTypes: [] }, values: [] }));
      if (!counted.has(part.name)) {
        counted.add(part.name);
        entry.part.seen++;
      }
      if (part.fileName !== null) {
        entry.part.file = true;
        entry.part.example ??= part.fileName;
      } else if (part.value !== null && entry.values.length < 1000) entry.values.push(part.value);
      if (part.contentType && !entry.part.contentTypes.includes(part.contentType)) entry.part.contentTypes.push(part.contentType);
    }
  }
  return [...parts.values()]
    .map(({ part, values }) => {
      const out: MultipartPart = { ...part, contentTypes: [...part.contentTypes].sort() };
      if (!part.file) {
        out.schema = scalarSchema(values);
        const example = values.find((v) => v !== '');
        if (example !== undefined) out.example = example;
      }
      return out;
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

function sseMessage(event: SseEvent): StreamMessage {
  const message: StreamMessage = { event: event.event ?? 'message' };
  if (event.json !== undefined) {
    message.json = event.json;
    const type = typeField(event.json);
    if (type !== undefined) message.type = type;
  } else message.text = event.data;
  return message;
}

/** The stream showing the most distinct events, for the raw example; the first on a tie. */
function richestStream(streams: SseEvent[][]): SseEvent[] {
  let best = streams[0]!;
  let bestKinds = -1;
  for (const stream of streams) {
    const kinds = new Set(stream.map((e) => `${e.event ?? ''}\u0000${typeField(e.json as Json | undefined) ?? ''}`)).size;
    if (kinds > bestKinds) {
      best = stream;
      bestKinds = kinds;
    }
  }
  return best;
}

/** The stream as it was on the wire, for the example. */
function sseText(events: SseEvent[]): string {
  return events.map((e) => `${e.event ? `event: ${e.event}\n` : ''}${e.data.split('\n').map((line) => `data: ${line}`).join('\n')}\n`).join('\n');
}
