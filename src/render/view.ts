/**
 * The presentation view: the model as the reference templates (Markdown and HTML) see it. It
 * holds data, not words: every captured string is already escaped for the target format (by the
 * `Escaper` it is built with), numbers stay numbers and choices are flags, while every label,
 * heading, column and sentence lives in the templates. So a custom template can change any label
 * or column, and no captured value is ever interpreted as markup or template syntax.
 *
 * Cells hold values for table cells (one line, shortened; Markdown escapes pipes there), lines
 * hold values for running text; `example` blocks are whole fenced or preformatted examples.
 */
import { authRequirementsOf, unauthenticatedRequests } from '../auth-requirements.js';
import type { ApiModel, AuthScheme, Endpoint, Host, HeaderParam, Param, ParameterNote, PathParam } from '../model.js';
import { Anchors } from './anchors.js';
import type { Escaper } from './escaper.js';
import { buildFlow } from './flow.js';
import { groupByResource } from './resource-groups.js';
import { schemaRows, typeLabel } from './schema-rows.js';
import { type BodyView, bodyView, graphqlView, websocketView } from './view-body.js';
import {
  type CurlView,
  curlView,
  type EndpointIndex,
  type HostAuthView,
  type InputView,
  inputsView,
  hostAuthView,
  linksByConsumer,
  type ResponseHeaderView,
  requirementVariables,
  responseHeadersView,
} from './view-client.js';

export type { BodyView } from './view-body.js';
export type { Lifetime } from './lifetime.js';
export type { CredentialView, CurlView, EndpointRef, HostAuthView, InputView, RequirementView, ResponseHeaderView } from './view-client.js';

export interface ReferenceView {
  title: string;
  sources: { file: string; creator: string | null }[];
  /** The capture's own clock; null when no entry had a start time. */
  window: { start: string; end: string } | null;
  traffic: { endpoints: number; used: number; entries: number; skipped: Counted[] };
  redaction: { enabled: boolean; total: number; kinds: Counted[]; places: Counted[] };
  /** The capture's main flow as one diagram (Mermaid or SVG, by format); null when no call fed another. */
  flow: FlowView | null;
  hosts: HostView[];
  multiHost: boolean;
  /** Anchor of the Authentication section; null when no host's requests carried a credential. */
  authAnchor: string | null;
  endpointCount: number;
  /** What was left out, by reason (cells escaped): the reason's code (its words are the templates'), count, example URLs. */
  leftOut: { reason: string; count: number; examples: string[] }[] | null;
  /** First-party telemetry by call (cells escaped). */
  telemetry: { method: string; host: string; path: string; count: number; body: string }[] | null;
  /** Third-party trackers by host. */
  trackers: { host: string; count: number }[] | null;
}

export interface FlowView {
  /** The whole diagram, ready to place: a fenced Mermaid block, or an inline SVG. */
  diagram: string;
  /** Calls in the flow, and how many the diagram shows (it is kept short). */
  calls: number;
  shown: number;
  cut: boolean;
}

export interface Counted {
  name: string;
  count: number;
}

export interface HostView {
  /** Code. */
  name: string;
  anchor: string | null;
  /** Code; null when the host has no common API root. */
  apiRoot: string | null;
  /** Code: where requests go (`https://chatgpt.com/backend-api`). */
  baseUrl: string;
  /** The credentials the host's requests carried; null when none. */
  auth: HostAuthView | null;
  /** Every endpoint, in resource order (as `resources` lists them). */
  index: IndexRow[];
  /** The host's endpoints by resource (`Endpoint.resource`), sorted by name; inside one, by path, then method. */
  resources: ResourceGroup[];
  /** Every endpoint, in resource order. */
  endpoints: EndpointView[];
}

export interface ResourceGroup {
  /** Text: `conversation`, or `(root)` for endpoints without a literal segment. */
  name: string;
  /** Code: the same name for headings. */
  code: string;
  /** Code cell: the same name for the index. */
  cell: string;
  /** The group's heading anchor. */
  anchor: string;
  index: IndexRow[];
  endpoints: EndpointView[];
}

export interface IndexRow {
  /** `METHOD /path` as a code cell. */
  endpoint: string;
  anchor: string;
  observed: number;
  statuses: StatusCount[];
}

export interface StatusCount {
  /** Code. */
  status: string;
  count: number;
}

