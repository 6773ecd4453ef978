/**
 * The named schemas of a model: every request and response body with a schema, every
 * server-sent event and WebSocket message kind, every GraphQL variables object, each under one
 * unique name. The OpenAPI document puts these in `components/schemas` and the TypeScript types
 * declare them, both from this one catalog, so the two always agree on names and shapes.
 */
import { asciiTypeNameStyle, quicktypeTypeNameStyle } from '../../infer/quicktype.js';
import type { ApiModel, Body, Endpoint, EventKind, GraphqlOperation, JsonSchema, Response } from '../../model.js';
import { escapePattern } from './graphql-operations.js';
import { camelCase, nameEndpoints, pascalCase, UniqueNames } from './names.js';

export interface NamedSchema {
  name: string;
  /** The model's schema with a description of what it is and where it was seen. */
  schema: JsonSchema;
  /**
   * Declared in types.ts only, not a component of openapi.json: a WebSocket message is no
   * request or response body, so nothing in OpenAPI 3.1 could reference it; the operation
   * carries it inline in `x-websocket` instead.
   */
  typesOnly?: boolean;
}

/** A named union of other catalog names (all the event kinds of one stream). */
export interface NamedUnion {
  name: string;
  description: string;
  members: string[];
  /** As `NamedSchema.typesOnly`. */
  typesOnly?: boolean;
}

/** Names for one model `Body`. */
export interface BodyNames {
  /** The body's schema (any kind but multipart and sse) or, for ndjson, the schema of one line. */
  schema?: string;
  /** One per `body.events` entry, in the same order. */
  events?: string[];
  /** The union of `events`. */
  eventUnion?: string;
}

export interface EndpointNames {
  base: string;
  operationId: string;
  /** Aligned with `endpoint.requestBodies`. */
  requestBodies: BodyNames[];
  /** Aligned with `endpoint.responses` and, within, with each response's `bodies`. */
  responses: BodyNames[][];
  /** Names in types.ts, and the schemas themselves (openapi.json holds them inline). */
  websocket?: { events: string[]; union: string; schemas: JsonSchema[] };
  /** Aligned with `endpoint.graphql`: each operation's request and (when every one has it) response. */
  graphql?: { request: string; response?: string }[];
}

export interface SchemaCatalog {
  endpoints: Map<string, EndpointNames>;
  schemas: NamedSchema[];
  unions: NamedUnion[];
}

/**
 * The catalog with names in quicktype's style, so the types file declares exactly these names.
 * quicktype is loaded only when there is something to name, and only when a name is not ASCII.
 */
export async function buildCatalog(model: ApiModel): Promise<{ catalog: SchemaCatalog; style: (name: string) => string }> {
  const plain = catalogSchemas(model);
  if (plain.schemas.length === 0) return { catalog: plain, style: (name) => name };
  const { built, style } = await withTypeNameStyle((style) => catalogSchemas(model, style));
  return { catalog: built, style };
}

/**
 * `build` (pure: it may run twice) with quicktype's type-name style, settled. Names of ASCII only
 * are styled without quicktype (`asciiTypeNameStyle`: its string module unpacks Unicode tables
 * when it loads); when `build` styles any other name, quicktype's own style is loaded and `build`
 * runs again with it. The style returned names later ones made from the built ones (suffixed:
 * `…Item`, `…Option1`), so after an ASCII-only build it refuses any other name rather than style
 * it differently.
 */
export async function withTypeNameStyle<T>(build: (style: (name: string) => string) => T): Promise<{ built: T; style: (name: string) => string }> {
  let other = false;
  const ascii = settledStyle((name) => {
    const styled = asciiTypeNameStyle(name);
    if (styled !== undefined) return styled;
    other = true;
    return name;
  });
  const built = build(ascii);
  if (!other)
    return {
      built,
      style: (name) => {
        if (asciiTypeNameStyle(name) === undefined) throw new Error(`type name ${JSON.stringify(name)} is not ASCII, unlike every name before it`);
        return ascii(name);
      },
    };
  const style = settledStyle(await quicktypeTypeNameStyle());
  return { built: build(style), style };
}

const MAX_STYLE_ROUNDS = 8;

/**
 * quicktype's name style is not idempotent (`A1bC2d` → `A1BC2D` → `A1Bc2D`) and quicktype
 * applies it to every name it is given, so a name styled once can come out of it changed. Applied
 * until it stops changing, a name comes back from quicktype as it went in.
 */
export function settledStyle(style: (name: string) => string): (name: string) => string {
  return (name) => {
    let current = name;
    for (let round = 0; round < MAX_STYLE_ROUNDS; round++) {
      const next = style(current);
      if (next === current) return current;
      current = next;
    }
    return current;
  };
}

