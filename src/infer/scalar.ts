/**
 * Schemas for values that arrive as strings (query parameters, headers, form fields): the
 * narrowest type every observed value fits, a format when every value has it, an enum only with
 * strong evidence (string-format.ts).
 */
import type { JsonSchema } from '../model.js';
import { ANY_FORMAT, enumValues, FORMAT_EMAIL, formatName, isEnumWord, MAX_ENUM_VALUES, placeholderKind, stringFormats } from './string-format.js';

const INTEGER = /^-?(?:0|[1-9]\d{0,15})$/;
const NUMBER = /^-?\d{1,16}(?:\.\d{1,16})?$/;

export function scalarSchema(values: readonly string[]): JsonSchema {
  const present = values.filter((v) => v !== '');
  if (present.length === 0) return { type: 'string' };
  if (present.every((v) => v === 'true' || v === 'false')) return { type: 'boolean' };
  if (present.every((v) => INTEGER.test(v))) return { type: 'integer' };
  if (present.every((v) => NUMBER.test(v))) return { type: 'number' };
  const schema: JsonSchema = { type: 'string' };
  const format = formatOf(present);
  if (format !== undefined) schema.format = format;
  else {
    const values = enumValues(countWords(present), present.length);
    if (values) schema.enum = values;
  }
  return schema;
}

/** The first non-empty value as the schema's type would have it (`"3"` → `3` for integers). */
export function scalarExample(values: readonly string[], schema: JsonSchema): string | number | boolean | undefined {
  const value = values.find((v) => v !== '');
  if (value === undefined) return undefined;
  if (schema.type === 'boolean') return value === 'true';
  if (schema.type === 'integer' || schema.type === 'number') return Number(value);
  return value;
}

function formatOf(values: readonly string[]): string | undefined {
  let mask = ANY_FORMAT;
  let evidence = 0;
  for (const value of values) {
    const placeholder = placeholderKind(value);
    if (placeholder !== null && placeholder !== 'email') continue;
    evidence++;
    mask &= placeholder === 'email' ? FORMAT_EMAIL : stringFormats(value);
    if (mask === 0) return undefined;
  }
  return evidence > 0 ? formatName(mask) : undefined;
}

function countWords(values: readonly string[]): Map<string, number> | null {
  const counts = new Map<string, number>();
  for (const value of values) {
    const seen = counts.get(value);
    if (seen !== undefined) counts.set(value, seen + 1);
    else if (counts.size < MAX_ENUM_VALUES && isEnumWord(value)) counts.set(value, 1);
    else return null;
  }
  return counts;
}
