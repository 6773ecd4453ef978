/**
 * Messages of a stream (server-sent events, WebSocket frames) grouped into kinds: by event name
 * and, where many messages share one name, by their `type`. Each kind gets its evidence, a
 * schema merged over all its JSON data, and one representative example. Data lines such as
 * `[DONE]` are stream sentinels, not kinds.
 */
import type { Json } from '../exchange.js';
import type { EventKind } from '../model.js';
import { jsonExample, truncateExample } from './example.js';
import { inferJsonSchema } from './schema.js';

export interface StreamMessage {
  /** SSE event name (`message` when absent) or WebSocket direction. */
  event: string;
  /** What tells kinds apart under one name: the data's `type` field, a Socket.IO event name. */
  type?: string;
  /** The data as JSON, when it is JSON. */
  json?: Json;
  /** The data as text, when it is not. */
  text?: string;
}

export interface StreamKinds {
  events: EventKind[];
  sentinels: string[];
}

/** More distinct types than this under one name are values, not kinds: they stay together. */
export const MAX_TYPES_PER_EVENT = 32;
const EVENT_EXAMPLE_CHARS = 1500;
const EVENT_EXAMPLE_LINES = 40;
const SENTINEL = /^\[[A-Z][A-Z_]{0,30}\]$/;

interface Group {
  event: string;
  type?: string;
  messages: StreamMessage[];
}

export async function inferStreamKinds(messages: readonly StreamMessage[]): Promise<StreamKinds> {
  const sentinels = new Set<string>();
  const byEvent = new Map<string, StreamMessage[]>();
  for (const message of messages) {
    if (message.json === undefined && message.text !== undefined && SENTINEL.test(message.text.trim())) {
      sentinels.add(message.text.trim());
      continue;
    }
    const list = byEvent.get(message.event);
    if (list) list.push(message);
    else byEvent.set(message.event, [message]);
  }
  const groups: Group[] = [];
  for (const [event, list] of byEvent) groups.push(...splitByType(event, list));
  groups.sort((a, b) => compareText(a.event, b.event) || compareText(a.type ?? '', b.type ?? ''));
  const events: EventKind[] = [];
  for (const group of groups) events.push(await describeKind(group));
  return { events, sentinels: [...sentinels].sort() };
}

function splitByType(event: string, messages: StreamMessage[]): Group[] {
  const byType = new Map<string, StreamMessage[]>();
  for (const message of messages) {
    const key = message.type ?? '';
    const list = byType.get(key);
    if (list) list.push(message);
    else byType.set(key, [message]);
    if (byType.size > MAX_TYPES_PER_EVENT) return [{ event, messages }];
  }
  return [...byType].map(([type, list]) => (type === '' ? { event, messages: list } : { event, type, messages: list }));
}

async function describeKind(group: Group): Promise<EventKind> {
  const kind: EventKind = { event: group.event, seen: group.messages.length };
  if (group.type !== undefined) kind.type = group.type;
  const samples: Json[] = [];
  let text: string | undefined;
  for (const message of group.messages) {
    if (message.json !== undefined) samples.push(message.json);
    else if (text === undefined && message.text !== undefined) text = message.text;
  }
  if (samples.length > 0) {
    const { schema, representative } = await inferJsonSchema(samples);
    kind.schema = schema;
    kind.example = jsonExample(samples[representative], EVENT_EXAMPLE_CHARS, EVENT_EXAMPLE_LINES);
  } else if (text !== undefined) kind.example = truncateExample(text, 400, 10);
  return kind;
}

/** The `type` field of a JSON object, the usual discriminator of messages sharing a name. */
export function typeField(json: Json | undefined): string | undefined {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const type = json.type;
  return typeof type === 'string' && type.length <= 100 ? type : undefined;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
