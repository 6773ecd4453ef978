/**
 * Ingest: one capture to `Exchange[]`. A file that is not a HAR throws one `Har2ApiError`;
 * schema violations are warnings; unusable entries are skipped with a count. Small captures are
 * parsed whole; big ones arrive as a byte stream and are split entry by entry (stream.ts), so a
 * capture past V8's string limit still works with flat memory.
 */
import type { Context } from '../context.js';
import { Har2ApiError } from '../errors.js';
import type { Exchange } from '../exchange.js';
import type { Source } from '../model.js';
import { ingestEntry } from './entry.js';
import { describeJsonError, parseHarText, readCreator, readVersion } from './har-file.js';
import { MAX_SCHEMA_FINDINGS, schemaCheckStopped, validateHarEntry, validateHarSchema } from './har-validator.js';
import { splitHarStream } from './stream.js';

export interface Ingested {
  source: Source;
  exchanges: Exchange[];
  /** Entries skipped, by reason. */
  skipped: Record<string, number>;
}

/** A capture as text, or as a byte stream for captures too big to hold as one string. */
export type InputFile =
  | {
      /** The label used in messages and in the model: the file name, or `-` for stdin. */
      label: string;
      text: string;
    }
  | { label: string; chunks: AsyncIterable<Uint8Array> };

/** Called as entries are read, for progress display. */
export type OnEntries = (entries: number) => void;

export async function ingestHar(input: InputFile, ctx: Context, onEntries?: OnEntries): Promise<Ingested> {
  if ('chunks' in input) return ingestStream(input.label, input.chunks, ctx, onEntries);
  const { log, document } = parseHarText(input.text, input.label);
  for (const d of await validateHarSchema(document, input.label)) ctx.report(d);
  return ingestLog(log.entries, { file: input.label, creator: log.creator, harVersion: log.version, entries: log.entries.length }, ctx);
}

/** Turns raw entries into exchanges; shared by the whole-file and the streaming readers. */
export function ingestLog(entries: Iterable<unknown>, source: Source, ctx: Context): Ingested {
  const ingested: Ingested = { source, exchanges: [], skipped: {} };
  let index = 0;
  for (const raw of entries) addEntry(ingested, raw, index++, ctx);
  return { ...ingested, source: { ...source, entries: index } };
}

async function ingestStream(label: string, chunks: AsyncIterable<Uint8Array>, ctx: Context, onEntries?: OnEntries): Promise<Ingested> {
  const ingested: Ingested = { source: { file: label, creator: null, harVersion: null, entries: 0 }, exchanges: [], skipped: {} };
  let index = 0;
  let schemaFindings = 0;
  for await (const item of splitHarStream(chunks, label)) {
    if (item.type === 'meta') {
      if (item.key === 'version') ingested.source.harVersion = readVersion(item.value);
      else ingested.source.creator = readCreator(item.value);
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(item.text);
    } catch (error) {
      throw new Har2ApiError('E_JSON', `entry ${index}: ${describeJsonError((error as Error).message, item.text)}`, label);
    }
    if (schemaFindings < MAX_SCHEMA_FINDINGS) {
      const findings = await validateHarEntry(raw, label, index);
      for (const d of findings.slice(0, MAX_SCHEMA_FINDINGS - schemaFindings)) ctx.report(d);
      schemaFindings += findings.length;
      if (schemaFindings >= MAX_SCHEMA_FINDINGS) ctx.report(schemaCheckStopped(label));
    }
    addEntry(ingested, raw, index++, ctx);
    if (onEntries && index % 1000 === 0) onEntries(index);
  }
  ingested.source.entries = index;
  return ingested;
}

function addEntry(ingested: Ingested, raw: unknown, index: number, ctx: Context): void {
  const result = ingestEntry(raw, index, ingested.source.file, ctx.report);
  if (result.ok) ingested.exchanges.push(result.exchange);
  else ingested.skipped[result.reason] = (ingested.skipped[result.reason] ?? 0) + 1;
}
