/**
 * Form bodies (`application/x-www-form-urlencoded`): an object schema of flat string fields
 * (required = present in every sample, a type per field from all its values, the first value
 * as the example) and the richest sample printed as `name=value` lines.
 */
import type { NameValue } from '../exchange.js';
import type { Body, JsonSchema } from '../model.js';
import type { BodyDetail, ContentOf } from './bodies.js';
import { truncateExample } from './example.js';
import { type NamedEvidence, NamedValues } from './named-values.js';
import { scalarExample } from './scalar.js';

export class FormBody implements BodyDetail {
  private readonly fields = new NamedValues();
  /** Keep-sake: the fields of the sample with the most of them (the first on a tie), for the example. */
  private richest: readonly NameValue[] | null = null;

  add(content: ContentOf<'form'>): void {
    this.fields.addSample(content.fields);
    if (this.richest === null || content.fields.length > this.richest.length) this.richest = content.fields;
  }

  finish(body: Body): Body {
    const fields = [...this.fields.entries()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const samples = this.fields.samples;
    const schema: JsonSchema = {
      type: 'object',
      // fromEntries defines own properties, so a field named `__proto__` stays a field.
      properties: Object.fromEntries(fields.map((field) => [field.name, describeField(field)])),
      required: fields.filter((field) => field.seen === samples).map((field) => field.name),
      'x-samples': samples,
    };
    return { ...body, schema, example: truncateExample(this.richest!.map((f) => `${f.name}=${f.value}`).join('\n')) };
  }
}

/** A field's schema with its presence, and its first non-empty value as the example. */
function describeField(field: NamedEvidence): JsonSchema {
  const property: JsonSchema = { ...field.values.schema(), 'x-seen': field.seen };
  const example = scalarExample(field.values.example, property);
  return example === undefined ? property : { ...property, examples: [example] };
}
