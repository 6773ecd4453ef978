/**
 * `diffModels`: two models (old, new) to the changes between them, classified, levelled,
 * fingerprinted and sorted. Pure: reads only the two models, which are themselves redacted.
 *
 * Order: endpoints whose most severe change is most severe first, then by method, host and
 * path; inside an endpoint, by level, then where and what. Same inputs, same bytes.
 */
import type { ApiModel, Endpoint } from '../model.js';
import { compareMethods, compareText } from '../order.js';
import { type Change, DIFF_VERSION, type DiffSide, endpointLabel, type LevelCounts, LEVELS, levelRank, type ModelDiff } from './change.js';
import { PLAIN, describeChange } from './describe.js';
import { diffEndpointPair, foundAdded, foundMissing, hostTraffic } from './endpoint.js';
import { diffFlows } from './flows.js';
import { fingerprintChange } from './fingerprint.js';
import type { Found } from './found.js';
import { erasedKey, matchEndpoints } from './match.js';

export interface DiffOptions {
  /** Fingerprints of changes to leave out (known and accepted). */
  ignore?: readonly string[];
}

export function diffModels(before: ApiModel, after: ApiModel, options: DiffOptions = {}): ModelDiff {
  const { pairs, added, missing } = matchEndpoints(before.endpoints, after.endpoints);
  const changes: Change[] = [];
  for (const pair of pairs) {
    for (const found of diffEndpointPair(pair)) changes.push(toChange(found, pair.after));
    for (const found of diffFlows(before, after, pair)) changes.push(toChange(found, pair.after));
  }
  for (const endpoint of added) changes.push(toChange(foundAdded(endpoint), endpoint));
  const oldTraffic = hostTraffic(before);
  const newTraffic = hostTraffic(after);
  for (const endpoint of missing) changes.push(toChange(foundMissing(endpoint, oldTraffic, newTraffic), endpoint));

  const ignore = new Set((options.ignore ?? []).map((f) => f.toLowerCase()));
  const kept = changes.filter((c) => !ignore.has(c.fingerprint));
  const summary = { ...countLevels(kept), ignored: changes.length - kept.length };
  return { diffVersion: DIFF_VERSION, old: describeSide(before), new: describeSide(after), summary, changes: sortChanges(kept) };
}

function toChange(found: Found, endpoint: Endpoint): Change {
  const rule = `${found.area}-${found.kind}`;
  const fingerprint = fingerprintChange({ rule, endpoint: erasedKey(endpoint), location: found.location, subject: found.subject, ...pick(found) });
  const where = found.location ? `${found.location}: ` : '';
  return {
    fingerprint,
    rule,
    level: found.level,
    area: found.area,
    kind: found.kind,
    endpoint: { method: endpoint.method, host: endpoint.host, path: endpoint.path },
    location: found.location,
    subject: found.subject,
    ...pick(found),
    ...(found.note !== undefined ? { note: found.note } : {}),
    message: `${where}${describeChange(found, PLAIN)}`,
  };
}

function pick(found: Found): { old?: string; new?: string } {
  return { ...(found.old !== undefined ? { old: found.old } : {}), ...(found.new !== undefined ? { new: found.new } : {}) };
}

function describeSide(model: ApiModel): DiffSide {
  return {
    sources: model.sources.map((s) => s.file),
    endpoints: model.endpoints.length,
    observed: model.endpoints.reduce((n, e) => n + e.observed, 0),
    window: { start: model.window.start, end: model.window.end },
  };
}

function countLevels(changes: readonly Change[]): LevelCounts {
  const counts = Object.fromEntries(LEVELS.map((level) => [level, 0])) as LevelCounts;
  for (const change of changes) counts[change.level]++;
  return counts;
}

function sortChanges(changes: readonly Change[]): Change[] {
  const worst = new Map<string, number>();
  for (const change of changes) {
    const key = endpointLabel(change.endpoint);
    worst.set(key, Math.min(worst.get(key) ?? LEVELS.length, levelRank(change.level)));
  }
  return [...changes].sort(
    (a, b) =>
      worst.get(endpointLabel(a.endpoint))! - worst.get(endpointLabel(b.endpoint))! ||
      compareMethods(a.endpoint.method, b.endpoint.method) ||
      compareText(a.endpoint.host, b.endpoint.host) ||
      compareText(a.endpoint.path, b.endpoint.path) ||
      levelRank(a.level) - levelRank(b.level) ||
      compareText(a.location, b.location) ||
      compareText(a.subject, b.subject) ||
      compareText(a.rule, b.rule) ||
      compareText(a.fingerprint, b.fingerprint),
  );
}

export { renderDiff, renderChangelog, DIFF_FORMATS, type DiffFormat } from './changelog.js';
export { parseIgnoreList } from './fingerprint.js';
export * from './change.js';
