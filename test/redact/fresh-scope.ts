/** A scope for one redaction run, for unit tests: a fixed key, no remembered secrets. */
import { Placeholders } from '../../src/redact/placeholders.js';
import { RunCache, type Scope } from '../../src/redact/scope.js';

export function freshScope(place = 'test'): Scope {
  return { tags: new Placeholders(new Uint8Array(32).fill(9)), cache: new RunCache(), place, depth: 0 };
}
