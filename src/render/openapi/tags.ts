/**
 * OpenAPI tags: one per resource, the same groups as the reference's index (render/resource-groups.ts),
 * so Swagger UI and Redoc show a resource's operations together instead of under "default".
 * With several hosts a tag names its host too (`api.example.com: users`), as the reference groups
 * by host first. Sorted by name, each with a short description, as linters want.
 */
import type { ApiModel } from '../../model.js';
import { compareText } from '../../order.js';
import { groupByResource } from '../resource-groups.js';
import type { Tag } from './spec.js';

export interface ResourceTags {
  /** Endpoint key → tag name. */
  byEndpoint: Map<string, string>;
  tags: Tag[];
}

export function resourceTags(model: ApiModel): ResourceTags {
  const multiHost = model.hosts.length > 1;
  const byEndpoint = new Map<string, string>();
  const tags: Tag[] = [];
  for (const host of model.hosts) {
    const endpoints = model.endpoints.filter((e) => e.host === host.name);
    for (const group of groupByResource(endpoints, host.apiRoot)) {
      const name = multiHost ? `${host.name}: ${group.name}` : group.name;
      for (const endpoint of group.endpoints) byEndpoint.set(endpoint.key, name);
      const observed = group.endpoints.reduce((n, e) => n + e.observed, 0);
      tags.push({ name, description: `${group.endpoints.length} endpoint(s), ${observed} request(s) observed${multiHost ? ` on \`${host.name}\`` : ''}.` });
    }
  }
  return { byEndpoint, tags: tags.sort((a, b) => compareText(a.name, b.name)) };
}
