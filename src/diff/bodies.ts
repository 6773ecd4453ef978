/**
 * Request bodies, status codes, response bodies, event kinds (SSE and WebSocket) and GraphQL
 * operations of one endpoint pair. Bodies are matched by media type; their schemas, multipart
 * parts and event schemas go through the generic schema diff.
 *
 * Bodies are compared only where both captures recorded one: recorders drop bodies (Chrome for
 * cached or navigated-away responses, Fiddler for large ones), so a body seen on one side only
 * says nothing about the API.
 */
import type { Body, Endpoint, EventKind, JsonSchema, MessageStream } from '../model.js';
import type { ChangeArea } from './change.js';
import { type Found, foundFields } from './found.js';
import { type Direction, mediaTypeLevel, statusLevel } from './levels.js';
import { diffSchemas } from './schema.js';

export function diffRequestBodies(before: Endpoint, after: Endpoint): Found[] {
  return diffBodyLists(before.requestBodies, after.requestBodies, 'request', 'request');
}

export function diffResponses(before: Endpoint, after: Endpoint): Found[] {
  const found: Found[] = [];
  const oldByStatus = new Map(before.responses.map((r) => [r.status, r]));
  const newByStatus = new Map(after.responses.map((r) => [r.status, r]));
  for (const response of after.responses) {
    const old = oldByStatus.get(response.status);
    if (old) found.push(...diffBodyLists(old.bodies, response.bodies, 'response', `response ${response.status}`));
    else
      found.push({
        area: 'status',
        kind: 'added',
        level: statusLevel('added', response.status),
        location: 'responses',
        subject: String(response.status),
        note: `${response.seen} of ${after.observed} response(s)`,
      });
  }
  for (const response of before.responses) {
    if (!newByStatus.has(response.status)) {
      found.push({
        area: 'status',
        kind: 'not-observed',
        level: statusLevel('not-observed', response.status),
        location: 'responses',
        subject: String(response.status),
        note: `${response.seen} of ${before.observed} before, none of ${after.observed} now`,
      });
    }
  }
  return found;
}

export function diffOperations(before: Endpoint, after: Endpoint): Found[] {
  const oldOps = new Map((before.graphql ?? []).map((o) => [o.name, o]));
  const newOps = new Map((after.graphql ?? []).map((o) => [o.name, o]));
  const found: Found[] = [];
  for (const op of newOps.values()) {
    const old = oldOps.get(op.name);
    if (!old) {
      found.push({ area: 'operation', kind: 'added', level: 'non-breaking', location: 'graphql', subject: op.name, new: op.operation });
      continue;
    }
    if (old.operation !== op.operation)
      found.push({ area: 'operation', kind: 'type-changed', level: 'breaking', location: 'graphql', subject: op.name, old: old.operation, new: op.operation });
    if (old.variables && op.variables)
      found.push(...foundFields(diffSchemas(old.variables, op.variables, 'request'), 'request-field', `graphql ${op.name} variables`));
  }
  for (const op of oldOps.values()) {
    if (!newOps.has(op.name))
      found.push({ area: 'operation', kind: 'not-observed', level: 'warning', location: 'graphql', subject: op.name, note: `seen ${op.seen} time(s) before` });
  }
  return found;
}

export function diffWebSocket(before: Endpoint, after: Endpoint): Found[] {
  if (!before.websocket || !after.websocket) return [];
  return diffEventKinds(before.websocket, after.websocket, 'websocket', (e) => (e.event === 'send' ? 'request' : 'response'));
}

function diffBodyLists(before: readonly Body[], after: readonly Body[], direction: Direction, where: string): Found[] {
  if (before.length === 0 || after.length === 0) return [];
  const area: ChangeArea = direction === 'request' ? 'request-body' : 'response-body';
  const oldByMedia = primaryBodies(before);
  const newByMedia = primaryBodies(after);
  const found: Found[] = [];
  for (const [media, body] of newByMedia) {
    const old = oldByMedia.get(media);
    if (old) found.push(...diffBody(old, body, direction, `${where} ${media}`));
    else found.push({ area, kind: 'added', level: mediaTypeLevel(direction, 'added'), location: where, subject: media, new: body.kind });
  }
  for (const [media, body] of oldByMedia) {
    if (!newByMedia.has(media))
      found.push({ area, kind: 'removed', level: mediaTypeLevel(direction, 'removed'), location: where, subject: media, old: body.kind });
  }
  return found;
}