export interface EndpointView {
  /** `METHOD /path` as inline code. */
  heading: string;
  anchor: string;
  /** Text. */
  method: string;
  /** Code. */
  path: string;
  /** The credentials, when any was seen. */
  auth: AuthView | null;
  /** Where the inputs came from: values an earlier response of the capture handed out. */
  inputs: InputView[];
  /** A runnable request; null when no request could be kept as an example. */
  curl: CurlView | null;
  pathParams: PathParamRow[];
  queryParams: ParamRow[];
  headers: HeaderRow[];
  requestBodies: BodyView[];
  graphql: BodyView | null;
  websocket: BodyView | null;
  responses: ResponseView[];
  observed: number;
  statuses: StatusCount[];
  /** Text: the resource it is grouped under. */
  resource: string;
  /** Text: method, path, parameter, header, field, event and operation names, for a search box. */
  search: string;
  /** What a person wrote about the endpoint in an overlay; null when nothing. */
  notes: NotesView | null;
}

/** An overlay's words (text, escaped): never markup, whoever wrote the overlay. */
export interface NotesView {
  summary: string | null;
  /** The description's paragraphs (split at blank lines), each one line of text. */
  paragraphs: string[];
  tags: string[];
  /** Which parameter tables have a description (a column to show). */
  parameters: { path: boolean; query: boolean; header: boolean };
}

export interface AuthView {
  /** Credentials sent together (all needed); several requirements are alternatives. */
  requirements: { schemes: { type: string; in: string; name: string; variable: string | null }[]; seen: number }[];
  /** There is more than one requirement. */
  alternatives: boolean;
  /** Requests that sent no credential. */
  none: number;
}

export interface PathParamRow {
  name: string;
  /** Text from an overlay, or null. */
  description: string | null;
  pattern: string;
  distinct: number;
  example: string | null;
}

export interface ParamRow {
  name: string;
  /** Text from an overlay, or null. */
  description: string | null;
  type: string;
  required: boolean;
  seen: number;
  of: number;
  example: string | null;
}

export interface HeaderRow extends ParamRow {
  kind: string;
}

export interface ResponseView {
  /** Code. */
  status: string;
  seen: number;
  /** Requests observed on the endpoint. */
  of: number;
  /** Not every request got this status. */
  partial: boolean;
  bodies: BodyView[];
  /** Headers that matter to a client (rate limits, pagination, caching, `Location` …). */
  headers: ResponseHeaderView[];
  /** Code each: names of the cookies set. */
  cookies: string[];
}

export function buildReferenceView(model: ApiModel, esc: Escaper): ReferenceView {
  // Every heading claims its anchor in document order (see templates/reference.md.hbs).
  const anchors = new Anchors();
  anchors.claim(model.title);
  const flow = buildFlow(model);
  if (flow) anchors.claim('Flow');
  const authAnchor = model.hosts.some((h) => (h.auth?.credentials.length ?? 0) > 0) ? anchors.claim('Authentication') : null;
  anchors.claim('Endpoints');
  const multiHost = model.hosts.length > 1;
  // Each host's endpoints in the order its view lists them: by resource, then path, then method.
  const byHost = model.hosts.map((host) =>
    groupByResource(
      model.endpoints.filter((e) => e.host === host.name),
      host.apiRoot,
    ).flatMap((g) => g.endpoints),
  );
  const hosts = model.hosts.map((host, h) => hostView(host, byHost[h]!, multiHost, anchors, esc));
  // Sections refer to each other (who issued a token, where an input came from) once every anchor is known.
  const index: EndpointIndex = new Map(
    byHost.flatMap((endpoints, h) =>
      endpoints.map((e, i): [string, { label: string; anchor: string }] => [e.key, { label: `${e.method} ${e.path}`, anchor: hosts[h]!.endpoints[i]!.anchor }]),
    ),
  );
  const links = linksByConsumer(model);
  model.hosts.forEach((host, h) => {
    const view = hosts[h]!;
    view.auth = hostAuthView(host, index, esc);
    byHost[h]!.forEach((endpoint, i) => {
      view.endpoints[i]!.inputs = inputsView(links.get(endpoint.key) ?? [], index, esc);
    });
  });
  const counted = (record: Record<string, number>): Counted[] => Object.entries(record).map(([name, count]) => ({ name: esc.text(name), count }));
  return {
    title: esc.text(model.title),
    sources: model.sources.map((s) => ({ file: esc.code(s.file), creator: s.creator ? esc.text(s.creator) : null })),
    window: model.window.start ? { start: esc.text(model.window.start), end: esc.text(model.window.end ?? '') } : null,
    traffic: { endpoints: model.endpoints.length, used: model.traffic.used, entries: model.traffic.entries, skipped: counted(model.traffic.skipped) },
    // A saved model may come from anywhere (diff reads them), so kind and place names are escaped.
    redaction: {
      enabled: model.redaction.enabled,
      total: model.redaction.total,
      kinds: counted(model.redaction.byKind),
      places: counted(model.redaction.byPlace),
    },
    flow: flow ? { diagram: esc.flow(flow), calls: flow.calls, shown: flow.shown, cut: flow.shown < flow.calls } : null,
    hosts,
    multiHost,
    authAnchor,
    endpointCount: model.endpoints.length,
    ...leftOutView(model, esc),
  };
}

