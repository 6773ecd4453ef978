/**
 * One model endpoint as an OpenAPI operation: parameters, request body, one response per status,
 * security alternatives, and the evidence (`x-observed`, `x-seen`) that backs each claim.
 */
import type { Endpoint, Response } from '../../model.js';
import { statusMix } from '../status-mix.js';
import type { EndpointNames } from './catalog.js';
import { bodiesContent, mergeMediaTypes } from './content.js';
import { describePerOperation } from './graphql-operations.js';
import { operationParameters } from './parameters.js';
import { operationSecurity, type SecurityCatalog } from './security.js';
import type { HeaderObject, MediaType, Operation, RequestBody, ResponseObject } from './spec.js';
import { schemaRef } from './spec.js';
import { STATUS_REASONS } from './status-reasons.js';

export function buildOperation(endpoint: Endpoint, names: EndpointNames, security: SecurityCatalog): Operation {
  const parameters = operationParameters(endpoint);
  const requestBody = buildRequestBody(endpoint, names);
  const operation: Operation = {
    operationId: names.operationId,
    summary: `${endpoint.method} ${endpoint.path}`,
    description: `Observed ${endpoint.observed} request(s) to \`${endpoint.host}\`; status ${statusMix(endpoint)}.`,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: buildResponses(endpoint, names),
    security: operationSecurity(endpoint, security),
  };
  operation['x-endpoint'] = endpoint.key;
  operation['x-observed'] = endpoint.observed;
  if (names.websocket && endpoint.websocket) {
    // Inline: OpenAPI has no place that could reference a message schema (catalog.ts, `typesOnly`).
    const { events, schemas } = names.websocket;
    operation['x-websocket'] = {
      messages: endpoint.websocket.messages,
      events: endpoint.websocket.events.map((kind, i) => ({
        event: kind.event,
        ...(kind.type !== undefined ? { type: kind.type } : {}),
        seen: kind.seen,
        typesName: events[i]!,
        schema: schemas[i]!,
      })),
    };
  }
  if (endpoint.graphql?.length && names.graphql) {
    const graphql = names.graphql;
    operation['x-graphql-operations'] = endpoint.graphql.map((op, i) => ({
      name: op.name,
      operation: op.operation,
      seen: op.seen,
      request: schemaRef(graphql[i]!.request),
      ...(graphql[i]!.response ? { response: schemaRef(graphql[i]!.response!) } : {}),
    }));
    describePerOperation(operation, graphql, endpoint.graphql);
  }
  return operation;
}

function buildRequestBody(endpoint: Endpoint, names: EndpointNames): RequestBody | undefined {
  if (endpoint.requestBodies.length === 0) return undefined;
  const seen = endpoint.requestBodies.reduce((n, b) => n + b.seen, 0);
  const body: RequestBody = {
    description: `Sent with ${seen} of ${endpoint.observed} request(s).`,
    content: bodiesContent(endpoint.requestBodies, names.requestBodies),
  };
  if (seen >= endpoint.observed) body.required = true;
  body['x-seen'] = seen;
  return body;
}

/** Response keys must be `100`–`599`; anything else a recorder wrote (0, -1) goes to `default`. */
function buildResponses(endpoint: Endpoint, names: EndpointNames): Record<string, ResponseObject> {
  const responses: Record<string, ResponseObject> = {};
  endpoint.responses.forEach((response, i) => {
    const valid = Number.isInteger(response.status) && response.status >= 100 && response.status <= 599;
    const key = valid ? String(response.status) : 'default';
    const content = bodiesContent(response.bodies, names.responses[i] ?? []);
    const reason = valid ? (STATUS_REASONS[response.status] ?? `Status ${response.status}`) : `No valid HTTP status recorded (${response.status})`;
    const object: ResponseObject = { description: `${reason}. Seen ${response.seen} of ${endpoint.observed} time(s).` };
    const headers = responseHeaders(response);
    if (headers) object.headers = headers;
    if (Object.keys(content).length > 0) object.content = content;
    object['x-seen'] = response.seen;
    responses[key] = responses[key] ? mergeResponses(responses[key], object) : object;
  });
  if (Object.keys(responses).length === 0) responses.default = { description: 'No response was recorded.', content: UNKNOWN_CONTENT };
  // Statuses are documented as seen; any other one (a 500 the capture never met) still gets a
  // response, whose body is unknown rather than guessed from another status.
  else if (!responses.default) responses.default = { description: 'A status the capture did not show; its body is not known.', content: UNKNOWN_CONTENT };
  return responses;
}

/**
 * The response headers that matter to a client (rate limits, pagination, caching, `Location`,
 * `Content-Disposition`), with a redacted example, and `Set-Cookie` naming the cookies set.
 */
function responseHeaders(response: Response): Record<string, HeaderObject> | undefined {
  const out: Record<string, HeaderObject> = {};
  for (const h of response.headers ?? []) {
    // OpenAPI ignores a Content-Type response header; the media types say it.
    if (h.name === 'content-type') continue;
    out[h.name] = {
      description: `${HEADER_KINDS[h.kind] ?? h.kind}. Seen on ${h.seen} of ${response.seen} response(s).`,
      schema: { type: 'string' },
      ...(h.example !== undefined ? { example: h.example } : {}),
    };
  }
  if (response.cookies?.length)
    out['set-cookie'] = { description: `Sets the cookie(s) ${response.cookies.map((c) => `\`${c.name}\``).join(', ')}.`, schema: { type: 'string' } };
  return Object.keys(out).length > 0 ? out : undefined;
}

const HEADER_KINDS: Record<string, string> = {
  'rate-limit': 'Rate limit',
  pagination: 'Pagination',
  caching: 'Caching',
  location: 'Where the result is',
  download: 'Download file name',
};

/** Any media type, any body: what an unobserved response may hold. */
const UNKNOWN_CONTENT: Record<string, MediaType> = { '*/*': { schema: {} } };

/** Two responses under one key: descriptions joined, content merged, evidence added up. */
export function mergeResponses(a: ResponseObject, b: ResponseObject): ResponseObject {
  // Two unobserved defaults (no evidence on either) are one.
  if (a['x-seen'] === undefined && b['x-seen'] === undefined && a.description === b.description) return a;
  const merged: ResponseObject = { ...a, description: `${a.description} ${b.description}` };
  if (a.headers || b.headers) merged.headers = { ...b.headers, ...a.headers };
  const content = mergeContent(a.content, b.content);
  if (content) merged.content = content;
  merged['x-seen'] = ((a['x-seen'] as number) ?? 0) + ((b['x-seen'] as number) ?? 0);
  return merged;
}

export function mergeContent(a: Record<string, MediaType> | undefined, b: Record<string, MediaType> | undefined): Record<string, MediaType> | undefined {
  if (!a || !b) return a ?? b;
  const merged = { ...a };
  for (const [key, media] of Object.entries(b)) merged[key] = merged[key] ? mergeMediaTypes(merged[key], media) : media;
  return merged;
}
