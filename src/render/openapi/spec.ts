/**
 * The subset of OpenAPI 3.1 objects this renderer writes, as plain JSON-serialisable types.
 * Property order in the objects we build is the order they are written in.
 */
import type { JsonSchema } from '../../model.js';

/** Specification extensions (`x-…`) carry the capture's evidence: counts, sizes, event kinds. */
export type Extensions = { [key: `x-${string}`]: unknown };

export interface Reference {
  $ref: string;
}

/**
 * Text whose content has its own structure (JSON Schema 2020-12 `contentMediaType` and
 * `contentSchema`): an event stream whose events, or NDJSON whose lines, match `contentSchema`.
 */
export interface ContentString {
  type?: 'string';
  description?: string;
  contentMediaType: string;
  contentSchema?: Reference;
  format?: 'binary';
}

/** A JSON Schema 2020-12 schema as OpenAPI 3.1 takes it, possibly referring to a component. */
export type SchemaObject = JsonSchema | Reference | (Omit<JsonSchema, 'anyOf'> & { anyOf: SchemaObject[] }) | ContentString;

export interface OpenApiDocument extends Extensions {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string };
  servers?: Server[];
  tags?: Tag[];
  paths: Record<string, PathItem>;
  components: { schemas?: Record<string, SchemaObject>; securitySchemes?: Record<string, SecurityScheme> };
}

export interface Tag {
  name: string;
  description?: string;
}

export interface Server {
  url: string;
  description?: string;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItem = { [method in HttpMethod]?: Operation } & Extensions;

export interface Operation extends Extensions {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  servers?: Server[];
  parameters?: Parameter[];
  requestBody?: RequestBody;
  responses: Record<string, ResponseObject>;
  security?: Record<string, string[]>[];
}

export interface Parameter extends Extensions {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  description?: string;
  required?: boolean;
  allowEmptyValue?: boolean;
  allowReserved?: boolean;
  schema: SchemaObject;
  example?: unknown;
}

export interface RequestBody extends Extensions {
  description?: string;
  required?: boolean;
  content: Record<string, MediaType>;
}

export interface ResponseObject extends Extensions {
  description: string;
  headers?: Record<string, HeaderObject>;
  content?: Record<string, MediaType>;
}

export interface HeaderObject extends Extensions {
  description?: string;
  schema: SchemaObject;
  example?: unknown;
}

export interface MediaType extends Extensions {
  schema?: SchemaObject;
  example?: unknown;
  encoding?: Record<string, { contentType: string }>;
}

export type SecurityScheme =
  | { type: 'http'; scheme: 'bearer' | 'basic'; bearerFormat?: string; description?: string }
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string; description?: string };

export function schemaRef(name: string): Reference {
  return { $ref: `#/components/schemas/${name}` };
}
