/**
 * Path, query and header parameters of one operation. `required` comes from the evidence (seen
 * in every request); examples come only from the model, which holds redacted values, and a
 * header never gets one: header values are credentials and session state far too often.
 */
import type { AuthScheme, Endpoint, HeaderParam, JsonSchema, Param, PathParam } from '../../model.js';
import type { Parameter, SchemaObject } from './spec.js';

/**
 * Headers OpenAPI describes elsewhere (3.1 §4.8.12.1: `Accept`, `Content-Type` and
 * `Authorization` parameters are ignored) or that are cookies, described as security schemes.
 */
const NOT_PARAMETERS = new Set(['accept', 'content-type', 'authorization', 'cookie']);

export function operationParameters(endpoint: Endpoint): Parameter[] {
  return [...pathParameters(endpoint), ...queryParameters(endpoint), ...headerParameters(endpoint)];
}

/** One parameter per `{name}` in the template, in path order; the template is the truth. */
function pathParameters(endpoint: Endpoint): Parameter[] {
  const byName = new Map(endpoint.pathParams.map((p) => [p.name, p]));
  return templateNames(endpoint.path).map((name) => {
    const param = byName.get(name);
    if (!param) return { name, in: 'path', required: true, schema: { type: 'string' } };
    const schema = pathParamSchema(param);
    const parameter: Parameter = {
      name,
      in: 'path',
      description: `${param.pattern}; ${param.distinct} distinct value(s) seen.`,
      required: true,
      schema,
    };
    const example = param.example !== undefined ? typedExample(param.example, schema) : undefined;
    if (example !== undefined) parameter.example = example;
    parameter['x-kind'] = param.kind;
    parameter['x-distinct'] = param.distinct;
    return parameter;
  });
}

/** A `{name}` in a path template, a whole segment (`/{id}`) or part of one (`/{id}.jpg`). */
export const TEMPLATE_EXPRESSION = /\{([^{}/]+)\}/g;

/** The `{name}`s of a path template, in order. */
export function templateNames(path: string): string[] {
  return [...path.matchAll(TEMPLATE_EXPRESSION)].map((m) => m[1]!);
}

const KIND_FORMATS: Partial<Record<PathParam['kind'], string>> = { uuid: 'uuid', date: 'date', datetime: 'date-time', email: 'email' };

/** Digits enough to pass 2^53: such ids (Discord snowflakes) are strings, which every client holds exactly. */
const UNSAFE_DIGITS = 16;

function pathParamSchema(param: PathParam): JsonSchema {
  if (param.kind === 'integer') {
    const digits = param.example?.replace(/^-/, '').length ?? 0;
    if (digits < UNSAFE_DIGITS) return { type: 'integer' };
    return { type: 'string', pattern: '^-?[0-9]+$' };
  }
  const schema: JsonSchema = { type: 'string' };
  const format = KIND_FORMATS[param.kind];
  if (format) schema.format = format;
  // The model's regex is valid in Unicode mode too (normalise/segments.ts), as JSON Schema wants.
  if (param.regex !== undefined) schema.pattern = param.regex;
  return schema;
}

function queryParameters(endpoint: Endpoint): Parameter[] {
  const covered = coveredBySecurity(endpoint.auth, 'query');
  return endpoint.queryParams.filter((p) => !covered.has(p.name)).map((p) => evidenceParameter(p, 'query', true));
}

function headerParameters(endpoint: Endpoint): Parameter[] {
  const covered = coveredBySecurity(endpoint.auth, 'header');
  return endpoint.headers.filter((h) => !NOT_PARAMETERS.has(h.name) && !covered.has(h.name)).map((h) => evidenceParameter(h, 'header', false));
}

function coveredBySecurity(auth: readonly AuthScheme[], where: AuthScheme['in']): Set<string> {
  return new Set(auth.filter((a) => a.in === where).map((a) => a.name.toLowerCase()));
}

function evidenceParameter(param: Param | HeaderParam, where: 'query' | 'header', withExample: boolean): Parameter {
  const parameter: Parameter = {
    name: param.name,
    in: where,
    description: `Seen in ${param.seen} of ${param.of} request(s).`,
    schema: param.schema,
  };
  if (param.required) parameter.required = true;
  // Values seen empty (`?q=`) or holding reserved characters (`?select=*,id`) are valid: say so.
  if (where === 'query' && param.emptyValue) parameter.allowEmptyValue = true;
  if (where === 'query' && param.reservedCharacters) parameter.allowReserved = true;
  const example = withExample && param.example !== undefined ? typedExample(param.example, param.schema) : undefined;
  if (example !== undefined) parameter.example = example;
  parameter['x-seen'] = param.seen;
  parameter['x-of'] = param.of;
  return parameter;
}

/** An observed string as a value of the schema's type; undefined when it does not fit. */
export function typedExample(value: string, schema: SchemaObject): string | number | boolean | undefined {
  const type = 'type' in schema ? schema.type : undefined;
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  if (types.includes('string') || types.length === 0) return value;
  if ((types.includes('integer') && /^-?\d{1,15}$/.test(value)) || (types.includes('number') && /^-?\d{1,15}(?:\.\d{1,15})?$/.test(value)))
    return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return undefined;
}
