/**
 * Schemas for values that arrive as strings (query parameters, headers, form fields): the
 * narrowest type every observed value fits.
 */
import type { JsonSchema } from '../model.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

export function scalarSchema(values: readonly string[]): JsonSchema {
  const present = values.filter((v) => v !== '');
  if (present.length === 0) return { type: 'string' };
  if (present.every((v) => v === 'true' || v === 'false')) return { type: 'boolean' };
  if (present.every((v) => /^-?(?:0|[1-9]\d{0,15})$/.test(v))) return { type: 'integer' };
  if (present.every((v) => /^-?\d{1,16}(?:\.\d{1,16})?$/.test(v))) return { type: 'number' };
  if (present.every((v) => UUID.test(v))) return { type: 'string', format: 'uuid' };
  if (present.every((v) => DATE_TIME.test(v))) return { type: 'string', format: 'date-time' };
  return { type: 'string' };
}
