/**
 * One endpoint pair (old, new) to everything that changed in it, and the endpoints that appear
 * or vanish. An endpoint absent from the new capture is "not observed" unless it was seen often
 * enough that its absence is itself evidence.
 */
import type { ApiModel, Endpoint } from '../model.js';
import { diffOperations, diffRequestBodies, diffResponses, diffWebSocket } from './bodies.js';
import type { Found } from './found.js';
import { erasePath, type EndpointPair } from './match.js';
import { diffAuth, diffHeaders, diffPathParams, diffQueryParams } from './params.js';

/**
 * Expected sightings in the new capture above which an unseen endpoint counts as removed: with
 * requests spread like before, the chance of seeing none when 5 were expected is under 1 %.
 */
export const REMOVED_WHEN_EXPECTED = 5;

export function diffEndpointPair({ before, after, alsoCovered }: EndpointPair): Found[] {
  const found: Found[] = [];
  if (erasePath(before.path) !== erasePath(after.path)) {
    const more = alsoCovered && alsoCovered.length > 0 ? `; the template also covers ${alsoCovered.map((e) => e.path).join(', ')}` : '';
    found.push({
      area: 'endpoint',
      kind: 'path-changed',
      level: 'info',
      location: '',
      subject: '',
      old: before.path,
      new: after.path,
      note: `a literal segment in one capture is a parameter in the other${more}`,
    });
  }
  found.push(
    ...diffPathParams(before, after),
    ...diffQueryParams(before, after),
    ...diffHeaders(before, after),
    ...diffAuth(before, after),
    ...diffRequestBodies(before, after),
    ...diffResponses(before, after),
    ...diffOperations(before, after),
    ...diffWebSocket(before, after),
  );
  return found;
}

export function foundAdded(endpoint: Endpoint): Found {
  return { area: 'endpoint', kind: 'added', level: 'non-breaking', location: '', subject: '', note: `observed ${endpoint.observed} time(s)` };
}

/** Requests per host, for judging whether an endpoint's absence is evidence. */
export function hostTraffic(model: ApiModel): Map<string, number> {
  const traffic = new Map<string, number>();
  for (const endpoint of model.endpoints) traffic.set(endpoint.host, (traffic.get(endpoint.host) ?? 0) + endpoint.observed);
  return traffic;
}

export function foundMissing(endpoint: Endpoint, before: Map<string, number>, after: Map<string, number>): Found {
  const oldHost = before.get(endpoint.host) ?? endpoint.observed;
  const newHost = after.get(endpoint.host) ?? 0;
  const expected = oldHost > 0 ? (endpoint.observed * newHost) / oldHost : 0;
  if (newHost > 0 && expected >= REMOVED_WHEN_EXPECTED) {
    return {
      area: 'endpoint',
      kind: 'removed',
      level: 'breaking',
      location: '',
      subject: '',
      note: `seen in ${endpoint.observed} of ${oldHost} requests to ${endpoint.host} before, none of ${newHost} now; about ${Math.round(expected)} expected`,
    };
  }
  const why = newHost === 0 ? `, and the new capture has no requests to ${endpoint.host}` : '';
  return {
    area: 'endpoint',
    kind: 'not-observed',
    level: 'warning',
    location: '',
    subject: '',
    note: `seen ${endpoint.observed} time(s) before${why}; it may only not have been exercised`,
  };
}
