/**
 * Words that carry structure rather than data in a URL: API roots (`api`, `backend-api`),
 * version segments (`v2`, `v4-2023-04-27`, Shopify's `2024-01` after `api`) and namespaces that
 * look like collections but hold named sub-resources (`settings`). Templating never turns these
 * into parameters on its own; only an explicit hint can. Reserved words (`me`, `new`), which a
 * diff reads too, live in src/reserved-words.ts.
 */

/** `api`, `backend-api`, `public_api`, `apiv2`, `rest`: words that only say "the API is here". */
const API_WORD = /^(?:[a-z]{1,16}[-_])?(?:api|apis|rest|restapi)(?:[-_]?v?\d{1,3})?$/i;
/** Deployment stages and visibility (API Gateway's `/prod/`, `/internal/`): no resource either. */
const STAGE_WORDS = new Set(['prod', 'production', 'staging', 'stage', 'dev', 'internal', 'public']);
/** Gateway words that can lead an API root (`/services/data/v58.0`) but are nouns too (`/services/17`). */
const GATEWAY_WORDS = new Set(['services', 'service', 'svc', 'gateway']);

/** `v1`, `v2.1`, `v58.0`, `v1beta1`, `v2-beta`, `v4-2023-04-27`. */
const VERSION = /^v\d{1,3}(?:\.\d{1,3}){0,2}(?:[-_.]?(?:alpha|beta|rc|preview|internal)\d{0,3})?$/i;
const DATED_VERSION = /^v\d{1,3}[-_.]\d{4}-\d{2}-\d{2}$/i;
/** `3.0`, `1.1.2`: a bare dotted number is a version, not an id. */
const DOTTED_VERSION = /^\d{1,2}\.\d{1,3}(?:\.\d{1,3})?$/;
/** After an API word only: `/admin/api/2024-01/`, `/api/2023-10-16/`, `/api/3/`. */
const YEAR_MONTH = /^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/;
const SMALL_INTEGER = /^\d{1,2}$/;

/** Plural-looking words whose children are named sub-resources, not values. */
const NAMESPACES = new Set([
  'settings',
  'preferences',
  'features',
  'tools',
  'utils',
  'analytics',
  'stats',
  'metrics',
  'docs',
  'assets',
  'static',
  'options',
  'internals',
  'ops',
  'apps',
  'admin',
  'experiments',
  'integrations',
  'plugins',
  'extensions',
  'sentinel',
  'ecosystem',
  'beacons',
  'actions',
]);

/** A word that can lead an API root: an API word, a stage or a gateway word. */
export function isRootWord(segment: string): boolean {
  return API_WORD.test(segment) || STAGE_WORDS.has(segment.toLowerCase()) || GATEWAY_WORDS.has(segment.toLowerCase());
}

export function isApiWord(segment: string): boolean {
  return API_WORD.test(segment);
}

export function isStageWord(segment: string): boolean {
  return STAGE_WORDS.has(segment.toLowerCase());
}

/**
 * A version segment. Year-months (`2024-01`) and small integers (`3`) count only right after an
 * API word (`/api/3/`, `/admin/api/2024-01/`), so `/reports/monthly/2024-03` keeps its `{date}`
 * and `/services/17`, `/public/7` their ids. Templating passes the parent only where the API
 * root ends, so `/api/v2/3` is an id too.
 */
export function isVersionSegment(segment: string, parent: string | null): boolean {
  if (VERSION.test(segment) || DATED_VERSION.test(segment) || DOTTED_VERSION.test(segment)) return true;
  if (parent === null || !isApiWord(parent)) return false;
  return YEAR_MONTH.test(segment) || SMALL_INTEGER.test(segment);
}

export function isNamespace(segment: string): boolean {
  return NAMESPACES.has(segment.toLowerCase());
}
