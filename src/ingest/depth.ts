/**
 * The nesting bound that every stage after ingest relies on: no JSON value in an `Exchange` nests
 * deeper than `MAX_JSON_DEPTH`. JSON.parse copes with any depth, but redaction, schema inference
 * (quicktype), the example printer and the schema tables all recurse, and a body nested 100 000
 * levels deep would overflow their stacks. Bounding once, at ingest, keeps them simple: none of
 * them needs a guard of its own. Real API bodies stay far below the bound (a few dozen levels);
 * a body above it is kept as text, which is what it is to a reader anyway.
 */
import type { Payload } from '../exchange.js';

/** Deepest nesting of arrays and objects kept as JSON. quicktype overflows near 850. */
export const MAX_JSON_DEPTH = 64;

/** True when `value` nests arrays/objects deeper than `max`. Iterative, so any depth is safe. */
export function exceedsDepth(value: unknown, max = MAX_JSON_DEPTH): boolean {
  if (value === null || typeof value !== 'object') return false;
  // Every body of a capture passes here: children are read in place, with no array made per object.
  const stack: object[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown>;
    const depth = depths.pop()!;
    if (depth > max) return true;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (child !== null && typeof child === 'object') {
          stack.push(child);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    for (const key in node) {
      if (!Object.hasOwn(node, key)) continue;
      const child = node[key];
      if (child !== null && typeof child === 'object') {
        stack.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

export interface Bounded {
  payload: Payload;
  /** True when a value was too deep and its JSON form was dropped. */
  cut: boolean;
}

/**
 * Enforces the bound on one decoded body: a JSON, JSONP or NDJSON body that nests too deep
 * becomes text (read lazily from the raw body); an event-stream event keeps its data text and
 * loses only its parsed JSON.
 */
export function boundPayloadDepth(payload: Payload, rawText: () => string | null, max = MAX_JSON_DEPTH): Bounded {
  const content = payload.content;
  const asText = (): Bounded => {
    const text = rawText();
    return { payload: { ...payload, content: text === null ? { kind: 'binary' } : { kind: 'text', text } }, cut: true };
  };
  switch (content.kind) {
    case 'json':
    case 'jsonp':
      return exceedsDepth(content.value, max) ? asText() : { payload, cut: false };
    case 'ndjson':
      return content.values.some((value) => exceedsDepth(value, max)) ? asText() : { payload, cut: false };
    case 'sse': {
      if (!content.events.some((event) => exceedsDepth(event.json, max))) return { payload, cut: false };
      const events = content.events.map((event) => (exceedsDepth(event.json, max) ? { event: event.event, data: event.data } : event));
      return { payload: { ...payload, content: { kind: 'sse', events } }, cut: true };
    }
    case 'form':
    case 'multipart':
    case 'text':
    case 'binary':
    case 'empty':
      return { payload, cut: false };
    default:
      // A content kind added later: bound it as a whole, allowing for its own wrapper levels.
      return exceedsDepth(content, max + 4) ? asText() : { payload, cut: false };
  }
}
