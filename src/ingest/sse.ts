/**
 * `text/event-stream` bodies into events, following the WHATWG parsing rules: lines end in
 * CRLF, LF or CR; a blank line dispatches; `data:` lines join with `\n`; `:` starts a comment.
 */
import type { Json, SseEvent } from '../exchange.js';

export function parseEventStream(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  let event: string | null = null;
  let data: string[] = [];
  let hasData = false;
  const dispatch = (): void => {
    if (hasData) {
      const joined = data.join('\n');
      const json = parseJsonData(joined);
      events.push(json === undefined ? { event, data: joined } : { event, data: joined, json });
    }
    event = null;
    data = [];
    hasData = false;
  };
  let start = 0;
  const length = text.length;
  while (start <= length) {
    let end = start;
    while (end < length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const line = text.slice(start, end);
    if (line === '') dispatch();
    else if (line.charCodeAt(0) !== 58 /* ':' comment */) {
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.charCodeAt(0) === 32) value = value.slice(1);
      if (field === 'data') {
        data.push(value);
        hasData = true;
      } else if (field === 'event') event = value || null;
    }
    if (end >= length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  dispatch();
  return events;
}

/** Parses event data that looks like JSON; sentinels such as `[DONE]` stay text. */
function parseJsonData(data: string): Json | undefined {
  const first = data.trimStart().charAt(0);
  if (first !== '{' && first !== '[' && first !== '"') return undefined;
  try {
    return JSON.parse(data) as Json;
  } catch {
    return undefined;
  }
}
