/**
 * How much a change matters to a client, in one table. Contract semantics as in spec-diff tools
 * (what a client sends may widen, what it receives may not), adjusted for observation: what a
 * capture did not see is weaker evidence than what it saw, so absences are warnings or info
 * unless there is enough evidence to call them removals.
 */
import type { ChangeKind, ChangeLevel } from './change.js';

/** Which way the data flows: a client sends requests and receives responses. */
export type Direction = 'request' | 'response';

export interface FieldContext {
  /** The field was required on the old side (with enough samples to say so). */
  wasRequired: boolean;
  /** The field is required on the new side (with enough samples to say so). */
  isRequired: boolean;
  /** For format changes: a format on both sides (a real change) rather than one appearing. */
  bothFormats: boolean;
  /** For an optional field gone: it would have been expected often enough that its absence is evidence. */
  expectedOften?: boolean;
}

const REQUEST: Partial<Record<ChangeKind, ChangeLevel>> = {
  'type-changed': 'breaking',
  'type-widened': 'non-breaking',
  'type-narrowed': 'breaking',
  'became-required': 'breaking',
  'became-optional': 'non-breaking',
  'became-nullable': 'non-breaking',
  'became-not-nullable': 'breaking',
  'enum-values-added': 'non-breaking',
  'enum-values-removed': 'breaking',
  'shape-changed': 'warning',
};

const RESPONSE: Partial<Record<ChangeKind, ChangeLevel>> = {
  'type-changed': 'breaking',
  'type-widened': 'breaking',
  'type-narrowed': 'non-breaking',
  'became-required': 'non-breaking',
  'became-optional': 'breaking',
  'became-nullable': 'breaking',
  'became-not-nullable': 'non-breaking',
  'enum-values-added': 'warning',
  'enum-values-removed': 'non-breaking',
  'shape-changed': 'warning',
};

/** Level of a change to a field or parameter of a request or response. */
export function fieldLevel(direction: Direction, kind: ChangeKind, context: FieldContext): ChangeLevel {
  switch (kind) {
    case 'added':
      // A new field a client must now send breaks old clients; one it may send, or now receives, does not.
      return direction === 'request' && context.isRequired ? 'breaking' : 'non-breaking';
    case 'removed':
      // Missing from every new sample. A field that was always there is gone; one that was only
      // sometimes there may just not have come up, unless it would have come up many times.
      if (!context.wasRequired) return context.expectedOften && direction === 'response' ? 'warning' : 'info';
      return direction === 'response' ? 'breaking' : 'non-breaking';
    case 'format-changed':
      return context.bothFormats ? 'warning' : 'info';
    default:
      return (direction === 'request' ? REQUEST : RESPONSE)[kind] ?? 'info';
  }
}

/** A status code seen on one side only. New errors are facts of the session, not of the API. */
export function statusLevel(kind: 'added' | 'not-observed', status: number): ChangeLevel {
  const success = status >= 200 && status < 400;
  if (kind === 'added') return success ? 'non-breaking' : 'info';
  return success ? 'warning' : 'info';
}

/**
 * A body media type on one side only, where both sides recorded bodies. A client that receives a
 * media type it never saw may not parse it; one whose old media type is no longer returned will not.
 */
export function mediaTypeLevel(direction: Direction, kind: 'added' | 'removed'): ChangeLevel {
  if (direction === 'request') return kind === 'added' ? 'non-breaking' : 'warning';
  return kind === 'added' ? 'warning' : 'breaking';
}
