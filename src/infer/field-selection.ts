/**
 * Endpoints whose client picks the response fields: PostgREST and Supabase (`?select=id,name`),
 * OData (`$select`), Google APIs and JSON:API sparse fieldsets (`fields`, `fields[articles]`),
 * WordPress (`_fields`). What their responses hold follows the request, so a field present in
 * every response observed says only what those requests asked for: such responses keep their
 * fields and types, but none is required.
 */
import type { Body, JsonSchema, Param } from '../model.js';

const FIELD_SELECTION = /^(?:\$?select|_?fields(?:\[[^\]]*\])?)$/i;

/** Whether some request chose the response's fields with a query parameter. */
export function selectsFields(queryParams: readonly Param[]): boolean {
  return queryParams.some((param) => FIELD_SELECTION.test(param.name));
}

/** The bodies with no field required anywhere in their schemas. */
export function withoutRequiredFields(bodies: readonly Body[]): Body[] {
  return bodies.map((body) => (body.schema ? { ...body, schema: optionalFields(body.schema) } : body));
}

function optionalFields(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  if (schema.required?.length) out.required = [];
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, optionalFields(value)]));
  if (typeof schema.additionalProperties === 'object') out.additionalProperties = optionalFields(schema.additionalProperties);
  if (schema.items) out.items = optionalFields(schema.items);
  if (schema.anyOf) out.anyOf = schema.anyOf.map(optionalFields);
  return out;
}
