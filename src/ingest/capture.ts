/**
 * A capture the pipeline can read more than once. The pipeline passes over the exchanges several
 * times (learn secrets, template paths, then redact and infer), and a capture too big to hold
 * in memory is simply streamed again each time, so memory stays flat whatever its size.
 *
 * The first read reports diagnostics, checks the HAR schema and counts; later reads are silent
 * and yield the same exchanges in the same order. Text and read-once streams (stdin) keep their
 * exchanges in memory after the first read.
 */
import type { Context } from '../context.js';
import { Har2ApiError } from '../errors.js';
import type { Exchange } from '../exchange.js';
import type { Source } from '../model.js';
import { ingestEntry } from './entry.js';
import { describeJsonError, parseHarText, readCreator, readVersion } from './har-file.js';
import { MAX_SCHEMA_ENTRIES, MAX_SCHEMA_FINDINGS, schemaCheckStopped, validateHarEntry, validateHarSchema } from './har-validator.js';
import type { InputFile } from './index.js';
import { unwrapHarStream } from './stream-start.js';
import { splitHarStream } from './stream.js';

export interface Capture {
  readonly label: string;
  /** The exchanges in capture order. The first complete read fills `source` and `skipped`. */
  exchanges(): AsyncIterable<Exchange>;
  readonly source: Source;
  /** Entries that could not be used, by reason. */
  readonly skipped: Record<string, number>;
}

export function openCapture(input: InputFile, ctx: Context): Capture {
  const source: Source = { file: input.label, creator: null, harVersion: null, entries: 0 };
  const skipped: Record<string, number> = {};
  let kept: Exchange[] | null = null;
  let read = false;

  async function* first(): AsyncGenerator<Exchange> {
    const keep: Exchange[] | null = 'open' in input ? null : [];
    kept = keep;
    let index = 0;
    for await (const raw of rawEntries(input, source, ctx)) {
      const result = ingestEntry(raw, index++, input.label, ctx.report);
      if (result.ok) {
        keep?.push(result.exchange);
        yield result.exchange;
      } else skipped[result.reason] = (skipped[result.reason] ?? 0) + 1;
    }
    source.entries = index;
    read = true;
  }

  async function* again(open: () => AsyncIterable<Uint8Array>): AsyncGenerator<Exchange> {
    const silent: Context = { ...ctx, report: () => {} };
    let index = 0;
    for await (const item of splitHarStream(unwrapHarStream(open(), input.label), input.label)) {
      if (item.type !== 'entry') continue;
      const result = ingestEntry(JSON.parse(item.text), index++, input.label, silent.report);
      if (result.ok) yield result.exchange;
    }
  }

  return {
    label: input.label,
    source,
    skipped,
    exchanges() {
      if (!read) return first();
      if (kept !== null) return iterate(kept);
      return again((input as { open: () => AsyncIterable<Uint8Array> }).open);
    },
  };
}

async function* iterate(exchanges: readonly Exchange[]): AsyncGenerator<Exchange> {
  yield* exchanges;
}

/**
 * The raw `log.entries` items of a capture, with its schema checked on the way: the whole
 * document at once for text, entry by entry for a stream (where a broken entry is fatal, as a
 * broken file is). A stream's start is checked, and a JSONP wrapper taken off, as for text.
 */
async function* rawEntries(input: InputFile, source: Source, ctx: Context): AsyncGenerator<unknown> {
  if ('text' in input) {
    const { log, document } = parseHarText(input.text, input.label);
    source.creator = log.creator;
    source.harVersion = log.version;
    for (const d of await validateHarSchema(document, input.label)) ctx.report(d);
    // The parsed document is ours: letting go of each raw entry once read lets its body text be
    // collected while ingest goes on, instead of the whole document living to the end.
    const entries = log.entries;
    for (let i = 0; i < entries.length; i++) {
      const raw = entries[i];
      entries[i] = null;
      yield raw;
    }
    return;
  }
  const chunks = 'open' in input ? input.open() : input.chunks;
  let index = 0;
  let findings = 0;
  for await (const item of splitHarStream(unwrapHarStream(chunks, input.label), input.label)) {
    if (item.type === 'meta') {
      if (item.key === 'version') source.harVersion = readVersion(item.value);
      else source.creator = readCreator(item.value);
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(item.text);
    } catch (error) {
      throw new Har2ApiError('E_JSON', `entry ${index}: ${describeJsonError((error as Error).message, item.text)}`, input.label);
    }
    if (findings < MAX_SCHEMA_FINDINGS && index < MAX_SCHEMA_ENTRIES) {
      const found = await validateHarEntry(raw, input.label, index);
      for (const d of found.slice(0, MAX_SCHEMA_FINDINGS - findings)) ctx.report(d);
      findings += found.length;
      if (findings >= MAX_SCHEMA_FINDINGS) ctx.report(schemaCheckStopped(input.label));
    }
    index++;
    yield raw;
  }
}
