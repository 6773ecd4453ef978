/**
 * The one model. `ApiModel` is what the pipeline produces and the only thing renderers and
 * `diff` read: plain, versioned, JSON-serialisable data (no classes, no Maps, no undefined in
 * arrays), so `--format json` writes it as is and `diff` can load a saved one.
 *
 * Every array is sorted deterministically by the stage that builds it; every value in it has
 * already been through redaction.
 */

export const MODEL_VERSION = 1 as const;

declare const SHOWN: unique symbol;

/**
 * Text that holds (or was made from) captured values: an example, an enum member. Only the
 * redaction gate (src/infer/gate.ts) makes one, after redacting the value with its context, so a
 * raw value cannot reach a field of this type without the compiler saying so. Reading it is
 * reading a string.
 */
export type Shown = string & { readonly [SHOWN]: true };

/** A scalar as the model shows it: numbers and booleans are kept, strings come from the gate. */
export type ShownScalar = Shown | number | boolean | null;

export interface ApiModel {
  modelVersion: typeof MODEL_VERSION;
  title: string;
  /** The captures the model was built from, in the order given. */
  sources: Source[];
  /** First and last `startedDateTime` over the entries used: the capture's own clock. */
  window: CaptureWindow;
  hosts: Host[];
  /** Sorted by method, then host, then path. */
  endpoints: Endpoint[];
  traffic: TrafficSummary;
  redaction: RedactionSummary;
  /**
   * Values a request sent that first appeared in an earlier response of the capture (flows.ts
   * matches raw values; only names and counts are kept). Sorted by consumer, input, producer.
   */
  links: Link[];
}

export interface Source {
  /** The file name as given (no directories), or `-` for stdin. */
  file: string;
  creator: string | null;
  harVersion: string | null;
  entries: number;
}

export interface CaptureWindow {
  start: string | null;
  end: string | null;
}

export interface Host {
  /** Host name with a non-default port, lower case: `api.example.com`, `localhost:8080`. */
  name: string;
  schemes: string[];
  /** The detected API root shared by this host's endpoints (`/backend-api`), `` if none. */
  apiRoot: string;
  endpoints: number;
  observed: number;
  /** Where requests go: scheme, host and API root, `https://chatgpt.com/backend-api`. */
  baseUrl: string;
  /** The credentials this host's requests carried, where they came from and who needs which. */
  auth: HostAuth;
}

/**
 * Authentication of one host, from the per-endpoint `auth` lists and what the capture showed
 * about each credential (never a value): who issued it, a JWT's claim names and lifetime.
 */
export interface HostAuth {
  /** Sorted by type, then name. */
  credentials: Credential[];
  /** Request headers that echo a cookie (anti-CSRF double submit), by header name. */
  csrf: CsrfPair[];
  /**
   * Credentials sent together on every request of an endpoint form one requirement; each lists
   * its endpoints (keys). Sorted by the number of endpoints, descending, then credentials.
   */
  requirements: HostRequirement[];
}

export interface Credential {
  type: AuthScheme['type'];
  in: AuthScheme['in'];
  /** Header, query or cookie name as sent (`authorization`, `__Secure-next-auth.session-token`). */
  name: string;
  /** Shell variable the curl examples read it from: `BEARER_TOKEN`. */
  variable: string;
  /** Requests that carried it, and on how many endpoints. */
  seen: number;
  endpoints: number;
  /** When the value was a JWT: its claim names (sorted) and `exp - iat` in seconds. */
  jwt?: { claims: string[]; lifetime?: { min: number; max: number } };
  /** Responses that handed the value out (a body field, a header, a `Set-Cookie` name). */
  issuedBy: Issuer[];
}

export interface Issuer {
  /** Endpoint key of the response. */
  endpoint: string;
  /** `set-cookie` (the cookie of that name was set), `body` (a JSON field), `header`. */
  via: 'set-cookie' | 'body' | 'header';
  /** Cookie name, JSON field path or header name. */
  name: string;
  /** Times it was handed out. */
  seen: number;
}

