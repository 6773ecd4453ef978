/**
 * Ingest: captures to `Exchange`s. A file that is not a HAR throws one `Har2ApiError`; schema
 * violations are warnings; unusable entries are skipped with a count. Small captures are parsed
 * whole; big ones arrive as byte streams and are split entry by entry (stream.ts), so a capture
 * past V8's string limit still works with flat memory. capture.ts reads a capture more than once.
 */
import type { Context } from '../context.js';
import type { Exchange } from '../exchange.js';
import type { Source } from '../model.js';
import { openCapture } from './capture.js';

export { type Capture, openCapture } from './capture.js';

export interface Ingested {
  source: Source;
  exchanges: Exchange[];
  /** Entries skipped, by reason. */
  skipped: Record<string, number>;
}

/**
 * A capture as text, as a byte stream read once (stdin), or as a byte stream that can be opened
 * again (a big file): the pipeline then re-reads it instead of holding it in memory.
 */
export type InputFile =
  | {
      /** The label used in messages and in the model: the file name, or `-` for stdin. */
      label: string;
      text: string;
    }
  | {
      label: string;
      /**
       * The text handed over once: the pipeline calls this once, on its first read, and keeps no
       * reference to the string, so a capture's text is freed as soon as it is parsed instead of
       * living as long as the caller's array (the CLI reads files this way: ingest/hand-over.ts).
       */
      takeText: () => string;
    }
  | { label: string; chunks: AsyncIterable<Uint8Array> }
  | { label: string; open: () => AsyncIterable<Uint8Array> };

/** Reads a whole capture into memory (for tests and small tools; the pipeline streams). */
export async function ingestHar(input: InputFile, ctx: Context): Promise<Ingested> {
  const capture = openCapture(input, ctx);
  const exchanges: Exchange[] = [];
  for await (const exchange of capture.exchanges()) exchanges.push(exchange);
  return { source: capture.source, exchanges, skipped: capture.skipped };
}
