/**
 * What `diff` produces: a list of changes between two models, each classified by what it touches
 * (area), what happened (kind) and how much it matters to a client (level), with a stable
 * fingerprint so CI can suppress the ones it already knows. Plain JSON, like the model.
 */

/**
 * `breaking`: a client built against the old capture may fail. `warning`: cannot be decided
 * from observation (an endpoint or event kind not seen again, a new response media type).
 * `non-breaking`: compatible. `info`: worth knowing, nothing to do.
 */
export type ChangeLevel = 'breaking' | 'warning' | 'non-breaking' | 'info';

/** Most severe first: the order of the changelog and of `--fail-on`. */
export const LEVELS: readonly ChangeLevel[] = ['breaking', 'warning', 'non-breaking', 'info'];

export type ChangeArea =
  | 'endpoint'
  | 'path-parameter'
  | 'query-parameter'
  | 'header'
  | 'auth'
  | 'request-body'
  | 'request-field'
  | 'status'
  | 'response-body'
  | 'response-field'
  | 'event'
  | 'operation'
  /** Where a request value comes from: the response of an earlier call (the model's links). */
  | 'flow';

export type ChangeKind =
  | 'added'
  | 'removed'
  /** Absent from the new capture, which may only mean it was not exercised. */
  | 'not-observed'
  | 'renamed'
  /** The path template differs (a literal segment on one side, a parameter on the other). */
  | 'path-changed'
  | 'type-changed'
  /** The new type accepts every old value and more (integer → number, string → string | integer). */
  | 'type-widened'
  | 'type-narrowed'
  | 'became-required'
  | 'became-optional'
  | 'became-nullable'
  | 'became-not-nullable'
  | 'enum-values-added'
  | 'enum-values-removed'
  | 'format-changed'
  /** An object with named fields on one side, a map (`{key}`) on the other. */
  | 'shape-changed'
  /** A request value now comes from another call's response. */
  | 'source-changed';

export interface ChangedEndpoint {
  method: string;
  host: string;
  path: string;
}

export interface Change {
  /** 12 hex digits of sha256 over rule, endpoint (parameter names erased), location, subject and values. */
  fingerprint: string;
  /** `${area}-${kind}`: `response-field-removed`, `query-parameter-became-required`. */
  rule: string;
  level: ChangeLevel;
  area: ChangeArea;
  kind: ChangeKind;
  /** The endpoint as in the new capture, or as in the old one when it is gone. */
  endpoint: ChangedEndpoint;
  /** Where in the endpoint: `response 200 application/json`, `query`, `request application/json`; `` for the endpoint itself. */
  location: string;
  /** The field path, parameter, header, status code or event kind; `` for the endpoint itself. */
  subject: string;
  /** The old and new value where something changed rather than appeared or vanished. */
  old?: string;
  new?: string;
  /** The evidence behind the level, where it is not obvious (`seen 12 times before, none of 40 now`). */
  note?: string;
  /** One plain-text line for people: where, what changed and the evidence. */
  message: string;
}

export interface DiffSide {
  /** Capture files (or the model file) this side was built from. */
  sources: string[];
  endpoints: number;
  observed: number;
  window: { start: string | null; end: string | null };
}

export type LevelCounts = Record<ChangeLevel, number>;

export const DIFF_VERSION = 1 as const;

export interface ModelDiff {
  diffVersion: typeof DIFF_VERSION;
  old: DiffSide;
  new: DiffSide;
  /** Changes left after `ignore`, by level. */
  summary: LevelCounts & { ignored: number };
  /** Sorted: endpoints with the most severe change first, then by method, host and path. */
  changes: Change[];
}

export function levelRank(level: ChangeLevel): number {
  return LEVELS.indexOf(level);
}

/** `GET api.example.com /v1/items/{item_id}`: groups a changelog by endpoint. */
export function endpointLabel(endpoint: ChangedEndpoint): string {
  return `${endpoint.method} ${endpoint.host} ${endpoint.path}`;
}
