/**
 * What each OpenAPI operation's `security` says against what the model's Auth requirements say,
 * as comparable lists (one entry per alternative: the credential names, lower case, joined by `+`).
 */
import type { ApiModel } from '../../src/model.js';

interface OpenApiDocument {
  paths: Record<string, Record<string, { security?: Record<string, string[]>[]; 'x-endpoint'?: string }>>;
  components: { securitySchemes?: Record<string, { name?: string }> };
}

export interface SecurityPair {
  endpoint: string;
  fromOpenApi: string[];
  fromModel: string[];
}

/** One pair per operation that names its endpoint (`x-endpoint`). */
export function securityPairs(model: ApiModel, openapi: string): SecurityPair[] {
  const document = JSON.parse(openapi) as OpenApiDocument;
  const schemes = document.components.securitySchemes ?? {};
  const pairs: SecurityPair[] = [];
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const key = operation['x-endpoint'];
      if (!key) continue;
      const endpoint = model.endpoints.find((e) => e.key === key)!;
      const fromOpenApi = (operation.security ?? [])
        .filter((r) => Object.keys(r).length > 0)
        .map((r) =>
          Object.keys(r)
            .map((n) => (schemes[n]!.name ?? 'authorization').toLowerCase())
            .sort()
            .join('+'),
        );
      const fromModel = (endpoint.authRequirements ?? []).map((r) =>
        r.schemes
          .map((s) => s.split(' ')[1]!.toLowerCase())
          .sort()
          .join('+'),
      );
      pairs.push({ endpoint: key, fromOpenApi, fromModel });
    }
  }
  return pairs;
}
