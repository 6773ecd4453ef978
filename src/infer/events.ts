/**
 * Messages of a stream (server-sent events, WebSocket frames) grouped into kinds: by event name
 * and, where many messages share one name, by their `type`. Each kind gets its evidence, a
 * schema merged over all its JSON data, and one representative example. Data lines such as
 * `[DONE]` are stream sentinels, not kinds.
 */
import type { Json } from '../exchange.js';
import type { EventKind } from '../model.js';
import { compareText } from '../order.js';
import type { BodyPlace } from './bodies.js';
import { detachText } from './detach-text.js';
import { JsonObserver } from './observe-json.js';
import { inferObservedSchema } from './schema.js';

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

/**
 * The kinds of one stream side (the events of an endpoint's SSE bodies, the frames of its
 * WebSockets), gathered one message at a time. Messages are not kept: per kind only its
 * evidence and its JSON observer (observe-json.ts); per event name at most
 * `MAX_TYPES_PER_EVENT` kinds, or one once the types proved to be values.
 */
export class StreamKindsAccumulator {
  /** Sentinel lines seen, each detached: few and short (at most 32 characters by `SENTINEL`). */
  private readonly sentinels = new Set<string>();
  private readonly byEvent = new Map<string, EventEvidence>();

  /** `at`: the gate, and the place the messages are shown from (`response.body`, `websocket`). */
  constructor(private readonly at: BodyPlace) {}

  add(message: StreamMessage): void {
    if (message.json === undefined && message.text !== undefined && SENTINEL.test(message.text.trim())) {
      const sentinel = message.text.trim();
      if (!this.sentinels.has(sentinel)) this.sentinels.add(detachText(sentinel));
      return;
    }
    let evidence = this.byEvent.get(message.event);
    if (!evidence) this.byEvent.set(detachText(message.event), (evidence = new EventEvidence()));
    evidence.add(message);
  }

  async finish(): Promise<StreamKinds> {
    const groups: { event: string; type?: string; kind: KindEvidence }[] = [];
    for (const [event, evidence] of this.byEvent) {
      if (evidence.byType === null) groups.push({ event, kind: evidence.all! });
      else for (const [type, kind] of evidence.byType) groups.push(type === '' ? { event, kind } : { event, type, kind });
    }
    groups.sort((a, b) => compareText(a.event, b.event) || compareText(a.type ?? '', b.type ?? ''));
    const events: EventKind[] = [];
    for (const group of groups) events.push(await group.kind.finish(group.event, group.type, this.at));
    return { events, sentinels: [...this.sentinels].sort() };
  }
}

/** The messages under one event name, by type while the types are few. */
class EventEvidence {
  /** A kind per type (`` for none); null once more than `MAX_TYPES_PER_EVENT` types showed up. */
  byType: Map<string, KindEvidence> | null = new Map();
  /**
   * Every message under the name as one kind, which is what the kinds become if the types
   * overflow. Needed only once there are two types: it starts as a copy of the first type's
   * kind, which had every message so far, so a name with a single type is observed once.
   */
  all: KindEvidence | null = null;

  add(message: StreamMessage): void {
    const byType = this.byType;
    if (byType === null) {
      this.all!.add(message);
      return;
    }
    const type = message.type ?? '';
    let kind = byType.get(type);
    if (kind === undefined) {
      if (byType.size === MAX_TYPES_PER_EVENT) {
        this.byType = null;
        this.all!.add(message);
        return;
      }
      if (byType.size === 1) this.all = byType.values().next().value!.clone();
      byType.set(type, (kind = new KindEvidence()));
    }
    kind.add(message);
    this.all?.add(message);
  }
}

/** One kind: how many messages, their JSON data observed, and the first text for an example. */
class KindEvidence {
  private seen = 0;
  private json: JsonObserver | null = null;
  /** Keep-sake: the first text message, already cut to its example (used when no JSON came). */
  private text: string | undefined;
  /** Keep-sake: the first text message, detached and cut (shown through the gate at the end). */

  add(message: StreamMessage): void {
    this.seen++;
    if (message.json !== undefined) (this.json ??= new JsonObserver()).add(message.json);
    else if (this.text === undefined && message.text !== undefined) this.text = detachText(message.text.slice(0, 4096));
  }

  clone(): KindEvidence {
    const copy = new KindEvidence();
    copy.seen = this.seen;
    copy.json = this.json?.clone() ?? null;
    copy.text = this.text;
    return copy;
  }

  async finish(event: string, type: string | undefined, at: BodyPlace): Promise<EventKind> {
    // Event names and types are data too (`user:jane@example.org`): shown through the gate.
    const kind: EventKind = { event: at.gate.text(event, at.place), seen: this.seen };
    if (type !== undefined) kind.type = at.gate.text(type, at.place);
    if (this.json) {
      const { schema, example } = await inferObservedSchema(this.json, { ...at, maxChars: EVENT_EXAMPLE_CHARS, maxLines: EVENT_EXAMPLE_LINES });
      kind.schema = schema;
      kind.example = example;
    } else if (this.text !== undefined) {
      const example = at.gate.textExample(this.text, at.place, 400, 10);
      if (example !== undefined) kind.example = example;
    }
    return kind;
  }
}

/** The `type` field of a JSON object, the usual discriminator of messages sharing a name. */
export function typeField(json: Json | undefined): string | undefined {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const type = json.type;
  return typeof type === 'string' && type.length <= 100 ? type : undefined;
}