/** `style` turns a candidate name into the declared one; it runs before uniqueness is checked. */
export function catalogSchemas(model: ApiModel, style: (name: string) => string = (name) => name): SchemaCatalog {
  const bases = nameEndpoints(model);
  const catalog = new CatalogBuilder(style);
  const endpoints = new Map<string, EndpointNames>();
  for (const endpoint of model.endpoints) endpoints.set(endpoint.key, nameEndpoint(endpoint, bases.get(endpoint.key)!, catalog));
  return { endpoints, schemas: catalog.schemas, unions: catalog.unions };
}

/** Collects named schemas and unions, keeping every name unique (`…2`, `…3` on a clash). */
class CatalogBuilder {
  readonly schemas: NamedSchema[] = [];
  readonly unions: NamedUnion[] = [];
  readonly #names: UniqueNames;
  readonly #style: (name: string) => string;

  constructor(style: (name: string) => string) {
    this.#style = style;
    this.#names = new UniqueNames([], style);
  }

  claim(candidate: string): string {
    return this.#names.claim(this.#style(candidate));
  }

  addSchema(name: string, schema: JsonSchema, description: string, typesOnly = false): string {
    const claimed = this.claim(name);
    this.schemas.push({ name: claimed, schema: describe(schema, description), ...(typesOnly ? { typesOnly } : {}) });
    return claimed;
  }

  addUnion(name: string, members: string[], description: string, typesOnly = false): string {
    const claimed = this.claim(name);
    this.unions.push({ name: claimed, description, members, ...(typesOnly ? { typesOnly } : {}) });
    return claimed;
  }

  schemaOf(name: string): JsonSchema {
    return this.schemas.find((s) => s.name === name)!.schema;
  }
}

function nameEndpoint(endpoint: Endpoint, base: string, catalog: CatalogBuilder): EndpointNames {
  const where = `\`${endpoint.method} ${endpoint.host}${endpoint.path}\``;
  const primary = primaryStatus(endpoint);
  // GraphQL JSON bodies are described per operation (below), not as one merged body.
  const operations = endpoint.graphql ?? [];
  const perOperation = (body: Body) => operations.length > 0 && body.kind === 'json' && body.mediaType === 'application/json';
  const responsesPerOperation = operations.length > 0 && operations.every((op) => op.response);
  const names: EndpointNames = {
    base,
    operationId: camelCase(base),
    requestBodies: nameBodies(
      endpoint.requestBodies,
      `${base}Request`,
      base,
      (body) => `request body of ${where} (${body.mediaType || body.kind})`,
      where,
      catalog,
      perOperation,
    ),
    responses: endpoint.responses.map((response) => {
      const prefix = response.status === primary ? `${base}Response` : `${base}Response${statusWord(response.status)}`;
      return nameBodies(
        response.bodies,
        prefix,
        response.status === primary ? base : prefix,
        (body) => `response body of ${where} with status ${response.status} (${body.mediaType || body.kind})`,
        where,
        catalog,
        (body) => responsesPerOperation && isSuccess(response) && perOperation(body),
      );
    }),
  };
  if (endpoint.websocket && endpoint.websocket.events.length > 0) {
    const events = endpoint.websocket.events.map((kind) =>
      catalog.addSchema(
        `${base}${eventWord(kind)}Message`,
        kind.schema ?? { type: 'string' },
        `WebSocket message ${eventLabel(kind)} on ${where}, seen ${kind.seen} time(s).`,
        true,
      ),
    );
    const union = catalog.addUnion(`${base}Message`, events, `Any WebSocket message seen on ${where}.`, true);
    names.websocket = { events, union, schemas: events.map((name) => catalog.schemaOf(name)) };
  }
  if (operations.length > 0) {
    names.graphql = operations.map((op) => {
      const word = pascalCase(op.name) || 'Anonymous';
      const what = `the GraphQL ${op.operation} \`${op.name}\` on ${where}, seen ${op.seen} time(s)`;
      const request = catalog.addSchema(`${base}${word}Request`, graphqlRequest(op), `Request body of ${what}.`);
      if (!responsesPerOperation) return { request };
      return { request, response: catalog.addSchema(`${base}${word}Response`, op.response!, `Response body (2xx) of ${what}.`) };
    });
  }
  return names;
}

/**
 * The body that asks for one operation: its name (when it has one), the query text, and its
 * variables as observed. Nothing is required: persisted queries send no query text, and an
 * operation named in the query text may be sent without `operationName`.
 */