function leftOutView(model: ApiModel, esc: Escaper): Pick<ReferenceView, 'leftOut' | 'telemetry' | 'trackers'> {
  const { leftOut = [], telemetry = [], trackers = [] } = model.traffic;
  return {
    leftOut: leftOut.length
      ? leftOut.map((l) => ({
          reason: esc.cellText(l.reason),
          count: l.count,
          examples: l.examples.map((e) => esc.cellCode(e)),
        }))
      : null,
    telemetry: telemetry.length
      ? telemetry.map((t) => ({
          method: esc.cellCode(t.method),
          host: esc.cellCode(t.host),
          path: esc.cellCode(t.path),
          count: t.count,
          body: esc.cellText(t.body),
        }))
      : null,
    trackers: trackers.length ? trackers.map((t) => ({ host: esc.code(t.host), count: t.count })) : null,
  };
}

/** Headings claim anchors in document order: the host, then each resource followed by its endpoints. */
function hostView(host: Host, endpoints: Endpoint[], multiHost: boolean, anchors: Anchors, esc: Escaper): HostView {
  const anchor = multiHost ? anchors.claim(`Host ${host.name}`) : null;
  const resources = groupByResource(endpoints, host.apiRoot).map(({ name, endpoints: members }): ResourceGroup => {
    // The heading is the name alone, so a template's label around it cannot move the anchor.
    const heading = anchors.claim(name);
    const views = members.map((endpoint) => endpointView(endpoint, host, name, anchors, esc));
    return {
      name: esc.text(name),
      code: esc.code(name),
      cell: esc.cellCode(name),
      anchor: heading,
      index: members.map((e, i) => ({
        endpoint: esc.cellCode(`${e.method} ${e.path}`),
        anchor: views[i]!.anchor,
        observed: e.observed,
        statuses: statuses(e, esc.cellCode),
      })),
      endpoints: views,
    };
  });
  return {
    name: esc.code(host.name),
    anchor,
    apiRoot: host.apiRoot ? esc.code(host.apiRoot) : null,
    // A saved model from before base URLs has none: the host over https is what it was reached at.
    baseUrl: esc.code(host.baseUrl ?? `https://${host.name}${host.apiRoot}`),
    auth: null,
    index: resources.flatMap((r) => r.index),
    resources,
    endpoints: resources.flatMap((r) => r.endpoints),
  };
}

function statuses(endpoint: Endpoint, span: (status: string) => string): StatusCount[] {
  return Object.entries(endpoint.statusCounts).map(([status, count]) => ({ status: span(status), count }));
}

function endpointView(endpoint: Endpoint, host: Host, resource: string, anchors: Anchors, esc: Escaper): EndpointView {
  const heading = `${endpoint.method} ${endpoint.path}`;
  return {
    heading: esc.code(heading),
    anchor: anchors.claim(heading),
    method: esc.text(endpoint.method),
    path: esc.code(endpoint.path),
    auth: authView(endpoint, host, esc),
    inputs: [],
    curl: curlView(endpoint, host, esc),
    pathParams: endpoint.pathParams.map((p) => pathParamRow(p, noteOf(endpoint, 'path', p.name), esc)),
    queryParams: endpoint.queryParams.map((p) => paramRow(p, noteOf(endpoint, 'query', p.name), esc)),
    headers: endpoint.headers.map((h) => headerRow(h, noteOf(endpoint, 'header', h.name), esc)),
    requestBodies: endpoint.requestBodies.map((b) =>
      bodyView(b, endpoint.requestBodies.length > 1 || b.seen < endpoint.observed ? endpoint.observed : null, esc),
    ),
    graphql: endpoint.graphql?.length ? graphqlView(endpoint.graphql, esc) : null,
    websocket: endpoint.websocket ? websocketView(endpoint.websocket, esc) : null,
    responses: endpoint.responses.map((r) => ({
      status: esc.code(String(r.status)),
      seen: r.seen,
      of: endpoint.observed,
      partial: r.seen !== endpoint.observed,
      bodies: r.bodies.map((b) => bodyView(b, r.bodies.length > 1 || b.seen < r.seen ? r.seen : null, esc)),
      ...responseHeadersView(r, esc),
    })),
    observed: endpoint.observed,
    statuses: statuses(endpoint, esc.code),
    resource: esc.text(resource),
    search: esc.text(searchWords(endpoint).join(' ').toLowerCase()),
    notes: notesView(endpoint, esc),
  };
}

