/**
 * The model as one OpenAPI 3.1 document: a server per host, a path item per template, an
 * operation per endpoint, every body schema under its catalog name in `components/schemas`,
 * security schemes from the credentials seen (never their values). Valid by construction: path
 * keys, parameter names, response keys and component names are made to fit the specification
 * here rather than checked afterwards. Deterministic: everything is sorted or in model order.
 */
import type { ApiModel, Endpoint, Host } from '../../model.js';
import { compareText } from '../../order.js';
import { buildCatalog, catalogSchemas, type SchemaCatalog } from './catalog.js';
import { mergeOperations } from './merge-hosts.js';
import { UniqueNames } from './names.js';
import { withNotes } from './notes.js';
import { buildOperation } from './operation.js';
import { TEMPLATE_EXPRESSION, templateNames } from './parameters.js';
import { securitySchemes } from './security.js';
import { resourceTags } from './tags.js';
import { HTTP_METHODS, type HttpMethod, type OpenApiDocument, type Operation, type PathItem, type SchemaObject, schemaRef, type Server } from './spec.js';

export async function renderOpenApi(model: ApiModel): Promise<string> {
  return `${JSON.stringify(buildOpenApi(model, (await buildCatalog(model)).catalog), null, 2)}\n`;
}

export function buildOpenApi(model: ApiModel, catalog: SchemaCatalog = catalogSchemas(model)): OpenApiDocument {
  const security = securitySchemes(model);
  const servers = new Map(model.hosts.map((host) => [host.name, serverOf(host)]));
  const multiHost = model.hosts.length > 1;
  const tags = resourceTags(model);
  const paths = new PathKeys();
  const items = new Map<string, PathItem>();
  const extra = new Map<string, Record<string, Operation>>();

  for (const endpoint of model.endpoints) {
    let operation = buildOperation(endpoint, catalog.endpoints.get(endpoint.key)!, security);
    operation.tags = [tags.byEndpoint.get(endpoint.key)!];
    if (multiHost) operation.servers = [servers.get(endpoint.host) ?? { url: `https://${endpoint.host}` }];
    // A WebSocket is reached at ws(s)://, also on a host whose other calls are https.
    const socket = webSocketServer(endpoint, model.hosts);
    if (socket && socket.url !== servers.get(endpoint.host)?.url) operation.servers = [socket];
    operation = withNotes(operation, endpoint);
    const { key, names } = paths.keyFor(endpoint.path);
    operation = renamePathParameters(operation, names);
    const method = endpoint.method.toLowerCase();
    if (isHttpMethod(method)) {
      const item = items.get(key) ?? {};
      const existing = item[method];
      item[method] = existing ? mergeOperations(existing, operation) : operation;
      items.set(key, item);
    } else {
      // OpenAPI 3.1 has fixed methods; others (PROPFIND, custom verbs) are kept as an extension.
      const others = extra.get(key) ?? {};
      const existing = others[endpoint.method];
      others[endpoint.method] = existing ? mergeOperations(existing, operation) : operation;
      extra.set(key, others);
    }
  }

  const document: OpenApiDocument = {
    openapi: '3.1.0',
    info: { title: model.title, version: captureVersion(model), description: describeCapture(model) },
    servers: model.hosts.map((host) => servers.get(host.name)!),
    paths: {},
    components: {},
  };
  // No hosts (no endpoints): OpenAPI's default server, spelled out because linters want one.
  if (document.servers?.length === 0) document.servers = [{ url: '/' }];
  if (tags.tags.length > 0) document.tags = tags.tags;
  for (const key of [...new Set([...items.keys(), ...extra.keys()])].sort(compareText)) {
    const item = items.get(key) ?? {};
    const ordered: PathItem = {};
    for (const method of HTTP_METHODS) if (item[method]) ordered[method] = item[method];
    const others = extra.get(key);
    if (others) ordered['x-additional-operations'] = Object.fromEntries(Object.entries(others).sort(([a], [b]) => compareText(a, b)));
    document.paths[key] = ordered;
  }
  const schemas = componentSchemas(catalog);
  if (Object.keys(schemas).length > 0) document.components.schemas = schemas;
  if (Object.keys(security.schemes).length > 0) document.components.securitySchemes = security.schemes;
  document['x-har2api'] = {
    modelVersion: model.modelVersion,
    sources: model.sources,
    window: model.window,
    traffic: model.traffic,
    redaction: { enabled: model.redaction.enabled, total: model.redaction.total, byKind: model.redaction.byKind },
  };
  return document;
}

