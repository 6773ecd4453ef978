/**
 * A capture the pipeline can read more than once: first to learn secrets and template paths,
 * then to describe the endpoints kept. A capture too big to hold in memory is simply streamed
 * again, so memory stays flat whatever its size.
 *
 * The first read reports diagnostics, checks the HAR schema and counts; later reads are silent
 * and yield the same exchanges in the same order, only those of the entries asked for (`only`).
 * Text and read-once streams (stdin) keep their exchanges in memory after the first read; a
 * long text keeps its parsed entries instead, and ingests the ones asked for again.
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
  /**
   * The exchanges in capture order. The first complete read fills `source` and `skipped`. A later
   * read with `only` (entry indices, ascending) yields just those entries' exchanges, and lets
   * go of every other entry for good: the reads after it see no more than it did.
   */
  exchanges(only?: readonly number[]): AsyncIterable<Exchange>;
  readonly source: Source;
  /** Entries that could not be used, by reason. */
  readonly skipped: Record<string, number>;
}

/**
 * Up to this many characters of text, a capture keeps its exchanges after the first read; a
 * longer one keeps its parsed entries and ingests those asked for again. Exchanges hold their
 * bodies parsed, about two and a half times the text: a 200 MB capture's came to 500 MB, above
 * the parsed document the first read needs anyway. Ingesting again costs about a sixth of a
 * run, paid only where memory matters more.
 */
export const KEEP_EXCHANGES_MAX_CHARS = 128 * 1024 * 1024;

/** `keepExchangesMaxChars` is for tests: the limit above which a text keeps its parsed entries. */
export function openCapture(input: InputFile, ctx: Context, keepExchangesMaxChars = KEEP_EXCHANGES_MAX_CHARS): Capture {
  const source: Source = { file: input.label, creator: null, harVersion: null, entries: 0 };
  const skipped: Record<string, number> = {};
  let kept: Exchange[] | null = null;
  let raw: (unknown | null)[] | null = null;
  let read = false;
  /** The entries a streamed capture's later reads yield, once a read has narrowed them. */
  let asked: readonly number[] | undefined;
  const silent = (): void => {};

  async function* first(): AsyncGenerator<Exchange> {
    const keep: Exchange[] | null = 'open' in input ? null : [];
    const store: RawStore = { entries: null };
    let index = 0;
    for await (const entry of rawEntries(input, source, ctx, store, keepExchangesMaxChars)) {
      const result = ingestEntry(entry, index++, input.label, ctx.report);
      if (result.ok) {
        if (store.entries === null) keep?.push(result.exchange);
        yield result.exchange;
      } else skipped[result.reason] = (skipped[result.reason] ?? 0) + 1;
    }
    source.entries = index;
    raw = store.entries;
    kept = raw === null ? keep : null;
    read = true;
  }

  async function* ingestAgain(entries: (unknown | null)[], only: readonly number[] | undefined): AsyncGenerator<Exchange> {
    if (only !== undefined) forget(entries, only);
    for (const index of only ?? entries.keys()) {
      const entry = entries[index];
      if (entry === null || entry === undefined) continue;
      const result = ingestEntry(entry, index, input.label, silent);
      if (result.ok) yield result.exchange;
    }
  }

  async function* again(open: () => AsyncIterable<Uint8Array>, only: readonly number[] | undefined): AsyncGenerator<Exchange> {
    let index = 0;
    let next = 0;
    for await (const item of splitHarStream(unwrapHarStream(open(), input.label), input.label)) {
      if (item.type !== 'entry') continue;
      const at = index++;
      // Entries not asked for are not even parsed.
      if (only !== undefined) {
        if (next >= only.length || only[next] !== at) continue;
        next++;
      }
      const result = ingestEntry(JSON.parse(item.text), at, input.label, silent);
      if (result.ok) yield result.exchange;
    }
  }

  return {
    label: input.label,
    source,
    skipped,
    exchanges(only) {
      if (!read) return first();
      if (raw !== null) return ingestAgain(raw, only);
      if (kept !== null) {
        if (only !== undefined) kept = narrow(kept, only);
        return iterate(kept);
      }
      if (only !== undefined) asked = only;
      return again((input as { open: () => AsyncIterable<Uint8Array> }).open, asked);
    },
  };
}

async function* iterate(exchanges: readonly Exchange[]): AsyncGenerator<Exchange> {
  yield* exchanges;
}

/** The exchanges of the entries in `only` (ascending), in order. */
function narrow(exchanges: readonly Exchange[], only: readonly number[]): Exchange[] {
  const narrowed: Exchange[] = [];
  let next = 0;
  for (const exchange of exchanges) {
    while (next < only.length && only[next]! < exchange.entry) next++;
    if (next < only.length && only[next] === exchange.entry) narrowed.push(exchange);
  }
  return narrowed;
}

/** Lets go of every raw entry not in `only` (ascending), so it can be collected. */
function forget(entries: (unknown | null)[], only: readonly number[]): void {
  let next = 0;
  for (let i = 0; i < entries.length; i++) {
    if (next < only.length && only[next] === i) next++;
    else entries[i] = null;
  }
}

/** Where the first read of a long text leaves its parsed entries, for the later reads. */
interface RawStore {
  entries: (unknown | null)[] | null;
}

/**
 * The raw `log.entries` items of a capture, with its schema checked on the way: the whole
 * document at once for text, entry by entry for a stream (where a broken entry is fatal, as a
 * broken file is). A stream's start is checked, and a JSONP wrapper taken off, as for text.
 */
async function* rawEntries(input: InputFile, source: Source, ctx: Context, store: RawStore, keepExchangesMaxChars: number): AsyncGenerator<unknown> {
  if ('text' in input || 'takeText' in input) {
    let text: string | null = 'text' in input ? input.text : input.takeText();
    const long = text.length > keepExchangesMaxChars;
    const { log, document } = parseHarText(text, input.label);
    // Nothing here names the text any more: it can be collected (see InputFile's `takeText`).
    text = null;
    source.creator = log.creator;
    source.harVersion = log.version;
    for (const d of await validateHarSchema(document, input.label)) ctx.report(d);
    const entries = log.entries;
    if (long) {
      store.entries = entries;
      yield* entries;
      return;
    }
    // The parsed document is ours: letting go of each raw entry once read lets its body text be
    // collected while ingest goes on, instead of the whole document living to the end.
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
