/**
 * The presentation view of a body (request or response), of a GraphQL endpoint's operations and
 * of a WebSocket's messages: one shape for all three, so one template partial (`body`) lays out
 * any of them. Values are escaped by the view's `Escaper`; the words are the template's.
 */
import type { Body, EventKind, GraphqlOperation, JsonSchema, MessageStream, MultipartPart } from '../model.js';
import { isRequired } from '../evidence.js';
import { oneLine } from './escape.js';
import type { Escaper } from './escaper.js';
import { type FieldRow, schemaRows, typeLabel } from './schema-rows.js';

export interface BodyView {
  /** A body kind (`json`, `sse`, `text` …), or `graphql` / `websocket` for those views. */
  kind: string;
  /** Code: the media type, or the kind when none was declared; null for GraphQL and WebSocket. */
  mediaType: string | null;
  seen: number;
  /** Requests (or responses of the status) it is counted against, when it was not in all of them. */
  of: number | null;
  /** Decoded size in bytes; `varies` when the smallest and largest differ. */
  size: { min: number; max: number; varies: boolean };
  /** Code: the declared JSON media type of a body that did not parse as JSON. */
  declared: string | null;
  /** An empty body declared as `text/event-stream`. */
  eventStream: boolean;
  /** Code: the root type, unless the field table says it (an object whose fields it lists). */
  type: string | null;
  fields: FieldView[];
  /** Fields left out of the table. */
  moreFields: number;
  parts: PartView[];
  operations: OperationView[];
  events: EventView[];
  /** Code each: `[DONE]`. */
  sentinels: string[];
  /** One block per event kind, message kind or GraphQL operation: its fields and an example. */
  details: DetailView[];
  /** A whole example, escaped as a block; null when none was kept (binary, unprintable text). */
  example: string | null;
  /** WebSocket only. */
  messages: number;
  sent: number;
  received: number;
}

export interface FieldView {
  path: string;
  type: string;
  required: boolean;
  seen: { n: number; of: number } | null;
  example: string | null;
  /** Code cells, when the field is an enum. */
  enum: string[] | null;
}

export interface PartView {
  name: string;
  file: boolean;
  /** Text: the type of a plain field's values. */
  type: string | null;
  contentTypes: string[];
  required: boolean;
  seen: number;
  of: number;
  example: string | null;
}

export interface OperationView {
  name: string;
  operation: string;
  seen: number;
  variables: string | null;
}

export interface EventView {
  event: string;
  type: string | null;
  seen: number;
  /** Text: the type of the data, when it is JSON. */
  data: string | null;
  /** Data that is not JSON was seen. */
  text: boolean;
}

export interface DetailView {
  /** Code: the event, direction or operation name. */
  name: string;
  type: string | null;
  /** Text: the GraphQL operation type. */
  operation: string | null;
  seen: number;
  fields: FieldView[];
  moreFields: number;
  example: string | null;
}

const EXAMPLE_CELL_CHARS = 60;

export function bodyView(body: Body, of: number | null, esc: Escaper): BodyView {
  const view = emptyBodyView(body.kind);
  view.mediaType = esc.code(body.mediaType || body.kind);
  view.seen = body.seen;
  view.of = of;
  view.size = { min: body.size.min, max: body.size.max, varies: body.size.min !== body.size.max };
  if (body.kind === 'text' && body.mediaType.endsWith('json')) view.declared = esc.code(body.mediaType);
  view.eventStream = body.mediaType === 'text/event-stream';
  if (body.schema && body.kind !== 'sse') {
    Object.assign(view, fieldsView(body.schema, esc));
    view.type = typeLine(body.schema, view.fields.length > 0, esc);
  }
  if (body.parts?.length) view.parts = body.parts.map((p) => partView(p, body.seen, esc));
  if (body.events?.length) {
    view.events = body.events.map((e) => eventView(e, esc));
    view.details = body.events.map((e) => eventDetail(e, esc));
  }
  if (body.sentinels?.length) view.sentinels = body.sentinels.map(esc.code);
  if (body.example !== undefined) view.example = esc.block(body.example, body.kind === 'json' || body.kind === 'jsonp' ? 'json' : '');
  return view;
}