function componentSchemas(catalog: SchemaCatalog): Record<string, SchemaObject> {
  const entries: [string, SchemaObject][] = [
    ...catalog.schemas.filter((s) => !s.typesOnly).map(({ name, schema }): [string, SchemaObject] => [name, schema]),
    ...catalog.unions
      .filter((u) => !u.typesOnly)
      .map(({ name, description, members }): [string, SchemaObject] => [name, { description, anyOf: members.map(schemaRef) } as SchemaObject]),
  ];
  return Object.fromEntries(entries.sort(([a], [b]) => compareText(a, b)));
}

/**
 * Path keys that OpenAPI accepts: each `{name}` once per path, and one key per hierarchy
 * (`/a/{x}` and `/a/{y}` are the same path to OpenAPI, so the second takes the first's names).
 */
class PathKeys {
  readonly #byShape = new Map<string, string>();

  /** The key for a model path, and its parameter names in path order. */
  keyFor(path: string): { key: string; names: string[] } {
    const used = new UniqueNames();
    const unique = path
      .split('/')
      // A `%` that starts no escape (`/friends/%@/`) is not a valid URI; consumers decode keys.
      .map((segment) => segment.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'))
      .join('/')
      .replace(TEMPLATE_EXPRESSION, (_, name: string) => {
        return `{${used.claim(name)}}`;
      });
    const shape = unique.replace(TEMPLATE_EXPRESSION, '{}');
    const key = this.#byShape.get(shape) ?? unique;
    this.#byShape.set(shape, key);
    return { key, names: templateNames(key) };
  }
}

/** Path parameters come in path order, so the n-th takes the key's n-th name. */
function renamePathParameters(operation: Operation, names: readonly string[]): Operation {
  if (!operation.parameters) return operation;
  let n = 0;
  return { ...operation, parameters: operation.parameters.map((p) => (p.in === 'path' ? { ...p, name: names[n++] ?? p.name } : p)) };
}

function isHttpMethod(method: string): method is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(method);
}

/**
 * `https` when the host was reached over TLS, else `http`; `wss`/`ws` when the host was reached
 * only by WebSocket, which is how a client must connect to it.
 */
function serverOf(host: Host): Server {
  const secure = host.schemes.length === 0 || host.schemes.some((s) => s === 'https' || s === 'wss');
  const socketsOnly = host.schemes.length > 0 && host.schemes.every((s) => s === 'ws' || s === 'wss');
  const scheme = socketsOnly ? (secure ? 'wss' : 'ws') : secure ? 'https' : 'http';
  return { url: `${scheme}://${host.name}`, description: `${host.endpoints} endpoint(s), ${host.observed} request(s) observed.` };
}

/** The ws(s) server of a WebSocket endpoint: `wss` when its host was reached over TLS. */
function webSocketServer(endpoint: Endpoint, hosts: readonly Host[]): Server | null {
  if (!endpoint.websocket) return null;
  const host = hosts.find((h) => h.name === endpoint.host);
  const secure = !host || host.schemes.length === 0 || host.schemes.some((s) => s === 'https' || s === 'wss');
  return { url: `${secure ? 'wss' : 'ws'}://${endpoint.host}`, description: 'WebSocket' };
}

/** The capture has no API version; the date it was recorded is the honest stand-in. */
function captureVersion(model: ApiModel): string {
  return model.window.end ? `captured ${model.window.end.slice(0, 10)}` : 'captured';
}

function describeCapture(model: ApiModel): string {
  const sources = model.sources.map((s) => `\`${s.file}\`${s.creator ? ` (${s.creator})` : ''}`).join(', ');
  const lines = [`Generated by har2api from ${sources}: ${model.endpoints.length} endpoint(s) from ${model.traffic.used} of ${model.traffic.entries} entries.`];
  if (model.window.start) lines.push(`Capture window: ${model.window.start} to ${model.window.end}.`);
  lines.push(
    model.redaction.enabled
      ? `Redaction: ${model.redaction.total} value(s) replaced with placeholders; examples come from the redacted capture.`
      : 'Redaction was off: examples may contain secrets and personal data.',
  );
  lines.push(
    'Schemas describe what the capture showed: a field is required when every sample had it. `x-` fields carry the evidence (requests observed, samples seen).',
  );
  return lines.join('\n\n');
}