export interface CsrfPair {
  header: string;
  cookie: string;
  /** Requests where the header carried exactly the cookie's value. */
  seen: number;
}

/** One set of credentials sent together (an endpoint's `authRequirements` entry) and the endpoints that sent it. */
export interface HostRequirement {
  /** `in name` of each credential (`header authorization`, `cookie sid`), sorted; empty: requests that sent none. */
  credentials: string[];
  /** Endpoint keys, in model order. */
  endpoints: string[];
}

/** Where a request value goes or where a response value came from. */
export interface LinkEnd {
  /** Endpoint key. */
  endpoint: string;
  /** Requests: `path`, `query`, `header`, `cookie`, `body`; responses: `body`, `header`, `cookie` (Set-Cookie). */
  in: 'path' | 'query' | 'header' | 'cookie' | 'body';
  /** Parameter, header or cookie name, or a JSON field path (`items[].id`). */
  name: string;
}

export interface Link {
  from: LinkEnd;
  to: LinkEnd;
  /** Requests of `to.endpoint` whose `to.name` carried a value this producer gave first. */
  seen: number;
  /** Requests of `to.endpoint` whose `to.name` carried a distinctive value at all. */
  of: number;
}

export interface Endpoint {
  /** Stable identity across captures: `METHOD host path`. */
  key: string;
  method: string;
  host: string;
  /** Path template: `/backend-api/conversation/{conversation_id}`. */
  path: string;
  observed: number;
  /** How many responses per status code, e.g. `{ "200": 3, "404": 1 }`. */
  statusCounts: Record<string, number>;
  pathParams: PathParam[];
  queryParams: Param[];
  /** Notable request headers: auth, custom `x-` headers, content type. Values are redacted. */
  headers: HeaderParam[];
  /** Every credential seen on the endpoint's requests (infer/params.ts, normalise/credentials.ts). */
  auth: AuthScheme[];
  /**
   * How the credentials in `auth` were sent: each requirement is one set sent together on a
   * request (all are needed: AND); several requirements are alternatives (OR). Requests that
   * sent none are `observed` minus the sum of `seen`. Sorted by `seen`, most first. Absent in
   * models saved before it was recorded: then every scheme reads as an alternative.
   */
  authRequirements?: AuthRequirement[];
  /**
   * Request bodies, one per media type and kind (a JSON media type whose bodies sometimes failed
   * to parse gives a `json` and a `text` one), sorted by media type, then kind.
   */
  requestBodies: Body[];
  /** One per status code, ascending. */
  responses: Response[];
  /** GraphQL operations seen on this endpoint (a single `POST /graphql`), by name. */
  graphql?: GraphqlOperation[];
  /** The resource the endpoint belongs to (first meaningful path segment after the API root). */
  resource: string;
  /** One real request, redacted, to build runnable examples from (the first successful one). */
  example?: RequestExample;
  /** WebSocket messages exchanged on this endpoint (`_webSocketMessages`). */
  websocket?: MessageStream;
  /** Words a person added with an overlay (`--overlay`); never from a capture. */
  notes?: EndpointNotes;
}

/**
 * What an OpenAPI Overlay said about an endpoint's operation: written by a person, not observed,
 * so it is plain text (not `Shown`) and every format shows it as text, never as markup.
 */
export interface EndpointNotes {
  summary?: string;
  description?: string;
  /** Tags added to the operation, in the overlay's order. */
  tags?: string[];
  /** Parameter descriptions, by where the parameter travels and its name in the model. */
  parameters?: ParameterNote[];
}

export interface ParameterNote {
  in: 'path' | 'query' | 'header';
  name: string;
  description: string;
}

export type IdKind = 'integer' | 'uuid' | 'ulid' | 'objectid' | 'hex' | 'prefixed' | 'token' | 'date' | 'datetime' | 'email' | 'word' | 'hint';

