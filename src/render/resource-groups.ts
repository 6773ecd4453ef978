/**
 * Endpoints grouped by resource for every output that lists them (the Markdown and HTML index and
 * sections, OpenAPI tags): groups sorted by name, and inside one by path, then method, so a
 * resource's GET, PATCH and DELETE sit together in the same order on every run.
 */
import type { Endpoint } from '../model.js';
import { compareMethods, compareText } from '../order.js';

export interface EndpointGroup {
  name: string;
  endpoints: Endpoint[];
}

export function groupByResource(endpoints: readonly Endpoint[], apiRoot = ''): EndpointGroup[] {
  const groups = new Map<string, Endpoint[]>();
  for (const endpoint of endpoints) {
    const name = resourceName(endpoint, apiRoot);
    const list = groups.get(name);
    if (list) list.push(endpoint);
    else groups.set(name, [endpoint]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, list]) => ({ name, endpoints: list.sort((a, b) => compareText(a.path, b.path) || compareMethods(a.method, b.method)) }));
}

/**
 * The model's resource (src/infer/resource.ts decides it); for a model saved before resources were
 * recorded, the first literal path segment after the API root.
 */
export function resourceName(endpoint: Endpoint, apiRoot = ''): string {
  if (endpoint.resource) return endpoint.resource;
  const rest = apiRoot && endpoint.path.startsWith(`${apiRoot}/`) ? endpoint.path.slice(apiRoot.length) : endpoint.path;
  return rest.split('/').find((segment) => segment !== '' && !segment.startsWith('{')) ?? '(root)';
}
