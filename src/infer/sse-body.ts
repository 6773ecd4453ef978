/**
 * Server-sent event bodies: the events of every stream grouped into kinds (events.ts), the
 * sentinels, and the stream showing the most distinct events printed as it was on the wire.
 */
import type { SseEvent } from '../exchange.js';
import type { Body, Shown } from '../model.js';
import type { BodyDetail, BodyPlace, ContentOf } from './bodies.js';
import { StreamKindsAccumulator, type StreamMessage, typeField } from './events.js';

const EXAMPLE_EVENTS = 40;

export class SseBody implements BodyDetail {
  private readonly kinds: StreamKindsAccumulator;
  /** Keep-sake: the events of the stream with the most distinct events so far (the first on a tie), detached. */
  private best: SseEvent[] = [];
  private bestKinds = -1;
  /** The (event, type) pairs of the stream being added; emptied after each stream. */
  private readonly streamKinds = new Set<string>();

  constructor(private readonly at: BodyPlace) {
    this.kinds = new StreamKindsAccumulator(at);
  }

  add(content: ContentOf<'sse'>): void {
    for (const event of content.events) {
      const type = typeField(event.json);
      this.kinds.add(sseMessage(event, type));
      this.streamKinds.add(`${event.event ?? ''}\u0000${type ?? ''}`);
    }
    const kinds = this.streamKinds.size;
    this.streamKinds.clear();
    if (kinds > this.bestKinds) {
      this.bestKinds = kinds;
      // A copy: the keep-sake must not pin the capture's parsed stream.
      this.best = JSON.parse(JSON.stringify(content.events.slice(0, EXAMPLE_EVENTS))) as SseEvent[];
    }
  }

  async finish(body: Body): Promise<Body> {
    const { events, sentinels } = await this.kinds.finish();
    const example: Shown = this.at.gate.sse(this.best, this.at.place);
    return { ...body, events, ...(sentinels.length > 0 ? { sentinels } : {}), example };
  }
}

function sseMessage(event: SseEvent, type: string | undefined): StreamMessage {
  const message: StreamMessage = { event: event.event ?? 'message' };
  if (event.json !== undefined) {
    message.json = event.json;
    if (type !== undefined) message.type = type;
  } else message.text = event.data;
  return message;
}