export interface PathParam {
  name: string;
  /** Index of the segment in the template's path, 0-based. */
  position: number;
  kind: IdKind;
  /** Human-readable shape: `uuid`, `integer`, `g-p-<32 hex>`. */
  pattern: string;
  /** A regular expression for the values (for OpenAPI `pattern`), when the shape is strict; valid with and without the `u` flag. */
  regex?: string;
  /** Distinct values seen at this position. */
  distinct: number;
  /** One observed value, after redaction. */
  example?: Shown;
  /** Why the position became a parameter (shown by `--explain`). */
  reason: string;
}

export interface Param {
  name: string;
  /** Requests that carried this parameter. */
  seen: number;
  /** Requests observed on the endpoint. */
  of: number;
  required: boolean;
  schema: JsonSchema;
  /** One observed value, after redaction. */
  example?: Shown;
  /** Some request sent it with an empty value (`?q=`). */
  emptyValue?: boolean;
  /** Some value held a character RFC 3986 reserves (`:/?#[]@!$&'()*+,;=`). */
  reservedCharacters?: boolean;
}

export type HeaderKind = 'auth' | 'custom' | 'content' | 'other';

export interface HeaderParam extends Param {
  kind: HeaderKind;
}

export interface AuthScheme {
  type: 'bearer' | 'basic' | 'apiKey' | 'cookie';
  /** Where the credential travels. */
  in: 'header' | 'query' | 'cookie';
  /** Header, query or cookie name (`authorization`, `x-api-key`, `session`). */
  name: string;
  seen: number;
}

export interface AuthRequirement {
  /** `in name` of each scheme in the endpoint's `auth` (`header authorization`, `cookie sessionid`), sorted. */
  schemes: string[];
  /** Requests that sent exactly this set of credentials. */
  seen: number;
}

export type BodyKind = 'json' | 'form' | 'multipart' | 'sse' | 'ndjson' | 'jsonp' | 'text' | 'binary' | 'empty';

export interface Body {
  /** Lower-case media type without parameters: `application/json`. */
  mediaType: string;
  kind: BodyKind;
  seen: number;
  /** JSON Schema (2020-12 vocabulary) of the body, or of each line/item for ndjson. */
  schema?: JsonSchema;
  /** One representative example, redacted and truncated, ready to print in a fence. */
  example?: Shown;
  /** Server-sent event kinds, for `sse`. */
  events?: EventKind[];
  /** Sentinel data lines such as `[DONE]`, for `sse`. */
  sentinels?: string[];
  /** Multipart parts by name, for `multipart`. */
  parts?: MultipartPart[];
  /** Smallest and largest decoded size in bytes. */
  size: { min: number; max: number };
}

export interface EventKind {
  /** SSE `event:` name (`message` when absent), or `send`/`receive` for WebSocket. */
  event: string;
  /** The `type` field of the JSON data, where events share one name. */
  type?: string;
  seen: number;
  schema?: JsonSchema;
  example?: Shown;
}

export interface MultipartPart {
  name: string;
  seen: number;
  file: boolean;
  contentTypes: string[];
  /** Type of a plain field's values (file parts have none). */
  schema?: JsonSchema;
  /** One value of a plain field, or one file name of a file part, after redaction. */
  example?: Shown;
}

export interface Response {
  status: number;
  seen: number;
  /** One per media type and kind, as for request bodies. */
  bodies: Body[];
  /** Headers that matter to a client (rate limits, pagination, caching, `Location` …), by name. */
  headers?: ResponseHeader[];
  /** Names of the cookies the responses set, with how often. */
  cookies?: { name: string; seen: number }[];
}

export interface ResponseHeader {
  /** Lower-case name. */
  name: string;
  /** What it is for: `rate-limit`, `pagination`, `caching`, `location`, `download`. */
  kind: string;
  seen: number;
  /** One observed value, after redaction. */
  example?: Shown;
}

