/**
 * A schema as observed: without the `null` that inference allows where too few values were seen
 * to rule it out (`x-null-unseen`, src/evidence.ts), for tests about other rules.
 */
import type { JsonSchema } from '../../src/model.js';

export function observed(schema: JsonSchema): JsonSchema {
  if (!schema['x-null-unseen']) return schema;
  const { 'x-null-unseen': _, ...out } = schema;
  if (out.anyOf) out.anyOf = out.anyOf.filter((o) => o.type !== 'null');
  if (Array.isArray(out.type)) out.type = out.type.length === 2 ? out.type.find((t) => t !== 'null') : out.type.filter((t) => t !== 'null');
  if (out.enum) out.enum = out.enum.filter((v) => v !== null);
  return out;
}
