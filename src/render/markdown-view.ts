/**
 * The model as the Markdown template's view: every cell and line already escaped for Markdown,
 * every example already fenced. The template only lays these out, so no captured value is ever
 * interpreted as Markdown, HTML or template syntax.
 */
import { authRequirementsOf, unauthenticatedRequests } from '../auth-requirements.js';
import type {
  ApiModel,
  Body,
  Endpoint,
  EventKind,
  GraphqlOperation,
  HeaderParam,
  Host,
  JsonSchema,
  MessageStream,
  MultipartPart,
  Param,
  PathParam,
} from '../model.js';
import { Anchors } from './anchors.js';
import { cellCode, cellText, code, fence, oneLine, text } from './escape.js';
import { describeRedaction } from './redaction-text.js';
import { type FieldRow, schemaRows, typeLabel } from './schema-rows.js';
import { statusMix } from './status-mix.js';

export interface ReferenceView {
  title: string;
  overview: string[];
  hosts: HostView[];
  multiHost: boolean;
  endpointCount: number;
}

interface HostView {
  heading: string;
  apiRoot: string | null;
  index: string[];
  endpoints: EndpointView[];
}

interface EndpointView {
  heading: string;
  anchor: string;
  pathParams: string[] | null;
  queryParams: string[] | null;
  headers: string[] | null;
  auth: string | null;
  requestBodies: BodyView[];
  graphql: BodyView | null;
  websocket: BodyView | null;
  responses: ResponseView[];
  observed: string;
}

interface ResponseView {
  heading: string;
  bodies: BodyView[];
}

interface BodyView {
  label: string | null;
  kindLine: string | null;
  /** `**Type**: …` for a body that is not an object with fields (an array, a union, a scalar). */
  typeLine: string | null;
  fields: string[] | null;
  moreFields: string | null;
  parts: string[] | null;
  /** GraphQL operations table rows. */
  operations: string[] | null;
  /** Header row of the events table (`Event` for SSE, `Direction` for WebSocket). */
  eventsHead: string | null;
  events: string[] | null;
  sentinels: string | null;
  /** One block per event kind or GraphQL operation: fields and an example. */
  details: DetailView[];
  example: string | null;
}

interface DetailView {
  heading: string;
  fields: string[] | null;
  moreFields: string | null;
  example: string | null;
}

export function buildReferenceView(model: ApiModel): ReferenceView {
  // Every heading claims its anchor in document order (see templates/reference.md.hbs).
  const anchors = new Anchors();
  anchors.claim(model.title);
  anchors.claim('Endpoints');
  const multiHost = model.hosts.length > 1;
  const hosts = model.hosts.map((host) =>
    hostView(
      host,
      model.endpoints.filter((e) => e.host === host.name),
      multiHost,
      anchors,
    ),
  );
  return {
    title: text(model.title),
    overview: overview(model),
    hosts,
    multiHost,
    endpointCount: model.endpoints.length,
  };
}

function overview(model: ApiModel): string[] {
  const lines: string[] = [];
  const sources = model.sources.map((s) => `${code(s.file)}${s.creator ? ` (${text(s.creator)})` : ''}`).join(', ');
  lines.push(`**Source**: ${sources}`);
  if (model.window.start) lines.push(`**Capture window**: ${text(model.window.start)} to ${text(model.window.end ?? '')}`);
  const skipped = Object.entries(model.traffic.skipped)
    .map(([reason, n]) => `${n} ${text(reason)}`)
    .join(', ');
  lines.push(
    `**Traffic**: ${model.endpoints.length} endpoint(s) from ${model.traffic.used} of ${model.traffic.entries} entries${skipped ? ` (left out: ${skipped})` : ''}`,
  );
  if (model.redaction.enabled) {
    // A saved model may come from anywhere (diff reads them), so kind and place names are escaped.
    const { kinds, places } = describeRedaction(model.redaction);
    lines.push(
      `**Redaction**: ${model.redaction.total} value(s) replaced with placeholders${kinds ? ` (${text(kinds)})` : ''}${places ? `; found in ${text(places)}` : ''}`,
    );
  } else lines.push('**Redaction**: off; this reference may contain secrets and personal data');
  return lines;
}

function hostView(host: Host, endpoints: Endpoint[], multiHost: boolean, anchors: Anchors): HostView {
  if (multiHost) anchors.claim(`Host ${host.name}`);
  const views = endpoints.map((endpoint) => endpointView(endpoint, anchors));
  return {
    heading: code(host.name),
    apiRoot: host.apiRoot ? code(host.apiRoot) : null,
    index: endpoints.map((e, i) => `| [${cellCode(`${e.method} ${e.path}`)}](#${views[i]!.anchor}) | ${e.observed} | ${statusMix(e, cellCode)} |`),
    endpoints: views,
  };
}

