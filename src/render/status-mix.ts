/**
 * An endpoint's status codes with their counts, `200 ×3, 404 ×1`, as the Markdown reference and
 * the OpenAPI operation descriptions both print them.
 */
import type { Endpoint } from '../model.js';

/** `span` wraps each code (a code span in Markdown); plain by default. */
export function statusMix(endpoint: Endpoint, span: (status: string) => string = (status) => status): string {
  // A request-only capture (status 0) has calls without responses.
  if (Object.keys(endpoint.statusCounts).length === 0) return 'no response recorded';
  return Object.entries(endpoint.statusCounts)
    .map(([status, n]) => `${span(status)} ×${n}`)
    .join(', ');
}
