/**
 * Form bodies (`application/x-www-form-urlencoded`): an object schema of flat string fields
 * (required = present in every sample, a type per field from all its values, the first value
 * as the example) and the richest sample printed as `name=value` lines.
 */
import type { NameValue } from '../exchange.js';
import type { Body, JsonSchema } from '../model.js';
import { isRequired } from '../evidence.js';
import type { BodyDetail, BodyPlace, ContentOf } from './bodies.js';
import type { Gate } from './gate.js';
import { type NamedEvidence, NamedValues, valuesSchema } from './named-values.js';
import { scalarExample } from './scalar.js';

export class FormBody implements BodyDetail {
  private readonly fields = new NamedValues();
  /** Keep-sake: the fields of the sample with the most of them (the first on a tie), for the example. */
  private richest: readonly NameValue[] | null = null;

  constructor(private readonly at: BodyPlace) {}

  add(content: ContentOf<'form'>): void {
    const { gate, place } = this.at;
    this.fields.addSample(content.fields, false, (pair, pairs) => gate.value(pair.value, pair.name, 'form', pairs, place));
    if (this.richest === null || content.fields.length > this.richest.length) this.richest = content.fields;
  }

  finish(body: Body): Body {
    const { gate, place } = this.at;
    // Names are shown through the gate (a field name can be a token); types come from the values.
    const fields = [...this.fields.entries()]
      .map((field) => ({ field, name: gate.name(field.name, place), schema: describeField(field, gate, place) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const samples = this.fields.samples;
    const schema: JsonSchema = {
      type: 'object',
      // fromEntries defines own properties, so a field named `__proto__` stays a field.
      properties: Object.fromEntries(fields.map(({ name, schema }) => [name, schema])),
      required: fields.filter(({ field }) => isRequired(field.seen, samples, samples)).map(({ name }) => name),
      'x-samples': samples,
    };
    // The example's values are fitted to their field's schema, found by the name as sent.
    const byName: JsonSchema = { properties: Object.fromEntries(fields.map(({ field, schema }) => [field.name, schema])) };
    return { ...body, schema, example: gate.form(this.richest!, byName, place) };
  }
}

/** A field's schema with its presence, and its first non-empty value (through the gate) as the example. */
function describeField(field: NamedEvidence, gate: Gate, place: string): JsonSchema {
  const property: JsonSchema = { ...valuesSchema(field, (values) => gate.namedEnum(values, field.name, 'form', place)), 'x-seen': field.seen };
  const example = field.example === undefined || field.repeated ? undefined : scalarExample(gate.fitText(field.example, property), property);
  return example === undefined ? property : { ...property, examples: [example] };
}
