/**
 * GraphQL over HTTP: one `POST /graphql` carries many operations, so the endpoint lists them by
 * name with their kind (query, mutation, subscription) and the schema of their variables. A
 * request is GraphQL when its JSON body is `{query, operationName?, variables?}` (or a batch of
 * them, or a persisted query naming only `operationName`/`extensions`); GET requests name their
 * operation in the query string. Variables are read from JSON bodies only: in a query string
 * they are one opaque value to redaction, so their fields are never shown.
 */
import type { Exchange, Json, NameValue } from '../exchange.js';
import type { GraphqlOperation, JsonSchema } from '../model.js';
import { detachText } from './detach-text.js';
import type { Gate } from './gate.js';
import { JsonObserver } from './observe-json.js';
import type { SchemaRunner } from './quicktype.js';
import { inferObservedSchema } from './schema.js';

interface Call {
  name: string;
  operation: GraphqlOperation['operation'];
  variables?: Json;
}

/**
 * The operations of an endpoint's exchanges, one exchange at a time. Per operation name only its
 * kind, a count and a JSON observer of its variables are kept (observe-json.ts).
 */
export class GraphqlAccumulator {
  private readonly byName = new Map<string, Entry>();

  /** `schemaRunner`: where the variables' and responses' schemas are inferred (the run's; absent: in this thread). */
  constructor(
    private readonly gate: Gate,
    private readonly schemaRunner?: SchemaRunner,
  ) {}

  add(exchange: Exchange): void {
    const content = exchange.request.body?.content;
    let single: Entry | null = null;
    if (content?.kind === 'json') {
      if (Array.isArray(content.value)) for (const request of content.value) this.count(callFromBody(request));
      else single = this.count(callFromBody(content.value));
    } else if (exchange.method === 'GET') single = this.count(callFromQuery(exchange.url.query));
    // A batch's answers are one array for several operations: only a single call's answer is its operation's.
    const { status, body } = exchange.response;
    if (single !== null && status >= 200 && status <= 299 && body?.content.kind === 'json') (single.responses ??= new JsonObserver()).add(body.content.value);
  }

  /** Undefined when no exchange was a GraphQL call. */
  async finish(): Promise<GraphqlOperation[] | undefined> {
    if (this.byName.size === 0) return undefined;
    const operations: GraphqlOperation[] = [];
    // The name is judged as the body sends it, beside `query` and `variables`.
    const shown = [...this.byName.keys()].map((name) => ({
      name,
      shown: String(this.gate.jsonLeaf(name, 'request.body', ['operationName'], { query: null, variables: null })),
    }));
    for (const { name, shown: shownName } of shown.sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0))) {
      const entry = this.byName.get(name)!;
      const operation: GraphqlOperation = { name: shownName, operation: entry.operation, seen: entry.seen };
      if (entry.variables) {
        const at = { gate: this.gate, place: 'request.body', keyPath: ['variables'], maxChars: 1500, maxLines: 40, schemaRunner: this.schemaRunner };
        const { schema, example } = await inferObservedSchema(entry.variables, at);
        operation.variables = schema;
        operation.example = example;
      }
      if (entry.responses)
        operation.response = requireRootFields(
          (await inferObservedSchema(entry.responses, { gate: this.gate, place: 'response.body', schemaRunner: this.schemaRunner })).schema,
        );
      operations.push(operation);
    }
    return operations;
  }

  private count(call: Call | null): Entry | null {
    if (call === null) return null;
    let entry = this.byName.get(call.name);
    if (!entry) this.byName.set(detachText(call.name), (entry = { operation: call.operation, seen: 0, variables: null, responses: null }));
    entry.seen++;
    if (entry.operation === 'unknown') entry.operation = call.operation;
    if (call.variables !== undefined && call.variables !== null) (entry.variables ??= new JsonObserver()).add(call.variables);
    return entry;
  }
}

/**
 * An operation's `data` holds every root field its query selects, on every execution (a field
 * that failed is `null`, not missing: GraphQL spec §6.3), so root fields seen in every `data`
 * are required from the first sample on, unlike fields of a REST body.
 */
