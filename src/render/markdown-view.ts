/**
 * The model as the Markdown template's view: every cell and line already escaped for Markdown,
 * every example already fenced. The template only lays these out, so no captured value is ever
 * interpreted as Markdown, HTML or template syntax.
 */
import type { ApiModel, Body, Endpoint, EventKind, HeaderParam, Host, Param, PathParam } from '../model.js';
import { cellCode, cellText, code, fence, text } from './escape.js';
import { schemaRows, typeLabel } from './schema-rows.js';

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
  fields: string[] | null;
  moreFields: string | null;
  parts: string[] | null;
  events: string[] | null;
  sentinels: string | null;
  example: string | null;
}

export function buildReferenceView(model: ApiModel): ReferenceView {
  const hosts = model.hosts.map((host) => hostView(host, model.endpoints.filter((e) => e.host === host.name)));
  return {
    title: text(model.title),
    overview: overview(model),
    hosts,
    multiHost: hosts.length > 1,
    endpointCount: model.endpoints.length,
  };
}

function overview(model: ApiModel): string[] {
  const lines: string[] = [];
  const sources = model.sources.map((s) => `${code(s.file)}${s.creator ? ` (${text(s.creator)})` : ''}`).join(', ');
  lines.push(`**Source**: ${sources}`);
  if (model.window.start) lines.push(`**Capture window**: ${model.window.start} to ${model.window.end}`);
  const skipped = Object.entries(model.traffic.skipped).map(([reason, n]) => `${n} ${reason}`).join(', ');
  lines.push(`**Traffic**: ${model.endpoints.length} endpoint(s) from ${model.traffic.used} of ${model.traffic.entries} entries${skipped ? ` (left out: ${skipped})` : ''}`);
  if (model.redaction.enabled) {
    const kinds = Object.entries(model.redaction.byKind).map(([kind, n]) => `${kind} ${n}`).join(', ');
    lines.push(`**Redaction**: ${model.redaction.total} value(s) replaced with placeholders${kinds ? ` (${kinds})` : ''}`);
  } else lines.push('**Redaction**: off; this reference may contain secrets and personal data');
  return lines;
}

function hostView(host: Host, endpoints: Endpoint[]): HostView {
  const views = endpoints.map(endpointView);
  return {
    heading: code(host.name),
    apiRoot: host.apiRoot ? code(host.apiRoot) : null,
    index: endpoints.map((e, i) => `| [${cellCode(`${e.method} ${e.path}`)}](#${views[i]!.anchor}) | ${e.observed} | ${statusMix(e)} |`),
    endpoints: views,
  };
}

function endpointView(endpoint: Endpoint): EndpointView {
  const heading = `${endpoint.method} ${endpoint.path}`;
  return {
    heading: code(heading),
    anchor: anchorOf(heading),
    pathParams: endpoint.pathParams.length ? endpoint.pathParams.map(pathParamRow) : null,
    queryParams: endpoint.queryParams.length ? endpoint.queryParams.map(paramRow) : null,
    headers: endpoint.headers.length ? endpoint.headers.map(headerRow) : null,
    auth: endpoint.auth.length ? endpoint.auth.map((a) => `${a.type} (${a.in} ${code(a.name)})`).join(', ') : null,
    requestBodies: endpoint.requestBodies.map((b) => bodyView(b, endpoint.requestBodies.length > 1 || b.seen < endpoint.observed ? endpoint.observed : null)),
    responses: endpoint.responses.map((r) => ({
      heading: `**Response**: ${code(String(r.status))}${r.seen !== endpoint.observed ? ` (${r.seen} of ${endpoint.observed})` : ''}`,
      bodies: r.bodies.map((b) => bodyView(b, r.bodies.length > 1 ? r.seen : null)),
    })),
    observed: `*Observed ${endpoint.observed} request(s)*${Object.keys(endpoint.statusCounts).length > 1 ? ` · ${statusMix(endpoint)}` : ''}`,
  };
}

function pathParamRow(p: PathParam): string {
  return `| ${cellCode(p.name)} | ${cellText(p.pattern)} | ${p.distinct} | ${p.example !== undefined ? cellCode(p.example) : ''} |`;
}

function paramRow(p: Param): string {
  return `| ${cellCode(p.name)} | ${cellText(typeLabel(p.schema))} | ${requiredCell(p)} | ${p.example !== undefined ? cellCode(p.example) : ''} |`;
}

function headerRow(h: HeaderParam): string {
  return `| ${cellCode(h.name)} | ${h.kind} | ${requiredCell(h)} | ${h.example !== undefined ? cellCode(h.example) : ''} |`;
}

function requiredCell(p: Param): string {
  return p.required ? `yes (${p.seen}/${p.of})` : `no (${p.seen}/${p.of})`;
}

function bodyView(body: Body, of: number | null): BodyView {
  const label = `${code(body.mediaType || body.kind)}${of !== null ? ` (${body.seen} of ${of})` : ''}`;
  const fields = body.schema && body.kind !== 'sse' ? schemaRows(body.schema) : null;
  return {
    label,
    kindLine: kindLine(body),
    fields: fields && fields.rows.length ? fields.rows.map((r) => `| ${cellCode(r.path)} | ${cellText(r.type)} | ${r.required ? 'yes' : 'no'} |`) : null,
    moreFields: fields && fields.more > 0 ? `*… and ${fields.more} more field(s)*` : null,
    parts: body.parts?.length ? body.parts.map((p) => `| ${cellCode(p.name)} | ${p.file ? 'file' : 'field'} | ${cellText(p.contentTypes.join(', '))} | ${p.seen} |`) : null,
    events: body.events?.length ? body.events.map(eventRow) : null,
    sentinels: body.sentinels?.length ? `Stream sentinels: ${body.sentinels.map(code).join(', ')}` : null,
    example: body.example !== undefined ? fence(body.example, exampleLanguage(body)) : null,
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
    case 'binary':
      return `**Body Type**: binary, ${sizeText(body.size)}`;
    case 'text':
      return body.size.max > 0 ? `**Body Type**: text, ${sizeText(body.size)}` : null;
    default:
      return null;
  }
}

function eventRow(e: EventKind): string {
  const schema = e.schema ? cellText(typeLabel(e.schema)) : 'text';
  return `| ${cellCode(e.event)} | ${e.type !== undefined ? cellCode(e.type) : ''} | ${e.seen} | ${schema} | ${e.example !== undefined ? cellCode(e.example) : ''} |`;
}

function exampleLanguage(body: Body): string {
  return body.kind === 'json' || body.kind === 'jsonp' ? 'json' : '';
}

function sizeText(size: Body['size']): string {
  return size.min === size.max ? `${size.max} bytes` : `${size.min}–${size.max} bytes`;
}

function statusMix(endpoint: Endpoint): string {
  return Object.entries(endpoint.statusCounts)
    .map(([status, n]) => `${code(status)} ×${n}`)
    .join(', ');
}

/** GitHub-style heading anchor of `METHOD /path`. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}