/** One observed request as sent, after redaction (every value through the gate): enough to build a curl command. */
export interface RequestExample {
  /** Status the recorded response had. */
  status: number;
  /** The concrete path as sent (redacted), without the query. */
  path: Shown;
  query: { name: string; value: Shown }[];
  /** Notable request headers (auth, content type, custom) with redacted values; no cookie. */
  headers: { name: string; value: Shown }[];
  /** Names of the cookies sent. */
  cookies: string[];
  /** The body, when one was sent that can be sent again: JSON on one line or text, or form fields one by one. */
  body?: { mediaType: string; text?: Shown; fields?: { name: string; value: Shown }[] };
}

export interface GraphqlOperation {
  /** `operationName`, else the name in the query text, else `(anonymous)`. */
  name: string;
  operation: 'query' | 'mutation' | 'subscription' | 'unknown';
  seen: number;
  variables?: JsonSchema;
  /** One representative `variables` object, pretty JSON, redacted and truncated. */
  example?: Shown;
  /** The JSON responses (2xx) to requests that named only this operation. */
  response?: JsonSchema;
}

export interface MessageStream {
  messages: number;
  events: EventKind[];
}

/** JSON Schema 2020-12, the subset the inference emits (also valid in OpenAPI 3.1). */
export interface JsonSchema {
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: ShownScalar[];
  format?: string;
  pattern?: string;
  description?: string;
  /** One observed value (scalars only), after redaction, valid for this schema. */
  examples?: ShownScalar[];
  /**
   * Values the schema was inferred from: at the root, the samples; on a schema with
   * properties, the objects observed at that position (what `x-seen` counts against).
   */
  'x-samples'?: number;
  /** On a property: how many of the parent's `x-samples` objects carried it. */
  'x-seen'?: number;
  /** Only `null` was observed here, so the type is unknown (the schema allows any value). */
  'x-only-null'?: boolean;
  /** Null was never observed, but too few values were seen to rule it out, so the schema allows it (src/evidence.ts). */
  'x-null-unseen'?: boolean;
}

export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

export interface TrafficSummary {
  /** Entries read over all sources. */
  entries: number;
  /** Entries that became part of an endpoint. */
  used: number;
  /** Entries left out, by reason (`static-asset`, `document`, `invalid-url`, `host-filter` …). */
  skipped: Record<string, number>;
  /**
   * The same entries by reason, most first, each with up to three example URLs (host and path,
   * through redaction), so nothing disappears unexplained. Absent in models saved before.
   */
  leftOut?: LeftOut[];
  /** Telemetry sent to the application's own hosts (those of its API, or of their domain), by call. */
  telemetry?: TelemetryCall[];
  /** Telemetry and trackers of other hosts, counted by host, most first. */
  trackers?: HostCount[];
}

export interface LeftOut {
  reason: string;
  count: number;
  /** `host/path` of a few of them, redacted. */
  examples: string[];
}

export interface TelemetryCall {
  method: string;
  host: string;
  /** The path as sent, redacted. */
  path: string;
  count: number;
  /** What the request sent (`json`, `form`, `text`, `empty` …). */
  body: BodyKind;
}

export interface HostCount {
  host: string;
  count: number;
}

export interface RedactionSummary {
  enabled: boolean;
  /** Values replaced in all. */
  total: number;
  /** Replacements per kind of value (`jwt`, `email`, `cookie` …), sorted by kind. */
  byKind: Record<string, number>;
  /** Replacements per place (`request.header`, `response.body` …), sorted by place. */
  byPlace: Record<string, number>;
  /**
   * What a person reviews before publishing: per place, key path (array indices collapsed to
   * `[]`, data keys shown as their placeholders) and kind, how many shown values were replaced.
   * Never a value. Sorted by place, path, kind.
   */
  report: RedactionFinding[];
}

export interface RedactionFinding {
  /** `request.body`, `response.body`, `url.query`, `request.header`, `url.path` … */
  place: string;
  /** `user.emails[].address`, `query.token`, `header.authorization`, `path.{user_id}`. */
  path: string;
  kind: string;
  count: number;
}
