/**
 * A model written by `--format json`, read back as one side of a diff (an input, like a capture:
 * read at the edge, before `diffModels` sees it). The model is plain JSON,
 * so a file from another version, or edited by hand, is checked for the structure `diff` walks
 * before anything reads it: a wrong file is one clear `E_MODEL` error, never a crash halfway.
 */
import { Har2ApiError } from '../errors.js';
import { describeJsonError } from '../ingest/har-file.js';
import { type ApiModel, MODEL_VERSION } from '../model.js';

/** A model file starts with its version (that is how `--format json` writes it). */
export function looksLikeModel(text: string): boolean {
  return /^\s*\{\s*"modelVersion"\s*:/.test(text.slice(0, 256));
}

/** A HAR starts with `log`, almost always; anything else is parsed to find out. */
export function looksLikeHar(text: string): boolean {
  return /^\s*\{\s*"log"\s*:/.test(text.slice(0, 256));
}

export function parseModel(text: string, label: string): ApiModel {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Never V8's message: it quotes bytes of the file.
    throw new Har2ApiError('E_JSON', describeJsonError((error as Error).message, text, 'model'), label);
  }
  return checkModel(value, label);
}

/** `value` as a model, or an `E_MODEL` error naming the first thing that is wrong. */
export function checkModel(value: unknown, label: string): ApiModel {
  if (!isRecord(value) || !('modelVersion' in value)) throw new Har2ApiError('E_MODEL', 'JSON but not a har2api model (no modelVersion)', label);
  if (value.modelVersion !== MODEL_VERSION) {
    throw new Har2ApiError(
      'E_MODEL',
      `model version ${JSON.stringify(value.modelVersion)} is not supported (this har2api reads version ${MODEL_VERSION}); regenerate it from the captures with --format json`,
      label,
    );
  }
  const problem = modelProblem(value);
  if (problem) throw new Har2ApiError('E_MODEL', `not a valid har2api model: ${problem}`, label);
  // Models saved before links were recorded read as having none.
  return (Array.isArray(value.links) ? value : { ...value, links: [] }) as unknown as ApiModel;
}

function modelProblem(model: Record<string, unknown>): string | null {
  if (!Array.isArray(model.sources) || !model.sources.every((s) => isRecord(s) && typeof s.file === 'string')) return '/sources must list files';
  if (!isRecord(model.window)) return '/window must be an object';
  if (!Array.isArray(model.endpoints)) return '/endpoints must be an array';
  if (model.links !== undefined && !Array.isArray(model.links)) return '/links must be an array';
  for (const [i, endpoint] of model.endpoints.entries()) {
    const problem = endpointProblem(endpoint);
    if (problem) return `/endpoints/${i}${problem}`;
  }
  return null;
}

function endpointProblem(e: unknown): string | null {
  if (!isRecord(e)) return ' must be an object';
  for (const field of ['key', 'method', 'host', 'path']) if (typeof e[field] !== 'string') return `/${field} must be a string`;
  if (typeof e.observed !== 'number') return '/observed must be a number';
  for (const field of ['pathParams', 'queryParams', 'headers', 'auth', 'requestBodies', 'responses'])
    if (!Array.isArray(e[field])) return `/${field} must be an array`;
  const arrays = e as Record<string, unknown[]>;
  for (const [i, p] of arrays.pathParams!.entries())
    if (!isRecord(p) || typeof p.name !== 'string' || typeof p.pattern !== 'string' || typeof p.position !== 'number')
      return `/pathParams/${i} must have name, position and pattern`;
  for (const field of ['queryParams', 'headers']) {
    for (const [i, p] of arrays[field]!.entries()) {
      if (!isRecord(p) || typeof p.name !== 'string' || typeof p.required !== 'boolean') return `/${field}/${i} must have name and required`;
      const problem = schemaProblem(p.schema, 0);
      if (problem) return `/${field}/${i}/schema${problem}`;
    }
  }
  for (const [i, a] of arrays.auth!.entries())
    if (!isRecord(a) || typeof a.type !== 'string' || typeof a.name !== 'string') return `/auth/${i} must have type and name`;
  for (const [i, body] of arrays.requestBodies!.entries()) {
    const problem = bodyProblem(body);
    if (problem) return `/requestBodies/${i}${problem}`;
  }
  for (const [i, r] of arrays.responses!.entries()) {
    if (!isRecord(r) || typeof r.status !== 'number' || !Array.isArray(r.bodies)) return `/responses/${i} must have status and bodies`;
    for (const [j, body] of r.bodies.entries()) {
      const problem = bodyProblem(body);
      if (problem) return `/responses/${i}/bodies/${j}${problem}`;
    }
  }
  if (e.graphql !== undefined) {
    if (!Array.isArray(e.graphql)) return '/graphql must be an array';
    for (const [i, op] of e.graphql.entries()) {
      if (!isRecord(op) || typeof op.name !== 'string') return `/graphql/${i} must have a name`;
      const problem = op.variables === undefined ? null : schemaProblem(op.variables, 0);
      if (problem) return `/graphql/${i}/variables${problem}`;
    }
  }
  if (e.websocket !== undefined) {
    if (!isRecord(e.websocket)) return '/websocket must be an object';
    const problem = eventsProblem(e.websocket.events);
    if (problem) return `/websocket${problem}`;
  }
  return null;
}

function bodyProblem(body: unknown): string | null {
  if (!isRecord(body) || typeof body.mediaType !== 'string' || typeof body.kind !== 'string' || typeof body.seen !== 'number')
    return ' must have mediaType, kind and seen';
  if (body.schema !== undefined) {
    const problem = schemaProblem(body.schema, 0);
    if (problem) return `/schema${problem}`;
  }
  if (
    body.parts !== undefined &&
    !(Array.isArray(body.parts) && body.parts.every((p) => isRecord(p) && typeof p.name === 'string' && typeof p.seen === 'number'))
  )
    return '/parts must list named parts';
  if (body.sentinels !== undefined && !(Array.isArray(body.sentinels) && body.sentinels.every((s) => typeof s === 'string')))
    return '/sentinels must be strings';
  if (body.events !== undefined) {
    const problem = eventsProblem(body.events);
    if (problem) return problem;
  }
  return null;
}

function eventsProblem(events: unknown): string | null {
  if (!Array.isArray(events)) return '/events must be an array';
  for (const [i, event] of events.entries()) {
    if (!isRecord(event) || typeof event.event !== 'string' || typeof event.seen !== 'number') return `/events/${i} must have event and seen`;
    const problem = event.schema === undefined ? null : schemaProblem(event.schema, 0);
    if (problem) return `/events/${i}/schema${problem}`;
  }
  return null;
}

const MAX_SCHEMA_DEPTH = 256;

function schemaProblem(schema: unknown, depth: number): string | null {
  if (!isRecord(schema)) return ' must be an object';
  if (depth > MAX_SCHEMA_DEPTH) return ' is nested too deeply';
  const { type, properties, required, additionalProperties, items, anyOf, enum: values, format } = schema;
  if (type !== undefined && typeof type !== 'string' && !(Array.isArray(type) && type.every((t) => typeof t === 'string')))
    return '/type must be a string or strings';
  if (required !== undefined && !(Array.isArray(required) && required.every((r) => typeof r === 'string'))) return '/required must be strings';
  if (values !== undefined && !Array.isArray(values)) return '/enum must be an array';
  if (format !== undefined && typeof format !== 'string') return '/format must be a string';
  if (properties !== undefined) {
    if (!isRecord(properties)) return '/properties must be an object';
    for (const key of Object.keys(properties)) {
      const problem = schemaProblem(properties[key], depth + 1);
      if (problem) return `/properties/${key}${problem}`;
    }
  }
  if (additionalProperties !== undefined && typeof additionalProperties !== 'boolean') {
    const problem = schemaProblem(additionalProperties, depth + 1);
    if (problem) return `/additionalProperties${problem}`;
  }
  if (items !== undefined) {
    const problem = schemaProblem(items, depth + 1);
    if (problem) return `/items${problem}`;
  }
  if (anyOf !== undefined) {
    if (!Array.isArray(anyOf)) return '/anyOf must be an array';
    for (const [i, option] of anyOf.entries()) {
      const problem = schemaProblem(option, depth + 1);
      if (problem) return `/anyOf/${i}${problem}`;
    }
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
