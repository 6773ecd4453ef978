/**
 * Redaction: the rules that turn a secret or personal value into a typed placeholder, and the
 * run's registry of them. The pipeline learns every secret first (`learn`), then applies these
 * rules at one gate into the model (infer/gate.ts), value by value with its context, through the
 * run's `scope`; `redactExchanges` redacts whole exchanges the same way (for tests and tools
 * that want a redacted capture).
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
import { NO_RULES, type RedactionRules } from './rules.js';
import { RunCache, type Scope } from './scope.js';
import { redactUrlPath } from './url.js';

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
  const redactor = createRedactor(key);
  for (const exchange of learnFrom) redactor.learn(exchange);
  const redacted = exchanges.map((exchange) => redactor.redact(exchange));
  return { exchanges: redacted, summary: redactor.summary() };
}

/**
 * Redaction one exchange at a time, for a pipeline that streams: `learn` every exchange first
 * (all of them, before anything is redacted), then `redact` them in capture order. A URL path
 * can be redacted ahead of the rest with `redactPath` and handed back to `redact`, so path
 * templating works on redacted paths before the bodies are redacted. Placeholders are numbered
 * in the order values are first redacted, so the same calls in the same order give the same output.
 */
export interface Redactor {
  learn(exchange: Exchange): void;
  /** The run's scope, for the gate (infer/gate.ts), which redacts each value where it enters the model. */
  readonly scope: Scope;
  redactPath(exchange: Exchange): string;
  redact(exchange: Exchange, redactedPath?: string): Exchange;
  summary(): RedactionSummary;
}

/** `rules` are the user's own (options `redactKeys`, `redactPatterns`, `keepKeys`; rules.ts). */
export function createRedactor(key: Uint8Array, rules: RedactionRules = NO_RULES): Redactor {
  const tags = new Placeholders(key);
  const cache = new RunCache(rules);
  const scope: Scope = { tags, cache, place: 'request.header', depth: 0 };
  return {
    scope,
    learn: (exchange) => rememberSecrets([exchange], tags, cache),
    redactPath: (exchange) => redactUrlPath(exchange.url.path, scope),
    redact: (exchange, redactedPath) => redactExchange(exchange, scope, redactedPath),
    summary: () => ({ enabled: true, total: tags.total, byKind: tags.byKind, byPlace: tags.byPlace, report: [] }),
  };
}

/** The summary of a run with redaction turned off. */
export function unredactedSummary(): RedactionSummary {
  return { enabled: false, total: 0, byKind: {}, byPlace: {}, report: [] };
}
