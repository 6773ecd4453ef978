/**
 * Two JSON Schemas of the same body (or parameter) to field changes: added, removed, type
 * changed / widened / narrowed, required ↔ optional, nullable, enum values, format, object ↔ map.
 * Linear in the number of fields: both schemas are flattened once and compared path by path.
 *
 * What a side did not observe is not compared: below a field that was always `{}`, `[]` or null
 * on one side, nothing is added or removed; and "required" ↔ "optional" is compared only where
 * both sides saw enough samples to decide it (src/evidence.ts): below that, "not required" means
 * "too few samples", not "seen missing".
 */
import type { JsonSchema, JsonType } from '../model.js';
import type { ChangeKind, ChangeLevel } from './change.js';
import { type FieldFacts, flattenSchema } from './fields.js';
import { MIN_REQUIRED_SAMPLES } from '../evidence.js';
import { type Direction, fieldLevel } from './levels.js';

export interface FieldChange {
  kind: ChangeKind;
  /** Field path (`items[].id`); `` for the body or value itself. */
  path: string;
  level: ChangeLevel;
  old?: string;
  new?: string;
  /** The evidence behind the level of an added or removed field. */
  note?: string;
}

/** Samples needed before "present in every sample" counts as required: the inference's own rule. */
export { MIN_REQUIRED_SAMPLES } from '../evidence.js';

export function diffSchemas(oldSchema: JsonSchema, newSchema: JsonSchema, direction: Direction): FieldChange[] {
  const before = flattenSchema(oldSchema);
  const after = flattenSchema(newSchema);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  // Fields whose descendants are not compared: gone, new, reshaped, or unknown on one side.
  const closed = new Set<string>();
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const a = before.get(path);
    const b = after.get(path);
    const parent = (a ?? b)!.parent;
    if (parent !== null && closed.has(parent)) {
      closed.add(path);
      continue;
    }
    if (!a || !b) {
      closed.add(path);
      const facts = (a ?? b)!;
      const kind = a ? 'removed' : 'added';
      const expected = a ? expectedSightings(a, after.get(a.parent!)) : 0;
      const context = {
        wasRequired: a ? requiredWithEvidence(a) : false,
        isRequired: b ? requiredWithEvidence(b) : false,
        bothFormats: false,
        expectedOften: expected >= EXPECTED_OFTEN,
      };
      const note = presenceNote(kind, facts, direction, a ? context.wasRequired : context.isRequired, expected);
      changes.push({ kind, path, level: fieldLevel(direction, kind, context), [a ? 'old' : 'new']: typeText(facts), ...(note ? { note } : {}) });
      continue;
    }
    changes.push(...compareField(path, a, b, direction, closed));
  }
  return changes;
}