function graphqlRequest(op: GraphqlOperation): JsonSchema {
  const named = op.name !== '(anonymous)';
  return {
    type: 'object',
    properties: {
      // The name as a pattern: an anchored literal tells the operations apart like a constant.
      ...(named ? { operationName: { type: 'string', pattern: `^${escapePattern(op.name)}$` } } : {}),
      query: { type: 'string' },
      variables: op.variables ?? { type: 'object', additionalProperties: {} },
    },
    required: [],
  };
}

function isSuccess(response: Response): boolean {
  return response.status >= 200 && response.status < 300;
}

/** Bodies with a schema are named `prefix` (then `prefix<Subtype>`); event streams name their events after `eventPrefix`. */
function nameBodies(
  bodies: readonly Body[],
  prefix: string,
  eventPrefix: string,
  what: (body: Body) => string,
  where: string,
  catalog: CatalogBuilder,
  described: (body: Body) => boolean = () => false,
): BodyNames[] {
  let named = 0;
  return bodies.map((body) => {
    if (described(body)) return {};
    if (body.kind === 'sse') return nameEvents(body, eventPrefix, where, catalog);
    // Multipart is described by its parts (content.ts): files are no JSON, so no type either.
    if (!body.schema || body.kind === 'multipart') return {};
    const name = named++ === 0 ? prefix : `${prefix}${pascalCase(subtype(body))}`;
    if (body.kind === 'ndjson')
      return {
        schema: catalog.addSchema(`${name}Line`, body.schema, `One line of the newline-delimited JSON ${what(body)}, inferred from ${samples(body)} line(s).`),
      };
    return { schema: catalog.addSchema(name, body.schema, `${capitalise(what(body))}, inferred from ${samples(body)} sample(s).`) };
  });
}

function nameEvents(body: Body, prefix: string, where: string, catalog: CatalogBuilder): BodyNames {
  const kinds = body.events ?? [];
  if (kinds.length === 0) return {};
  const events = kinds.map((kind) =>
    catalog.addSchema(
      `${prefix}${eventWord(kind)}Event`,
      kind.schema ?? { type: 'string' },
      `Server-sent event ${eventLabel(kind)} of ${where}, seen ${kind.seen} time(s).`,
    ),
  );
  return { events, eventUnion: catalog.addUnion(`${prefix}Event`, events, `Any server-sent event of ${where}.`) };
}

/** The status whose bodies get the plain `…Response` name: the first 2xx, else the first. */
function primaryStatus(endpoint: Endpoint): number | undefined {
  const success = (r: Response) => r.status >= 200 && r.status < 300;
  return (endpoint.responses.find(success) ?? endpoint.responses[0])?.status;
}

function statusWord(status: number): string {
  return status >= 0 ? String(status) : `Minus${-status}`;
}

/** `delta` → `Delta`; the default `message` event with a JSON `type` is named by the type. */
function eventWord(kind: EventKind): string {
  if (kind.type !== undefined && (kind.event === 'message' || kind.event === '')) return pascalCase(kind.type) || 'Message';
  return (pascalCase(kind.event) || 'Message') + (kind.type !== undefined ? pascalCase(kind.type) : '');
}

export function eventLabel(kind: EventKind): string {
  return kind.type !== undefined ? `\`${kind.event}\` with type \`${kind.type}\`` : `\`${kind.event}\``;
}

function subtype(body: Body): string {
  return body.mediaType.split('/')[1] || body.kind;
}

function samples(body: Body): number {
  const n = body.schema?.['x-samples'];
  return typeof n === 'number' ? n : body.seen;
}

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** The schema with our description first; a description the model already had is kept after it. */
function describe(schema: JsonSchema, description: string): JsonSchema {
  const open = openEmptyObjects(schema);
  return { ...open, description: schema.description ? `${description}\n\n${schema.description}` : description };
}

/**
 * Objects with neither properties nor `additionalProperties` (only ever seen empty, in a model
 * written before inference said so) take any keys: JSON Schema means that, but openapi-typescript
 * would declare `Record<string, never>`, and types.ts `{ [key: string]: unknown }`.
 */
function openEmptyObjects(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('object') && Object.keys(schema.properties ?? {}).length === 0 && schema.additionalProperties === undefined) out.additionalProperties = {};
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, openEmptyObjects(value)]));
  if (typeof schema.additionalProperties === 'object') out.additionalProperties = openEmptyObjects(schema.additionalProperties);
  if (schema.items) out.items = openEmptyObjects(schema.items);
  if (schema.anyOf) out.anyOf = schema.anyOf.map(openEmptyObjects);
  return out;
}
