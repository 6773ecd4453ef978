/**
 * WebSocket messages of an endpoint (HAR `_webSocketMessages`) as message kinds: by direction
 * (`send`/`receive`) and then by what names a message: a Socket.IO event name or packet type, or
 * the `type` field of JSON data. Binary frames are counted but have no schema.
 */
import type { Content, Exchange, Json, WebSocketMessage } from '../exchange.js';
import type { MessageStream } from '../model.js';
import { classifySegment } from '../normalise/segments.js';
import { StreamKindsAccumulator, type StreamMessage, typeField } from './events.js';
import type { Gate } from './gate.js';
import type { SchemaRunner } from './quicktype.js';

/** The frames of an endpoint's exchanges, one exchange at a time; frames are not kept. */
export class WebSocketAccumulator {
  private messages = 0;
  private connections = 0;
  private readonly kinds: StreamKindsAccumulator;

  /** `schemaRunner`: where the frames' schemas are inferred (the run's; absent: in this thread). */
  constructor(gate: Gate, schemaRunner?: SchemaRunner) {
    this.kinds = new StreamKindsAccumulator({ gate, place: 'websocket', schemaRunner });
  }

  /** `connection`: the exchange opened (or tried to open) a WebSocket, frames recorded or not. */
  add(exchange: Exchange, connection = exchange.webSocket.length > 0): void {
    if (connection) this.connections++;
    for (const message of exchange.webSocket) {
      this.messages++;
      this.kinds.add(streamMessage(message));
    }
  }

  /**
   * Undefined when no exchange was a WebSocket. A connection whose frames the recorder did not
   * keep (Firefox keeps none) or that failed is still a WebSocket, with no messages.
   */
  async finish(): Promise<MessageStream | undefined> {
    if (this.messages === 0 && this.connections === 0) return undefined;
    if (this.messages === 0) return { messages: 0, events: [] };
    const { events } = await this.kinds.finish();
    return { messages: this.messages, events };
  }
}

function streamMessage(message: WebSocketMessage): StreamMessage {
  const out: StreamMessage = { event: message.direction };
  if (message.frame !== undefined) return socketIoMessage(out, message.frame, message.content);
  const json = jsonOf(message.content);
  if (json !== undefined) {
    out.json = json;
    const type = typeField(json);
    if (type !== undefined) out.type = type;
  } else if (message.content.kind === 'text') out.text = message.content.text;
  else out.type = message.content.kind === 'binary' ? '(binary)' : '(empty)';
  return out;
}

const ENGINE_PACKETS: Record<string, string> = { '0': 'open', '1': 'close', '2': 'ping', '3': 'pong', '5': 'upgrade', '6': 'noop' };
const SOCKET_PACKETS: Record<string, string> = {
  '0': 'connect',
  '1': 'disconnect',
  '2': 'event',
  '3': 'ack',
  '4': 'connect_error',
  '5': 'binary event',
  '6': 'binary ack',
};

/**
 * `42/chat,["message",{…}]` → type `/chat message` with the arguments as data; other packets
 * are named by their protocol type (`open`, `connect`, `ping`).
 */
function socketIoMessage(out: StreamMessage, frame: string, content: Content): StreamMessage {
  const json = jsonOf(content);
  // A redacted namespace can hold a placeholder with commas (`<jwt:1 claims=a,b>`); only digits follow the last.
  const comma = frame.lastIndexOf(',');
  const namespace = frame.charAt(2) === '/' && comma !== -1 ? `${namespaceName(frame.slice(3, comma))} ` : '';
  const packet = frame.charAt(0) === '4' ? SOCKET_PACKETS[frame.charAt(1)] : ENGINE_PACKETS[frame.replace('probe', '')];
  const isEvent = frame.startsWith('42') || frame.startsWith('45');
  if (isEvent && Array.isArray(json) && typeof json[0] === 'string' && json[0].length <= 100) {
    out.type = `${namespace}${json[0]}`;
    const args = json.slice(1);
    if (args.length > 0) out.json = args.length === 1 ? args[0]! : args;
    return out;
  }
  out.type = `${namespace}${packet ?? 'message'}${frame.endsWith('probe') ? ' probe' : ''}`;
  if (json !== undefined) out.json = json;
  return out;
}

/** `chat`, `admin`, `v1/live`: names a developer chose, letters first, no spaces. */
const PLAIN_NAMESPACE = /^[A-Za-z][A-Za-z0-9_.-]{0,63}(?:\/[A-Za-z][A-Za-z0-9_.-]{0,63}){0,4}$/;

/**
 * `/chat` stays; a namespace per room or user (`/dfd6f17f-…`, `/Alice Smith`, a redacted
 * `/<email:1>`) becomes `/{id}`, one kind for all: only plain words are shown as they are.
 */
function namespaceName(name: string): string {
  if (name === '') return '/';
  const plain = PLAIN_NAMESPACE.test(name) && name.split('/').every((segment) => classifySegment(segment).kind === 'word');
  return `/${plain ? name : '{id}'}`;
}

function jsonOf(content: Content): Json | undefined {
  return content.kind === 'json' || content.kind === 'jsonp' ? content.value : undefined;
}
