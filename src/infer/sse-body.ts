/**
 * Server-sent event bodies: the events of every stream grouped into kinds (events.ts), the
 * sentinels, and the stream showing the most distinct events printed as it was on the wire.
 */
import type { SseEvent } from '../exchange.js';
import type { Body } from '../model.js';
import type { BodyDetail, ContentOf } from './bodies.js';
import { StreamKindsAccumulator, type StreamMessage, typeField } from './events.js';
import { truncateExample } from './example.js';

const EXAMPLE_EVENTS = 40;

export class SseBody implements BodyDetail {
  private readonly kinds = new StreamKindsAccumulator();
  /** Keep-sake: the example of the stream with the most distinct events so far (the first on a tie), already printed and cut. */
  private example = '';
  private bestKinds = -1;
  /** The (event, type) pairs of the stream being added; emptied after each stream. */
  private readonly streamKinds = new Set<string>();

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
      this.example = truncateExample(sseText(content.events.slice(0, EXAMPLE_EVENTS)), 2000, 30);
    }
  }

  async finish(body: Body): Promise<Body> {
    const { events, sentinels } = await this.kinds.finish();
    return { ...body, events, ...(sentinels.length > 0 ? { sentinels } : {}), example: this.example };
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

/** The stream as it was on the wire, for the example. */
function sseText(events: SseEvent[]): string {
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
