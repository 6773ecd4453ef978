/**
 * How an endpoint's credentials go together, as every output reads it: the Markdown Auth line,
 * OpenAPI `security` and the diff. Kept outside the stages so the renderers, which read only the
 * model, and inference, which writes it, share one key and one reading.
 */
import type { AuthRequirement, AuthScheme, Endpoint } from './model.js';

/** `header authorization`, `cookie sessionid`: one scheme, whatever its type (header names in lower case). */
export function authSchemeKey(scheme: Pick<AuthScheme, 'in' | 'name'>): string {
  return `${scheme.in} ${scheme.in === 'header' ? scheme.name.toLowerCase() : scheme.name}`;
}

/**
 * The endpoint's requirements, each with its schemes in the order of `auth`. A model saved before requirements were
 * recorded reads as it was then shown: every scheme an alternative on its own.
 */
export function authRequirementsOf(endpoint: Pick<Endpoint, 'auth' | 'authRequirements'>): { schemes: AuthScheme[]; seen: number }[] {
  const requirements: readonly AuthRequirement[] = endpoint.authRequirements?.length
    ? endpoint.authRequirements
    : endpoint.auth.map((scheme) => ({ schemes: [authSchemeKey(scheme)], seen: scheme.seen }));
  return requirements
    .map((r) => ({ schemes: endpoint.auth.filter((scheme) => r.schemes.includes(authSchemeKey(scheme))), seen: r.seen }))
    .filter((r) => r.schemes.length > 0);
}

/** Requests of the endpoint that sent no credential (never below zero, whatever a saved model says). */
export function unauthenticatedRequests(endpoint: Pick<Endpoint, 'observed' | 'auth' | 'authRequirements'>): number {
  if (!endpoint.authRequirements?.length) return endpoint.auth.some((a) => a.seen >= endpoint.observed) ? 0 : endpoint.observed;
  return Math.max(0, endpoint.observed - endpoint.authRequirements.reduce((n, r) => n + r.seen, 0));
}
