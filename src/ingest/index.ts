/**
 * Ingest: one capture's text to `Exchange[]`. A file that is not a HAR throws one
 * `Har2ApiError`; schema violations are warnings; unusable entries are skipped with a count.
 */
import type { Context } from '../context.js';
import type { Exchange } from '../exchange.js';
import type { Source } from '../model.js';
import { ingestEntry } from './entry.js';
import { parseHarText } from './har-file.js';
import { validateHarSchema } from './har-validator.js';

export interface Ingested {
  source: Source;
  exchanges: Exchange[];
  /** Entries skipped, by reason. */
  skipped: Record<string, number>;
}

export interface InputFile {
  /** The label used in messages and in the model: the file name, or `-` for stdin. */
  label: string;
  text: string;
}

export async function ingestHar(input: InputFile, ctx: Context): Promise<Ingested> {
  const { log, document } = parseHarText(input.text, input.label);
  for (const d of await validateHarSchema(document, input.label)) ctx.report(d);
  return ingestLog(log.entries, { file: input.label, creator: log.creator, harVersion: log.version, entries: log.entries.length }, ctx);
}

/** Turns raw entries into exchanges; shared by the whole-file and the streaming readers. */
export function ingestLog(entries: Iterable<unknown>, source: Source, ctx: Context): Ingested {
  const exchanges: Exchange[] = [];
  const skipped: Record<string, number> = {};
  let index = 0;
  for (const raw of entries) {
    const result = ingestEntry(raw, index++, source.file, ctx.report);
    if (result.ok) exchanges.push(result.exchange);
    else skipped[result.reason] = (skipped[result.reason] ?? 0) + 1;
  }
  return { source: { ...source, entries: index }, exchanges, skipped };
}
