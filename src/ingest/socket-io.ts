/**
 * Socket.IO over Engine.IO text frames: `0{"sid":…}` (open), `2`/`3` (ping/pong), `40/chat,`
 * (connect to a namespace), `42["event",{…}]`, `42/chat,17["event",…]` (event with a namespace
 * and an ack id). The frame prefix is protocol, not data; the payload after it is JSON, and is
 * decoded here so that redaction sees JSON keys and values instead of one opaque string.
 */

export interface SocketIoFrame {
  /** Packet types, namespace and ack id: `42`, `42/chat,17`, `0`, `3`. */
  prefix: string;
  /** The JSON text after the prefix, `` when the frame carries none. */
  payload: string;
}

/** Engine.IO type, then for messages (4) a Socket.IO type, namespace and ack id. */
const FRAME = /^(?:[0-3]|[56]|4(?:[0-6](?:\/[^,[{"]{0,200},)?\d{0,20})?)/;

/** Splits a text frame; null when it does not follow the protocol. */
export function splitSocketIoFrame(data: string): SocketIoFrame | null {
  const match = FRAME.exec(data);
  if (!match) return null;
  const prefix = match[0];
  const payload = data.slice(prefix.length);
  if (payload === '' || payload === 'probe') return { prefix: payload === '' ? prefix : `${prefix}probe`, payload: '' };
  const first = payload.charCodeAt(0);
  // Only `[` / `{` payloads (or a string for Engine.IO messages) are the protocol's JSON.
  if (first !== 91 && first !== 123 && first !== 34) return null;
  return { prefix, payload };
}

/** Whether a WebSocket URL is a Socket.IO endpoint (`/socket.io/?EIO=4&transport=websocket`). */
export function isSocketIoUrl(path: string, query: readonly { name: string }[]): boolean {
  return /\/socket\.io\/?$/.test(path) || query.some((q) => q.name === 'EIO');
}