export function graphqlView(operations: GraphqlOperation[], esc: Escaper): BodyView {
  const view = emptyBodyView('graphql');
  view.operations = operations.map((o) => ({
    name: esc.cellCode(o.name),
    operation: esc.cellText(o.operation),
    seen: o.seen,
    variables: o.variables ? esc.cellText(typeLabel(o.variables)) : null,
  }));
  view.details = operations
    .filter((o) => o.variables !== undefined)
    .map((o) => ({
      name: esc.code(o.name),
      type: null,
      operation: esc.text(o.operation),
      seen: o.seen,
      ...fieldsView(o.variables!, esc),
      example: o.example !== undefined ? esc.block(o.example, 'json') : null,
    }));
  return view;
}

export function websocketView(stream: MessageStream, esc: Escaper): BodyView {
  const view = emptyBodyView('websocket');
  view.messages = stream.messages;
  view.sent = stream.events.filter((e) => e.event === 'send').reduce((n, e) => n + e.seen, 0);
  view.received = stream.messages - view.sent;
  view.events = stream.events.map((e) => eventView(e, esc));
  view.details = stream.events.filter((e) => e.schema || e.example !== undefined).map((e) => eventDetail(e, esc));
  return view;
}

function emptyBodyView(kind: string): BodyView {
  return {
    kind,
    mediaType: null,
    seen: 0,
    of: null,
    size: { min: 0, max: 0, varies: false },
    declared: null,
    eventStream: false,
    type: null,
    fields: [],
    moreFields: 0,
    parts: [],
    operations: [],
    events: [],
    sentinels: [],
    details: [],
    example: null,
    messages: 0,
    sent: 0,
    received: 0,
  };
}

function fieldsView(schema: JsonSchema, esc: Escaper): Pick<BodyView, 'fields' | 'moreFields'> {
  const { rows, more } = schemaRows(schema);
  return { fields: rows.map((row) => fieldView(row, esc)), moreFields: more };
}

/** The root type, unless the field table already says it: an object whose fields it lists. */
function typeLine(schema: JsonSchema, hasFields: boolean, esc: Escaper): string | null {
  const label = typeLabel(schema);
  return label === 'object' && hasFields ? null : esc.code(label);
}

function fieldView(row: FieldRow, esc: Escaper): FieldView {
  return {
    path: esc.cellCode(row.path),
    type: esc.cellText(row.type),
    required: row.required,
    seen: row.seen ?? null,
    example: row.example ? esc.cellCode(oneLine(row.example, EXAMPLE_CELL_CHARS)) : null,
    enum: row.enum ? row.enum.map((v) => esc.cellCode(v)) : null,
  };
}

function partView(p: MultipartPart, bodies: number, esc: Escaper): PartView {
  return {
    name: esc.cellCode(p.name),
    file: p.file,
    type: !p.file && p.schema ? esc.cellText(typeLabel(p.schema)) : null,
    contentTypes: p.contentTypes.map((t) => esc.cellText(t)),
    // The same evidence rule as OpenAPI's `required` (src/evidence.ts).
    required: isRequired(p.seen, bodies, bodies),
    seen: p.seen,
    of: bodies,
    example: p.example !== undefined ? esc.cellCode(oneLine(p.example, EXAMPLE_CELL_CHARS)) : null,
  };
}

function eventView(e: EventKind, esc: Escaper): EventView {
  return {
    event: esc.cellCode(e.event),
    type: e.type !== undefined ? esc.cellCode(e.type) : null,
    seen: e.seen,
    data: e.schema ? esc.cellText(typeLabel(e.schema)) : null,
    text: e.example !== undefined,
  };
}

/** One event or message kind in detail: its fields and a representative example. */
function eventDetail(e: EventKind, esc: Escaper): DetailView {
  return {
    name: esc.code(e.event),
    type: e.type !== undefined ? esc.code(e.type) : null,
    operation: null,
    seen: e.seen,
    ...(e.schema ? fieldsView(e.schema, esc) : { fields: [], moreFields: 0 }),
    example: e.example !== undefined ? esc.block(e.example, e.schema ? 'json' : '') : null,
  };
}