function requireRootFields(schema: JsonSchema): JsonSchema {
  const data = schema.properties?.data;
  const samples = data?.['x-samples'];
  if (!data?.properties || typeof samples !== 'number' || samples === 0) return schema;
  const required = Object.entries(data.properties)
    .filter(([, field]) => field['x-seen'] === samples)
    .map(([key]) => key);
  return { ...schema, properties: { ...schema.properties, data: { ...data, required } } };
}

/** Per operation name: its kind, a count, and observers of its variables and of its answers. */
interface Entry {
  operation: GraphqlOperation['operation'];
  seen: number;
  variables: JsonObserver | null;
  responses: JsonObserver | null;
}

/** A GET names its operation in the query string; its variables are never read (see above). */
function callFromQuery(params: readonly NameValue[]): Call | null {
  const query = params.find((q) => q.name === 'query')?.value;
  const operationName = params.find((q) => q.name === 'operationName')?.value;
  const hasPersisted = params.some((q) => q.name === 'extensions');
  return (query !== undefined && looksLikeGraphql(query)) || (operationName && hasPersisted) ? call(operationName, query) : null;
}

function callFromBody(request: Json): Call | null {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) return null;
  const query = typeof request.query === 'string' ? request.query : undefined;
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
  const persisted = request.extensions !== null && typeof request.extensions === 'object' && 'persistedQuery' in request.extensions;
  if (!(query !== undefined && looksLikeGraphql(query)) && !(operationName && (persisted || 'variables' in request))) return null;
  const found = call(operationName, query);
  return request.variables === undefined ? found : { ...found, variables: request.variables };
}

function call(operationName: string | undefined, query: string | undefined): Call {
  const parsed = query === undefined ? null : readOperation(query, operationName);
  return { name: operationName || parsed?.name || '(anonymous)', operation: parsed?.operation ?? 'unknown' };
}

const OPERATION = /^(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/;

/**
 * The kind and name of the operation in a query document: the one named `operationName`, else
 * the first. A document starting with `{` is an anonymous query. Comments and fragments before
 * it are skipped.
 */
function readOperation(query: string, operationName: string | undefined): { operation: GraphqlOperation['operation']; name?: string } | null {
  let first: { operation: GraphqlOperation['operation']; name?: string } | null = null;
  for (const definition of topLevelDefinitions(query)) {
    if (definition.startsWith('{')) {
      first ??= { operation: 'query' };
      continue;
    }
    const match = OPERATION.exec(definition);
    if (!match) continue;
    const found = { operation: match[1] as 'query' | 'mutation' | 'subscription', ...(match[2] ? { name: match[2] } : {}) };
    if (operationName !== undefined && found.name === operationName) return found;
    first ??= found;
  }
  return first;
}

/** The text at the start of each top-level definition (depth 0 of braces), comments removed. */
function* topLevelDefinitions(query: string): Generator<string> {
  let depth = 0;
  let start = -1;
  for (let i = 0; i < query.length; i++) {
    const c = query.charCodeAt(i);
    if (c === 35 /* # */) {
      const end = query.indexOf('\n', i);
      if (end === -1) break;
      i = end;
      continue;
    }
    if (c === 34 /* " */) {
      i = skipString(query, i);
      continue;
    }
    if (depth === 0 && start === -1 && c > 32 && c !== 44 /* , */) start = i;
    if (c === 123 /* { */) {
      if (depth === 0 && start !== -1) {
        yield query.slice(start, Math.min(i + 1, start + 300)).trim();
        start = -1;
      }
      depth++;
    } else if (c === 125 /* } */) depth = Math.max(0, depth - 1);
  }
}

function skipString(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 34) return i;
  }
  return text.length;
}

function looksLikeGraphql(query: string): boolean {
  const head = query.trimStart();
  return head.startsWith('{') || head.startsWith('#') || /^(?:query|mutation|subscription|fragment)\b/.test(head);
}
