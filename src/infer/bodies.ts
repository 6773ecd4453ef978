/**
 * Bodies of one endpoint side (requests, or responses of one status) into `Body` entries, one
 * per media type: kind, evidence, schema, one example, and for event streams the event kinds.
 */
import type { Content, Json, Payload, SseEvent } from '../exchange.js';
import type { Body, BodyKind, EventKind, MultipartPart } from '../model.js';
import { jsonExample, truncateExample } from './example.js';
import { scalarSchema } from './scalar.js';
import { fieldsSchema, inferJsonSchema } from './schema.js';

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
  const kind: BodyKind = first.content.kind;
  let min = Infinity;
  let max = 0;
  for (const payload of payloads) {
    min = Math.min(min, payload.size);
    max = Math.max(max, payload.size);
  }
  const body: Body = {
    mediaType: first.mediaType,
    kind,
    seen: payloads.length,
    size: { min, max },
  };
  const contents = payloads.map((p) => p.content);
  switch (kind) {
    case 'json':
    case 'jsonp': {
      const values = contents.map((c) => (c as { value: Json }).value);
      return { ...body, schema: await inferJsonSchema(values), example: jsonExample(values[0]) };
    }
    case 'ndjson': {
      const lines = contents.flatMap((c) => (c as { values: Json[] }).values);
      return { ...body, schema: await inferJsonSchema(lines), example: truncateExample(lines.slice(0, 20).map((l) => JSON.stringify(l)).join('\n')) };
    }
    case 'form': {
      const samples = contents.map((c) => (c as Extract<Content, { kind: 'form' }>).fields);
      return { ...body, schema: fieldsSchema(samples, scalarSchema), example: truncateExample(samples[0]!.map((f) => `${f.name}=${f.value}`).join('\n')) };
    }
    case 'multipart':
      return { ...body, parts: multipartParts(contents as Extract<Content, { kind: 'multipart' }>[]) };
    case 'sse': {
      const streams = contents.map((c) => (c as Extract<Content, { kind: 'sse' }>).events);
      return { ...body, ...(await sseEvents(streams)), example: truncateExample(sseText(streams[0]!), 2000, 30) };
    }
    case 'text':
      return { ...body, example: truncateExample((first.content as { text: string }).text, 2000, 40) };
    default:
      return body;
  }
}

function multipartParts(contents: Extract<Content, { kind: 'multipart' }>[]): MultipartPart[] {
  const parts = new Map<string, MultipartPart>();
  for (const content of contents) {
    for (const part of content.parts) {
      let entry = parts.get(part.name);
      if (!entry) parts.set(part.name, (entry = { name: part.name, seen: 0, file: false, contentTypes: [] }));
      entry.seen++;
      if (part.fileName !== null) entry.file = true;
      if (part.contentType && !entry.contentTypes.includes(part.contentType)) entry.contentTypes.push(part.contentType);
    }
  }
  return [...parts.values()].map((p) => ({ ...p, contentTypes: p.contentTypes.sort() })).sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Groups events by `event:` name and, within a name, by the `type` field of JSON data. */
async function sseEvents(streams: SseEvent[][]): Promise<Pick<Body, 'events' | 'sentinels'>> {
  const kinds = new Map<string, { event: string; type?: string; samples: Json[]; seen: number; text?: string }>();
  const sentinels = new Set<string>();
  for (const stream of streams) {
    for (const event of stream) {
      const name = event.event ?? 'message';
      if (event.json === undefined) {
        if (/^\[[A-Z_]+\]$/.test(event.data.trim())) {
          sentinels.add(event.data.trim());
          continue;
        }
      }
      const json = event.json;
      const type = json !== null && typeof json === 'object' && !Array.isArray(json) && typeof json.type === 'string' ? json.type : undefined;
      const key = `${name}\u0000${type ?? ''}`;
      let kind = kinds.get(key);
      if (!kind) kinds.set(key, (kind = { event: name, ...(type !== undefined ? { type } : {}), samples: [], seen: 0 }));
      kind.seen++;
      if (json !== undefined) kind.samples.push(json);
      else kind.text ??= event.data;
    }
  }
  const events: EventKind[] = [];
  for (const kind of [...kinds.values()].sort((a, b) => (`${a.event}\u0000${a.type ?? ''}` < `${b.event}\u0000${b.type ?? ''}` ? -1 : 1))) {
    const event: EventKind = { event: kind.event, seen: kind.seen };
    if (kind.type !== undefined) event.type = kind.type;
    if (kind.samples.length > 0) {
      event.schema = await inferJsonSchema(kind.samples);
      event.example = truncateExample(JSON.stringify(kind.samples[0]), 400, 1);
    } else if (kind.text !== undefined) event.example = truncateExample(kind.text, 400, 1);
    events.push(event);
  }
  return { events, ...(sentinels.size > 0 ? { sentinels: [...sentinels].sort() } : {}) };
}

/** The stream as it was on the wire, for the example. */
function sseText(events: SseEvent[]): string {
  return events.map((e) => `${e.event ? `event: ${e.event}\n` : ''}${e.data.split('\n').map((line) => `data: ${line}`).join('\n')}\n`).join('\n');
}
