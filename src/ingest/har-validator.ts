/**
 * Adapter for har-validator (the only file that imports it). Real exports often break its
 * schema (Chrome's `[::1]` server address, relative URLs, missing `content.size`), and the
 * library is unmaintained, so every finding is a warning, never a failure.
 */
import validator, { type HarError } from 'har-validator';
import type { Diagnostic } from '../diagnostics.js';

/** Validates a parsed HAR document; returns one warning per schema violation. */
export async function validateHarSchema(document: unknown, file: string): Promise<Diagnostic[]> {
  return findings(() => validator.har(document), file, '');
}

/** Validates one entry on its own, for the streaming reader that never holds the whole log. */
export async function validateHarEntry(entry: unknown, file: string, index: number): Promise<Diagnostic[]> {
  return findings(() => validator.entry(entry), file, `/log/entries/${index}`);
}

async function findings(validate: () => Promise<unknown>, file: string, base: string): Promise<Diagnostic[]> {
  try {
    await validate();
    return [];
  } catch (error) {
    const details = (error as HarError).errors ?? [];
    if (details.length === 0) {
      return [{ severity: 'warning', code: 'har-schema', message: `HAR schema check failed: ${(error as Error).message}`, place: { file } }];
    }
    return details.map((detail) => ({
      severity: 'warning' as const,
      code: 'har-schema',
      message: `HAR schema: ${base}${toPointer(detail.dataPath ?? '') || (base ? '' : '(root)')} ${detail.message ?? 'is invalid'}`,
      place: { file, pointer: `${base}${toPointer(detail.dataPath ?? '')}` },
    }));
  }
}

/** `.log.entries[0].request` → `/log/entries/0/request` */
function toPointer(dataPath: string): string {
  return dataPath.replace(/\[(\d+)\]/g, '.$1').replace(/\['([^']*)'\]/g, '.$1').split('.').join('/');
}