/**
 * `bearer (header `authorization`) and apiKey (header `x-api-key`)`: credentials sent together
 * are joined by "and", alternatives by "or"; requests that sent none are counted. OpenAPI
 * `security` reads the same requirements.
 */
function authLine(endpoint: Endpoint): string | null {
  if (endpoint.auth.length === 0) return null;
  const requirements = authRequirementsOf(endpoint);
  const shown = requirements.map((r) => {
    const all = r.schemes.map((a) => `${text(a.type)} (${text(a.in)} ${code(a.name)})`).join(' and ');
    return requirements.length > 1 ? `${all} (${r.seen} of ${endpoint.observed})` : all;
  });
  const none = unauthenticatedRequests(endpoint);
  return `${shown.join(' or ')}${none > 0 ? `; none on ${none} of ${endpoint.observed}` : ''}`;
}

function endpointView(endpoint: Endpoint, anchors: Anchors): EndpointView {
  const heading = `${endpoint.method} ${endpoint.path}`;
  return {
    heading: code(heading),
    anchor: anchors.claim(heading),
    pathParams: endpoint.pathParams.length ? endpoint.pathParams.map(pathParamRow) : null,
    queryParams: endpoint.queryParams.length ? endpoint.queryParams.map(paramRow) : null,
    headers: endpoint.headers.length ? endpoint.headers.map(headerRow) : null,
    auth: authLine(endpoint),
    requestBodies: endpoint.requestBodies.map((b) => bodyView(b, endpoint.requestBodies.length > 1 || b.seen < endpoint.observed ? endpoint.observed : null)),
    graphql: endpoint.graphql?.length ? graphqlView(endpoint.graphql) : null,
    websocket: endpoint.websocket ? websocketView(endpoint.websocket) : null,
    responses: endpoint.responses.map((r) => ({
      heading: `**Response**: ${code(String(r.status))}${r.seen !== endpoint.observed ? ` (${r.seen} of ${endpoint.observed})` : ''}${r.bodies.length === 0 ? ' · no body recorded' : ''}`,
      bodies: r.bodies.map((b) => bodyView(b, r.bodies.length > 1 || b.seen < r.seen ? r.seen : null)),
    })),
    observed: `*Observed ${endpoint.observed} request(s)* · ${statusMix(endpoint, code)}`,
  };
}

function pathParamRow(p: PathParam): string {
  return `| ${cellCode(p.name)} | ${cellText(p.pattern)} | ${p.distinct} | ${p.example !== undefined ? cellCode(p.example) : ''} |`;
}

function paramRow(p: Param): string {
  return `| ${cellCode(p.name)} | ${cellText(typeLabel(p.schema))} | ${requiredCell(p)} | ${p.example !== undefined ? cellCode(p.example) : ''} |`;
}

function headerRow(h: HeaderParam): string {
  return `| ${cellCode(h.name)} | ${cellText(h.kind)} | ${requiredCell(h)} | ${h.example !== undefined ? cellCode(h.example) : ''} |`;
}

function requiredCell(p: Param): string {
  return p.required ? `yes (${p.seen}/${p.of})` : `no (${p.seen}/${p.of})`;
}

function bodyView(body: Body, of: number | null): BodyView {
  const label = `${code(body.mediaType || body.kind)}${of !== null ? ` (${body.seen} of ${of})` : ''}`;
  const view = emptyBodyView(label, kindLine(body));
  if (body.schema && body.kind !== 'sse') {
    Object.assign(view, fieldsView(body.schema));
    view.typeLine = typeLine(body.schema, view.fields !== null);
  }
  if (body.parts?.length) view.parts = body.parts.map(partRow(body.seen));
  if (body.events?.length) {
    view.eventsHead = '| Event | Type | Seen | Data |';
    view.events = body.events.map(eventRow);
    view.details = body.events.map((e) => eventDetail(e, 'Event'));
  }
  if (body.sentinels?.length) view.sentinels = `Stream sentinels: ${body.sentinels.map(code).join(', ')}`;
  if (body.example !== undefined) view.example = fence(body.example, exampleLanguage(body));
  return view;
}

function emptyBodyView(label: string | null, kind: string | null): BodyView {
  return {
    label,
    kindLine: kind,
    typeLine: null,
    fields: null,
    moreFields: null,
    parts: null,
    operations: null,
    eventsHead: null,
    events: null,
    sentinels: null,
    details: [],
    example: null,
  };
}

/** The field table of a schema: path, type, required (with evidence), example. */
function fieldsView(schema: JsonSchema): Pick<BodyView, 'fields' | 'moreFields'> {
  const { rows, more } = schemaRows(schema);
  return {
    fields: rows.length ? rows.map(fieldRow) : null,
    moreFields: more > 0 ? `*… and ${more} more field(s)*` : null,
  };
}