function compareField(path: string, a: FieldFacts, b: FieldFacts, direction: Direction, closed: Set<string>): FieldChange[] {
  const changes: FieldChange[] = [];
  const push = (kind: ChangeKind, old?: string, next?: string, context: Partial<{ bothFormats: boolean }> = {}): void => {
    const level = fieldLevel(direction, kind, { wasRequired: a.required, isRequired: b.required, bothFormats: context.bothFormats ?? false });
    changes.push({ kind, path, level, ...(old !== undefined ? { old } : {}), ...(next !== undefined ? { new: next } : {}) });
  };
  if (a.shape === 'unknown' || b.shape === 'unknown') closed.add(path);
  else if (a.shape !== b.shape) {
    closed.add(path);
    const maps = (a.shape === 'map' && b.shape === 'object') || (a.shape === 'object' && b.shape === 'map');
    if (maps) push('shape-changed', shapeText(a), shapeText(b));
  }

  const known = a.types.length > 0 && b.types.length > 0;
  if (known) {
    // `integer` needs as many samples as `required` (infer/annotate-schema.ts): below that, a
    // side's `number` means "too few samples", so integer and number are not told apart.
    const decided = (side: FieldFacts) => side.samples === 0 || side.samples >= MIN_REQUIRED_SAMPLES;
    const loose = (types: readonly JsonType[]) => [...new Set(types.map((t): JsonType => (t === 'integer' ? 'number' : t)))];
    const kind = decided(a) && decided(b) ? typeChange(a.types, b.types) : typeChange(loose(a.types), loose(b.types));
    if (kind) push(kind, typeText(a), typeText(b));
    if (a.nullable !== b.nullable) push(b.nullable ? 'became-nullable' : 'became-not-nullable');
  }
  if (path !== '' && a.required !== b.required) {
    // Both sides must have seen enough samples: one to say "required", the other "seen missing".
    const decided = (side: FieldFacts) => side.samples === 0 || side.samples >= MIN_REQUIRED_SAMPLES;
    if (decided(a) && decided(b)) push(b.required ? 'became-required' : 'became-optional');
  }
  if (a.enum && b.enum) {
    const added = b.enum.filter((v) => !a.enum!.includes(v));
    const removed = a.enum.filter((v) => !b.enum!.includes(v));
    if (added.length > 0) push('enum-values-added', undefined, added.join(', '));
    if (removed.length > 0) push('enum-values-removed', removed.join(', '));
  }
  if (a.format !== b.format && a.types.includes('string') && b.types.includes('string'))
    push('format-changed', a.format ?? 'none', b.format ?? 'none', { bothFormats: a.format !== undefined && b.format !== undefined });
  return changes;
}

/** integer ⊂ number; a type set that covers the other and more is wider. */
function typeChange(a: readonly JsonType[], b: readonly JsonType[]): ChangeKind | null {
  const covers = (set: readonly JsonType[], type: JsonType): boolean => set.includes(type) || (type === 'integer' && set.includes('number'));
  const bCoversA = a.every((t) => covers(b, t));
  const aCoversB = b.every((t) => covers(a, t));
  if (bCoversA && aCoversB) return null;
  if (bCoversA) return 'type-widened';
  if (aCoversB) return 'type-narrowed';
  return 'type-changed';
}

/**
 * Sightings below which an absence is not evidence (as for endpoints): with the old rate, the
 * chance of none in the new samples when 5 were expected is under 1 %.
 */
export const EXPECTED_OFTEN = 5;

/** How often an old optional field would have shown up in the new objects at its parent, at its old rate. */
function expectedSightings(old: FieldFacts, newParent: FieldFacts | undefined): number {
  if (old.seen === undefined || old.samples === 0 || !newParent) return 0;
  return (old.seen / old.samples) * newParent.objects;
}

/** `in all 12 new requests`, `was in 3 of 40 old objects`: why an added or removed field got its level. */
function presenceNote(kind: 'added' | 'removed', facts: FieldFacts, direction: Direction, always: boolean, expected: number): string | null {
  if (facts.parent === null) return null;
  const where = facts.parent === '' ? `${direction}s` : 'parent objects';
  const count = facts.samples > 0 ? ` ${facts.samples}` : '';
  if (kind === 'added') return always ? `in all${count} new ${where}` : null;
  if (always) return `was in all${count} old ${where}`;
  if (facts.seen === undefined || facts.samples === 0) return 'was optional';
  return `was in ${facts.seen} of ${facts.samples} old ${where}${expected >= EXPECTED_OFTEN ? `, about ${Math.round(expected)} expected now` : ''}`;
}

function requiredWithEvidence(facts: FieldFacts): boolean {
  return facts.required && (facts.samples === 0 || facts.samples >= MIN_REQUIRED_SAMPLES);
}

/** `string`, `integer | null`, `string (uuid)`, `object`, `map`. */
export function typeText(facts: FieldFacts): string {
  const types: string[] = facts.types.map((t) =>
    t === 'string' && facts.format ? `string (${facts.format})` : t === 'object' && facts.shape === 'map' ? 'map' : t,
  );
  if (facts.nullable) types.push('null');
  return types.length > 0 ? types.join(' | ') : 'unknown';
}

function shapeText(facts: FieldFacts): string {
  return facts.shape === 'map' ? 'map' : 'object';
}
