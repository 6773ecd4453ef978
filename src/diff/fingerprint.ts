/**
 * Stable change fingerprints, as oasdiff does: a short sha256 over what identifies the change
 * (rule, endpoint with parameter names erased, location, subject, old and new value). The same
 * change between the same captures always has the same fingerprint, across runs and machines,
 * so a CI job can list the ones it accepts in an ignore file.
 */
import { createHash } from 'node:crypto';

export function fingerprintChange(parts: { rule: string; endpoint: string; location: string; subject: string; old?: string; new?: string }): string {
  const text = [parts.rule, parts.endpoint, parts.location, parts.subject, parts.old ?? '', parts.new ?? ''].join('\n');
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

/**
 * Fingerprints from an ignore file: the first word of each line that is 12 hex digits; blank
 * lines, `#` comments and free text after the fingerprint are allowed.
 */
export function parseIgnoreList(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const word = line.trim().split(/\s/, 1)[0] ?? '';
    if (/^[0-9a-f]{12}$/i.test(word)) found.push(word.toLowerCase());
  }
  return found;
}