/**
 * One body per media type: the most seen. A media type can hold two kinds when a sample did not
 * parse (JSON shown as text); that fallback is a property of one sample, not of the API.
 */
function primaryBodies(bodies: readonly Body[]): Map<string, Body> {
  const primary = new Map<string, Body>();
  for (const body of bodies) {
    const media = body.mediaType || '(none)';
    const current = primary.get(media);
    if (!current || body.seen > current.seen) primary.set(media, body);
  }
  return primary;
}

function diffBody(before: Body, after: Body, direction: Direction, location: string): Found[] {
  const area: ChangeArea = direction === 'request' ? 'request-body' : 'response-body';
  const fieldArea: ChangeArea = direction === 'request' ? 'request-field' : 'response-field';
  if (before.kind !== after.kind) return [{ area, kind: 'type-changed', level: 'breaking', location, subject: '', old: before.kind, new: after.kind }];
  const found: Found[] = [];
  if (before.schema && after.schema && before.kind !== 'sse')
    found.push(...foundFields(diffSchemas(before.schema, after.schema, direction), fieldArea, location));
  if (before.parts && after.parts)
    found.push(...foundFields(diffSchemas(partsSchema(before), partsSchema(after), direction), fieldArea, location).filter((f) => f.subject !== ''));
  if (before.events && after.events)
    found.push(...diffEventKinds({ messages: before.seen, events: before.events }, { messages: after.seen, events: after.events }, location, () => direction));
  found.push(...diffSentinels(before.sentinels ?? [], after.sentinels ?? [], location, before.events !== undefined && after.events !== undefined));
  return found;
}

function diffEventKinds(before: MessageStream, after: MessageStream, location: string, directionOf: (e: EventKind) => Direction): Found[] {
  if (before.events.length === 0 || after.events.length === 0) return [];
  const oldKinds = new Map(before.events.map((e) => [eventKey(e), e]));
  const newKinds = new Map(after.events.map((e) => [eventKey(e), e]));
  const found: Found[] = [];
  for (const [key, event] of newKinds) {
    const old = oldKinds.get(key);
    if (!old) {
      // Clients that follow the SSE rules skip event kinds they do not know.
      found.push({ area: 'event', kind: 'added', level: 'non-breaking', location, subject: key, note: `${event.seen} event(s)` });
      continue;
    }
    if (old.schema && event.schema) {
      const direction = directionOf(event);
      found.push(
        ...foundFields(
          diffSchemas(old.schema, event.schema, direction),
          direction === 'request' ? 'request-field' : 'response-field',
          `${location} event ${key}`,
        ),
      );
    }
  }
  for (const [key, event] of oldKinds) {
    // Which events a stream carries depends on what happened in it; absence is weak evidence.
    if (!newKinds.has(key))
      found.push({
        area: 'event',
        kind: 'not-observed',
        level: 'warning',
        location,
        subject: key,
        note: `${event.seen} event(s) before, none in ${after.messages} new stream(s)`,
      });
  }
  return found;
}

function diffSentinels(before: readonly string[], after: readonly string[], location: string, comparable: boolean): Found[] {
  if (!comparable) return [];
  const found: Found[] = [];
  for (const s of after) if (!before.includes(s)) found.push({ area: 'event', kind: 'added', level: 'non-breaking', location, subject: s });
  for (const s of before) if (!after.includes(s)) found.push({ area: 'event', kind: 'not-observed', level: 'warning', location, subject: s });
  return found;
}

/** `delta`, or `message:conversation.delta` when events share a name and differ by `type`. */
function eventKey(event: EventKind): string {
  return event.type !== undefined ? `${event.event}:${event.type}` : event.event;
}

/** Multipart parts as the fields of one object: files are binary strings, fields keep their inferred type. */
function partsSchema(body: Body): JsonSchema {
  const properties: Record<string, JsonSchema> = Object.create(null) as Record<string, JsonSchema>;
  for (const part of body.parts ?? []) properties[part.name] = part.file ? { type: 'string', format: 'binary' } : (part.schema ?? { type: 'string' });
  const required = (body.parts ?? []).filter((p) => p.seen >= body.seen).map((p) => p.name);
  return { type: 'object', properties, required, additionalProperties: false, 'x-samples': body.seen };
}
