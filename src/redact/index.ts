/**
 * Redaction: the stage right after ingest (and selection, see pipeline.ts). It returns new
 * exchanges in which every secret and personal value is a typed placeholder, and a summary of
 * what was replaced where (counts only). No later stage, and so no output, ever sees a raw value.
 *
 * Two passes: the first remembers values that are secret by position (cookies, credentials,
 * secret-named parameters), the second rewrites every field, so a remembered value is caught
 * wherever else it appears. Detection: names.ts (by name), values.ts, jwt.ts and entropy.ts (by
 * shape), text.ts (free text and the encodings inside it), url.ts, cookies.ts, headers.ts,
 * json.ts and content.ts (where values hide). The input is never modified.
 */
import type { Exchange } from '../exchange.js';
import type { RedactionSummary } from '../model.js';
import { redactExchange } from './exchange.js';
import { rememberSecrets } from './known.js';
import { Placeholders } from './placeholders.js';
import { RunCache, type Scope } from './scope.js';

export { describeRedaction } from './summary.js';
export { isPlaceholder } from './placeholders.js';

export interface Redacted {
  exchanges: Exchange[];
  summary: RedactionSummary;
}

/**
 * Redacts every exchange. `key` seeds the value → tag map and must be random per run. Secrets
 * are learned from `learnFrom` (all ingested exchanges, also those selection left out), so a
 * session cookie sent only with a left-out page is still recognised where a kept body echoes it.
 */
export function redactExchanges(exchanges: readonly Exchange[], key: Uint8Array, learnFrom: readonly Exchange[] = exchanges): Redacted {
  const tags = new Placeholders(key);
  const cache = new RunCache();
  rememberSecrets(learnFrom, tags, cache);
  const scope: Scope = { tags, cache, place: 'request.header', depth: 0 };
  const redacted = exchanges.map((exchange) => redactExchange(exchange, scope));
  return { exchanges: redacted, summary: { enabled: true, total: tags.total, byKind: tags.byKind, byPlace: tags.byPlace } };
}

/** The summary of a run with redaction turned off. */
export function unredactedSummary(): RedactionSummary {
  return { enabled: false, total: 0, byKind: {}, byPlace: {} };
}