/** The root type, unless the field table already says it: an object whose fields it lists. */
function typeLine(schema: JsonSchema, hasFields: boolean): string | null {
  const label = typeLabel(schema);
  return label === 'object' && hasFields ? null : `**Type**: ${code(label)}`;
}

function fieldRow(row: FieldRow): string {
  const required = row.required ? 'yes' : row.seen ? `no (${row.seen.n}/${row.seen.of})` : 'no';
  return `| ${cellCode(row.path)} | ${cellText(row.type)} | ${required} | ${exampleCell(row)} |`;
}

function exampleCell(row: { example?: string; enum?: string[] }): string {
  if (row.enum) return `one of ${row.enum.map((v) => cellCode(v)).join(', ')}`;
  return row.example ? cellCode(oneLine(row.example, EXAMPLE_CELL_CHARS)) : '';
}

const EXAMPLE_CELL_CHARS = 60;

function partRow(bodies: number): (part: MultipartPart) => string {
  return (p) => {
    const kind = p.file ? 'file' : p.schema ? `field (${typeLabel(p.schema)})` : 'field';
    const required = p.seen === bodies ? 'yes' : `no (${p.seen}/${bodies})`;
    const example = p.example !== undefined ? cellCode(oneLine(p.example, EXAMPLE_CELL_CHARS)) : '';
    return `| ${cellCode(p.name)} | ${cellText(kind)} | ${cellText(p.contentTypes.join(', '))} | ${required} | ${example} |`;
  };
}

function kindLine(body: Body): string | null {
  switch (body.kind) {
    case 'sse':
      return '**Response Type**: Server-Sent Events (SSE)';
    case 'ndjson':
      return '**Body Type**: newline-delimited JSON (one schema per line)';
    case 'jsonp':
      return '**Body Type**: JSONP (JSON wrapped in a callback)';
    case 'multipart':
      return '**Body Type**: multipart form data (file contents are not kept)';
    case 'form':
      return '**Body Type**: form fields (URL-encoded)';
    case 'binary':
      return `**Body Type**: binary, ${sizeText(body.size)}`;
    case 'empty':
      return body.mediaType === 'text/event-stream'
        ? '**Response Type**: Server-Sent Events (SSE); the capture holds no stream content'
        : `**Body Type**: empty`;
    case 'text': {
      const declared = body.mediaType.endsWith('json') ? ` (declared ${code(body.mediaType)} but not valid JSON)` : '';
      const unprintable = body.example === undefined && body.size.max > 0 ? ', not printable' : '';
      return body.size.max > 0 ? `**Body Type**: text${declared}, ${sizeText(body.size)}${unprintable}` : null;
    }
    default:
      return null;
  }
}

function eventRow(e: EventKind): string {
  const data = e.schema ? cellText(typeLabel(e.schema)) : e.example !== undefined ? 'text' : 'none';
  return `| ${cellCode(e.event)} | ${e.type !== undefined ? cellCode(e.type) : ''} | ${e.seen} | ${data} |`;
}

/** One event or message kind in detail: its fields and a representative example. */
function eventDetail(e: EventKind, noun: string): DetailView {
  return {
    heading: `**${noun}** ${code(e.event)}${e.type !== undefined ? ` · type ${code(e.type)}` : ''} (${e.seen} seen)`,
    ...(e.schema ? fieldsView(e.schema) : { fields: null, moreFields: null }),
    example: e.example !== undefined ? fence(e.example, e.schema ? 'json' : '') : null,
  };
}

function graphqlView(operations: GraphqlOperation[]): BodyView {
  const view = emptyBodyView(null, null);
  view.operations = operations.map(
    (o) => `| ${cellCode(o.name)} | ${cellText(o.operation)} | ${o.seen} | ${o.variables ? cellText(typeLabel(o.variables)) : ''} |`,
  );
  view.details = operations
    .filter((o) => o.variables !== undefined)
    .map((o) => ({
      heading: `**Operation** ${code(o.name)} (${text(o.operation)}) variables`,
      ...fieldsView(o.variables!),
      example: o.example !== undefined ? fence(o.example, 'json') : null,
    }));
  return view;
}

function websocketView(stream: MessageStream): BodyView {
  const sent = stream.events.filter((e) => e.event === 'send').reduce((n, e) => n + e.seen, 0);
  const view = emptyBodyView(null, `${stream.messages} message(s): ${sent} sent, ${stream.messages - sent} received`);
  view.eventsHead = '| Direction | Type | Seen | Data |';
  view.events = stream.events.map(eventRow);
  view.details = stream.events.filter((e) => e.schema || e.example !== undefined).map((e) => eventDetail(e, 'Message'));
  return view;
}

function exampleLanguage(body: Body): string {
  return body.kind === 'json' || body.kind === 'jsonp' ? 'json' : '';
}

function sizeText(size: Body['size']): string {
  return size.min === size.max ? `${size.max} bytes` : `${size.min}–${size.max} bytes`;
}