function notesView(endpoint: Endpoint, esc: Escaper): NotesView | null {
  const notes = endpoint.notes;
  if (!notes) return null;
  const described = (where: ParameterNote['in']) => (notes.parameters ?? []).some((n) => n.in === where);
  return {
    summary: notes.summary !== undefined ? esc.text(notes.summary) : null,
    paragraphs: (notes.description ?? '')
      .split(/\r?\n\s*\r?\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => esc.text(p)),
    tags: (notes.tags ?? []).map((t) => esc.code(t)),
    parameters: { path: described('path'), query: described('query'), header: described('header') },
  };
}

function noteOf(endpoint: Endpoint, where: ParameterNote['in'], name: string): string | undefined {
  return endpoint.notes?.parameters?.find((n) => n.in === where && n.name === name)?.description;
}

/** Credentials sent together form a requirement; OpenAPI `security` reads the same requirements. */
function authView(endpoint: Endpoint, host: Host, esc: Escaper): AuthView | null {
  if (endpoint.auth.length === 0) return null;
  const variables = requirementVariables(endpoint, host);
  const requirements = authRequirementsOf(endpoint).map((r, i) => ({
    schemes: r.schemes.map((a: AuthScheme, j) => {
      const variable = variables[i]?.[j];
      return { type: esc.text(a.type), in: esc.text(a.in), name: esc.code(a.name), variable: variable?.startsWith('$') ? esc.code(variable) : null };
    }),
    seen: r.seen,
  }));
  return { requirements, alternatives: requirements.length > 1, none: unauthenticatedRequests(endpoint) };
}

function pathParamRow(p: PathParam, description: string | undefined, esc: Escaper): PathParamRow {
  return {
    name: esc.cellCode(p.name),
    description: description !== undefined ? esc.text(description) : null,
    pattern: esc.cellText(p.pattern),
    distinct: p.distinct,
    example: p.example !== undefined ? esc.cellCode(p.example) : null,
  };
}

function paramRow(p: Param, description: string | undefined, esc: Escaper): ParamRow {
  return {
    name: esc.cellCode(p.name),
    description: description !== undefined ? esc.text(description) : null,
    type: esc.cellText(typeLabel(p.schema)),
    required: p.required,
    seen: p.seen,
    of: p.of,
    example: p.example !== undefined ? esc.cellCode(p.example) : null,
  };
}

function headerRow(h: HeaderParam, description: string | undefined, esc: Escaper): HeaderRow {
  return { ...paramRow(h, description, esc), kind: esc.cellText(h.kind) };
}

/** What a search box matches an endpoint by: its method and path and the names of everything it sends and returns. */
function searchWords(endpoint: Endpoint): string[] {
  const words = [endpoint.method, endpoint.path];
  const bodies = [...endpoint.requestBodies, ...endpoint.responses.flatMap((r) => r.bodies)];
  words.push(...endpoint.pathParams.map((p) => p.name), ...endpoint.queryParams.map((p) => p.name), ...endpoint.headers.map((h) => h.name));
  for (const body of bodies) {
    if (body.schema) words.push(...schemaRows(body.schema, Number.POSITIVE_INFINITY).rows.map((r) => r.path));
    for (const event of body.events ?? []) words.push(event.event, ...(event.type !== undefined ? [event.type] : []));
    for (const part of body.parts ?? []) words.push(part.name);
  }
  for (const operation of endpoint.graphql ?? []) words.push(operation.name);
  if (endpoint.notes?.summary) words.push(endpoint.notes.summary);
  words.push(...(endpoint.notes?.tags ?? []));
  return words;
}
