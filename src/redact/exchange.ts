/**
 * One exchange, every field that can reach an output: the URL (path segments, query, fragment),
 * headers and cookies on both sides, both bodies, the redirect URL and WebSocket messages (with
 * their Socket.IO namespace). The place each value was found in is counted for the summary. Fields ingest did not carry over
 * (page titles, `_initiator`, `serverIPAddress`, timings, comments) never reach this stage.
 */
import type { Exchange, Message, Payload, WebSocketMessage } from '../exchange.js';
import { redactContent, mapChanged } from './content.js';
import { redactCookie } from './cookies.js';
import { redactHeader } from './headers.js';
import { type Scope, atPlace } from './scope.js';
import { redactText } from './text.js';
import { redactExchangeUrl, redactUrlText } from './url.js';

/**
 * Redacts one exchange. `redactedPath` is its URL path as already redacted earlier in the run
 * (the pipeline templates paths before the rest is redacted); the path is then not redacted,
 * nor counted, a second time.
 */
export function redactExchange(exchange: Exchange, scope: Scope, redactedPath?: string): Exchange {
  const url = redactExchangeUrl(exchange.url, scope, redactedPath);
  const request = redactMessage(exchange.request, 'request', scope);
  const responseMessage = redactMessage(exchange.response, 'response', scope);
  const redirectURL = redactUrlText(exchange.response.redirectURL, atPlace(scope, 'response.redirect'));
  const wsScope = atPlace(scope, 'websocket');
  const webSocket = mapChanged(exchange.webSocket, (m) => redactWebSocketMessage(m, wsScope));
  const responseChanged = responseMessage !== exchange.response || redirectURL !== exchange.response.redirectURL;
  if (url === exchange.url && request === exchange.request && !responseChanged && webSocket === exchange.webSocket) return exchange;
  return {
    ...exchange,
    url,
    request,
    response: responseChanged ? { ...exchange.response, ...responseMessage, redirectURL } : exchange.response,
    webSocket,
  };
}

/** The message with headers, cookies and body redacted; the same object when nothing changed. */
function redactMessage<M extends Message>(message: M, side: 'request' | 'response', scope: Scope): M | Message {
  const headerScope = atPlace(scope, side === 'request' ? 'request.header' : 'response.header');
  const cookieScope = atPlace(scope, side === 'request' ? 'request.cookie' : 'response.cookie');
  const headers = mapChanged(message.headers, (h) => redactHeader(h, headerScope));
  const cookies = mapChanged(message.cookies, (c) => redactCookie(c, cookieScope));
  const body = message.body && redactPayload(message.body, atPlace(scope, `${side}.body`));
  if (headers === message.headers && cookies === message.cookies && body === message.body) return message;
  return { headers, cookies, body };
}

function redactPayload(payload: Payload, scope: Scope): Payload {
  const content = redactContent(payload.content, scope);
  return content === payload.content ? payload : { ...payload, content };
}

function redactWebSocketMessage(message: WebSocketMessage, scope: Scope): WebSocketMessage {
  const content = redactContent(message.content, scope);
  const frame = message.frame === undefined ? undefined : redactSocketIoFrame(message.frame, scope);
  if (content === message.content && frame === message.frame) return message;
  return { ...message, content, ...(frame !== undefined ? { frame } : {}) };
}

/**
 * `42/user-jane@example.org,17`: a Socket.IO namespace is chosen by the application and can be a
 * user, a room or a token; it is scanned like any text. Packet types and the ack id are protocol.
 */
function redactSocketIoFrame(frame: string, scope: Scope): string {
  const slash = frame.indexOf('/');
  const comma = frame.lastIndexOf(',');
  if (slash === -1 || comma <= slash + 1) return frame;
  const namespace = frame.slice(slash + 1, comma);
  const redacted = redactText(namespace, scope);
  return redacted === namespace ? frame : `${frame.slice(0, slash + 1)}${redacted}${frame.slice(comma)}`;
}
