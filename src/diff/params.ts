/**
 * Path parameters, query parameters, notable request headers and auth schemes of one endpoint
 * pair. Query parameters and headers are compared as the fields of one object (name → schema,
 * required = sent in every request), so they get the same rules as body fields.
 */
import type { AuthScheme, Endpoint, JsonSchema, Param } from '../model.js';
import type { Found } from './found.js';
import { foundFields } from './found.js';
import { diffSchemas } from './schema.js';

/** Identifier shapes strict enough that a switch between them is a real change of id format. */
const STRICT_ID_KINDS = new Set(['integer', 'uuid', 'ulid', 'objectid', 'date', 'datetime', 'email']);

export function diffPathParams(before: Endpoint, after: Endpoint): Found[] {
  const found: Found[] = [];
  const byPosition = new Map(before.pathParams.map((p) => [p.position, p]));
  for (const param of after.pathParams) {
    const old = byPosition.get(param.position);
    if (!old) continue; // A literal segment on one side: reported as a path change of the endpoint.
    if (old.name !== param.name)
      found.push({ area: 'path-parameter', kind: 'renamed', level: 'info', location: 'path', subject: param.name, old: old.name, new: param.name });
    if (old.pattern !== param.pattern) {
      const strict = STRICT_ID_KINDS.has(old.kind) && STRICT_ID_KINDS.has(param.kind) && old.kind !== param.kind;
      found.push({
        area: 'path-parameter',
        kind: 'format-changed',
        level: strict ? 'warning' : 'info',
        location: 'path',
        subject: param.name,
        old: old.pattern,
        new: param.pattern,
      });
    }
  }
  return found;
}

export function diffQueryParams(before: Endpoint, after: Endpoint): Found[] {
  return foundFields(
    diffSchemas(paramsSchema(before.queryParams, before.observed), paramsSchema(after.queryParams, after.observed), 'request'),
    'query-parameter',
    'query',
  ).filter((f) => f.subject !== '');
}

export function diffHeaders(before: Endpoint, after: Endpoint): Found[] {
  // Content-Type follows the request body, and a credential header its auth scheme: each is compared there.
  const credentials = new Set([...before.auth, ...after.auth].filter((a) => a.in === 'header').map((a) => a.name));
  const notable = (e: Endpoint) => e.headers.filter((h) => h.kind !== 'content' && !credentials.has(h.name));
  return foundFields(
    diffSchemas(paramsSchema(notable(before), before.observed), paramsSchema(notable(after), after.observed), 'request'),
    'header',
    'request headers',
  ).filter((f) => f.subject !== '');
}

export function diffAuth(before: Endpoint, after: Endpoint): Found[] {
  const key = (a: AuthScheme) => `${a.type} ${a.in} ${a.name}`;
  const oldKeys = new Set(before.auth.map(key));
  const newKeys = new Set(after.auth.map(key));
  const found: Found[] = [];
  for (const scheme of after.auth) {
    // Requests now carry a credential they did not before: the API may now require it.
    if (!oldKeys.has(key(scheme))) found.push({ area: 'auth', kind: 'added', level: 'warning', location: 'auth', subject: key(scheme) });
  }
  for (const scheme of before.auth) {
    if (!newKeys.has(key(scheme))) found.push({ area: 'auth', kind: 'removed', level: 'non-breaking', location: 'auth', subject: key(scheme) });
  }
  return found;
}

/** Parameters as the properties of one object schema, with the request count as its samples. */
function paramsSchema(params: readonly Param[], observed: number): JsonSchema {
  const properties: Record<string, JsonSchema> = Object.create(null) as Record<string, JsonSchema>;
  for (const param of params) properties[param.name] = param.schema;
  // Closed: every parameter the requests carried is listed, so none at all is a fact, not a gap.
  return { type: 'object', properties, required: params.filter((p) => p.required).map((p) => p.name), additionalProperties: false, 'x-samples': observed };
}
