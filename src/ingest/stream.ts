/**
 * Streaming HAR reading for captures too big to hold as one string (V8 stops at ~512 M chars):
 * a byte scanner finds `log.entries` and yields each entry's JSON text on its own, plus the small
 * `log.version` and `log.creator` values, so memory stays flat whatever the file size.
 *
 * Strings are skipped with `indexOf('"')` and a backslash count rather than byte by byte, which
 * keeps the scanner well above JSON.parse's own speed. Only structure is checked here; each entry
 * is parsed by the caller. A file that ends early is an error, never a silent partial result.
 */
import { Har2ApiError } from '../errors.js';

export type StreamItem = { type: 'entry'; text: string } | { type: 'meta'; key: 'version' | 'creator'; value: unknown };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const META_KEYS = new Set(['version', 'creator']);

interface Capture {
  /** What is captured: an entry, or a `log` key's value. */
  kind: 'entry' | 'version' | 'creator';
  /** Depth at which the captured value sits; it ends at the next `,` or closer at this depth. */
  depth: number;
  pieces: Uint8Array[];
  start: number;
}

/** Splits a HAR byte stream into entries. Throws `Har2ApiError` for a truncated or non-HAR file. */
export async function* splitHarStream(chunks: AsyncIterable<Uint8Array>, label = '-'): AsyncGenerator<StreamItem> {
  const stack: number[] = []; // 0x7b for objects, 0x5b for arrays
  const expectKey: boolean[] = [];
  let inString = false;
  let escaped = false;
  let keyPieces: Uint8Array[] | null = null;
  let keyStart = 0;
  const lastKey = ['', '', '']; // last key read at depths 1 and 2
  let pendingKey: string | null = null; // a depth-2 key whose value has not started yet
  let entriesDepth = -1; // depth of the entries array's elements, once found
  let sawLog = false;
  let sawEntries = false;
  let capture: Capture | null = null;
  let entries = 0;
  let first = true;
  let done = false;

  const error = (message: string): Har2ApiError => new Har2ApiError('E_JSON', message, label);

  for await (const chunk of chunks) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let i = 0;
    if (first) {
      first = false;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
    }
    const end = buf.length;
    while (i < end) {
      if (inString) {
        const quote = buf.indexOf(QUOTE, i);
        const stop = quote === -1 ? end : quote;
        let run = 0;
        let k = stop - 1;
        while (k >= i && buf[k] === BACKSLASH) {
          run++;
          k--;
        }
        if (k < i && escaped) run++;
        if (quote === -1) {
          escaped = run % 2 === 1;
          i = end;
          break;
        }
        escaped = false;
        if (run % 2 === 1) {
          i = quote + 1;
          continue;
        }
        inString = false;
        i = quote + 1;
        if (keyPieces) {
          keyPieces.push(buf.subarray(keyStart, quote));
          const depth = stack.length;
          lastKey[depth] = Buffer.concat(keyPieces).toString('utf8');
          keyPieces = null;
        }
        continue;
      }
      const byte = buf[i]!;
      if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) {
        i++;
        continue;
      }
      if (done) throw error('unexpected data after the end of the HAR document');
      const depth = stack.length;
      // A value begins here: start capturing it if it is an entry or a wanted log key.
      if (pendingKey !== null && depth === 2 && byte !== 0x3a) {
        if (pendingKey === 'entries') {
          if (byte !== 0x5b) throw new Har2ApiError('E_NOT_HAR', 'not a HAR: "log.entries" is not an array', label);
          entriesDepth = 3;
          sawEntries = true;
        } else if (META_KEYS.has(pendingKey)) capture = { kind: pendingKey as 'version' | 'creator', depth: 2, pieces: [], start: i };
        pendingKey = null;
      } else if (capture === null && depth === entriesDepth && stack[depth - 1] === 0x5b && byte !== 0x2c && byte !== 0x5d) {
        capture = { kind: 'entry', depth, pieces: [], start: i };
      }
      if (byte === QUOTE) {
        inString = true;
        escaped = false;
        if (depth <= 2 && expectKey[depth - 1] === true) {
          keyPieces = [];
          keyStart = i + 1;
        }
        i++;
        continue;
      }
      if (byte === 0x7b || byte === 0x5b) {
        if (depth === 0 && byte !== 0x7b) throw new Har2ApiError('E_NOT_HAR', 'not a HAR: the file is JSON but not an object with a "log"', label);
        stack.push(byte);
        expectKey.push(byte === 0x7b);
        i++;
        continue;
      }
      if (byte === 0x7d || byte === 0x5d || byte === 0x2c) {
        if (capture !== null && depth === capture.depth) {
          const text = capturedText(capture, buf, i);
          if (capture.kind === 'entry') {
            entries++;
            yield { type: 'entry', text };
          } else {
            yield { type: 'meta', key: capture.kind, value: parseMeta(text) };
          }
          capture = null;
        }
        if (byte === 0x2c) {
          if (depth === 0) throw error('unexpected "," outside the HAR document');
          if (stack[depth - 1] === 0x7b) expectKey[depth - 1] = true;
        } else {
          const open = stack.pop();
          expectKey.pop();
          if (open === undefined || (byte === 0x7d) !== (open === 0x7b))
            throw error(`mismatched "${String.fromCharCode(byte)}" after ${entries} entries; the file is not valid JSON`);
          if (depth === entriesDepth) entriesDepth = -1;
          if (stack.length === 0) done = true;
        }
        i++;
        continue;
      }
      if (byte === 0x3a) {
        if (depth >= 1 && stack[depth - 1] === 0x7b) {
          expectKey[depth - 1] = false;
          if (depth === 1 && lastKey[1] === 'log') sawLog = true;
          if (depth === 2 && lastKey[1] === 'log') pendingKey = lastKey[2]!;
        }
        i++;
        continue;
      }
      if (depth === 1 && lastKey[1] === 'log' && byte !== 0x7b) throw new Har2ApiError('E_NOT_HAR', 'not a HAR: "log" is not an object', label);
      i++;
    }
    if (capture !== null) {
      capture.pieces.push(buf.subarray(capture.start));
      capture.start = 0;
    }
    if (keyPieces !== null) {
      keyPieces.push(buf.subarray(keyStart));
      keyStart = 0;
    }
  }
  if (first) throw error('the file is empty, expected a HAR (JSON) capture');
  if (!done || inString) throw error(`the file ends before the HAR is complete (truncated download?) after ${entries} entries`);
  if (!sawLog) throw new Har2ApiError('E_NOT_HAR', 'JSON but not a HAR: there is no top-level "log" object', label);
  if (!sawEntries) throw new Har2ApiError('E_NOT_HAR', 'not a HAR: "log.entries" is missing or not an array', label);
}

/**
 * The text of a value that ends at `end` of `buf`. One that lies within the chunk is decoded
 * from it in place: copying every entry into a buffer of its own first would allocate, outside
 * the JS heap, as many bytes as the file holds, on every read of it.
 */
function capturedText(capture: Capture, buf: Buffer, end: number): string {
  if (capture.pieces.length === 0) return buf.toString('utf8', capture.start, end);
  capture.pieces.push(buf.subarray(capture.start, end));
  return Buffer.concat(capture.pieces).toString('utf8');
}

function parseMeta(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
