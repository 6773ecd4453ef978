/**
 * A change as the per-part differs find it, before `diffModels` attaches the endpoint, the rule
 * id, the message and the fingerprint.
 */
import type { ChangeArea, ChangeKind, ChangeLevel } from './change.js';
import type { FieldChange } from './schema.js';

export interface Found {
  area: ChangeArea;
  kind: ChangeKind;
  level: ChangeLevel;
  location: string;
  subject: string;
  old?: string;
  new?: string;
  /** Why this level, when it is not obvious from the kind (`seen 12 times before`). */
  note?: string;
}

/** Field changes under one area and location. */
export function foundFields(changes: readonly FieldChange[], area: ChangeArea, location: string): Found[] {
  return changes.map((c) => ({
    area,
    kind: c.kind,
    level: c.level,
    location,
    subject: c.path,
    ...(c.old !== undefined ? { old: c.old } : {}),
    ...(c.new !== undefined ? { new: c.new } : {}),
    ...(c.note !== undefined ? { note: c.note } : {}),
  }));
}
