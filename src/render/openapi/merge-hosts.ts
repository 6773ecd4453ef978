/**
 * One OpenAPI path item can hold one operation per method, but a capture often has the same
 * method and path on two hosts (`POST /collect` on two analytics hosts). Such endpoints become
 * one operation with both hosts in `servers`: parameters are required only where every host
 * required them, and bodies whose schemas differ become `anyOf` (each still has its own named
 * schema, and its own type in types.ts).
 */
import { mergeContent, mergeResponses } from './operation.js';
import type { Operation, Parameter, SchemaObject } from './spec.js';

export function mergeOperations(a: Operation, b: Operation): Operation {
  // One overlay note on the shared operation reaches both endpoints: said once.
  const description = a.description === b.description ? (a.description ?? '') : `${a.description ?? ''}\n\n${b.description ?? ''}`.trim();
  const merged: Operation = { ...a, description };
  merged.servers = [...(a.servers ?? []), ...(b.servers ?? [])];
  const tags = [...new Set([...(a.tags ?? []), ...(b.tags ?? [])])];
  if (tags.length > 0) merged.tags = tags;
  const parameters = mergeParameters(a.parameters ?? [], b.parameters ?? []);
  if (parameters.length > 0) merged.parameters = parameters;
  if (a.requestBody || b.requestBody) {
    merged.requestBody = {
      ...(a.requestBody ?? b.requestBody)!,
      content: mergeContent(a.requestBody?.content, b.requestBody?.content) ?? {},
    };
    if (!(a.requestBody?.required && b.requestBody?.required)) delete merged.requestBody.required;
  }
  merged.responses = { ...a.responses };
  for (const [status, response] of Object.entries(b.responses)) {
    const existing = merged.responses[status];
    merged.responses[status] = existing ? mergeResponses(existing, response) : response;
  }
  const security = [...(a.security ?? []), ...(b.security ?? [])].filter((s, i, all) => all.findIndex((t) => JSON.stringify(t) === JSON.stringify(s)) === i);
  if (security.length > 0) merged.security = security;
  merged['x-endpoint'] = [a['x-endpoint'], b['x-endpoint']].flat();
  merged['x-observed'] = ((a['x-observed'] as number) ?? 0) + ((b['x-observed'] as number) ?? 0);
  return merged;
}

function mergeParameters(a: readonly Parameter[], b: readonly Parameter[]): Parameter[] {
  const key = (p: Parameter) => `${p.in}\u0000${p.name.toLowerCase()}`;
  const fromB = new Map(b.map((p) => [key(p), p]));
  const merged: Parameter[] = a.map((p) => {
    const other = fromB.get(key(p));
    fromB.delete(key(p));
    if (!other) return optional(p);
    const both: Parameter = { ...p, schema: eitherSchema(p.schema, other.schema) };
    if (!(p.required && other.required)) delete both.required;
    return both;
  });
  return [...merged, ...[...fromB.values()].map(optional)];
}

function optional(p: Parameter): Parameter {
  if (p.in === 'path') return p;
  const copy = { ...p };
  delete copy.required;
  return copy;
}

function eitherSchema(a: SchemaObject, b: SchemaObject): SchemaObject {
  return JSON.stringify(a) === JSON.stringify(b) ? a : ({ anyOf: [a, b] } as SchemaObject);
}
