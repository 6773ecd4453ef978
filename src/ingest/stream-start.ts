/**
 * The edges of a streamed capture (stdin, a pipe, a big or compressed file), checked and
 * unwrapped before the entry scanner (stream.ts) sees the bytes, so that a stream is read as a
 * file holding the same bytes is (har-file.ts): HAR Viewer's JSONP wrapper (`onInputData({…});`)
 * is taken off, and anything else before the opening `{` gets the file's one-line error instead
 * of being skipped. The common case, a stream that starts with `{`, passes through untouched.
 */
import { Har2ApiError } from '../errors.js';
import { JSONP_HEAD, parseHarText } from './har-file.js';

/** Bytes after the first non-blank one that the JSONP check looks at (as har-file.ts does). */
const HEAD_BYTES = 128;
/** How much of a stream that does not start like a HAR is read to say what it is instead. */
const PROBE_BYTES = 64 * 1024;
const OPEN_BRACE = 0x7b;
const EMPTY = new Uint8Array(0);

export async function* unwrapHarStream(chunks: AsyncIterable<Uint8Array>, label: string): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const readMore = async (): Promise<boolean> => {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      return false;
    }
    head.push(next.value);
    size += next.value.length;
    return true;
  };

  let buffer: Uint8Array = EMPTY;
  let first = -1;
  do {
    buffer = head.length === 1 ? head[0]! : Buffer.concat(head);
    first = firstNonBlank(buffer);
    if (first !== -1 && (buffer[first] === OPEN_BRACE || buffer.length - first >= HEAD_BYTES)) break;
  } while (await readMore());

  if (first !== -1 && buffer[first] === OPEN_BRACE) {
    if (buffer.length > 0) yield buffer;
    yield* rest(iterator);
    return;
  }
  const start = first === -1 ? '' : Buffer.from(buffer.buffer, buffer.byteOffset + first, Math.min(HEAD_BYTES, buffer.length - first)).toString('latin1');
  if (JSONP_HEAD.test(start)) {
    const body = buffer.subarray(first + start.indexOf('(') + 1);
    yield* withoutJsonpTail(prepend(body, iterator), label);
    return;
  }
  while (!ended && size < PROBE_BYTES) await readMore();
  throw notHarError(Buffer.concat(head).toString('utf8'), ended, label);
}

/** Index of the first byte that is not whitespace (after a UTF-8 byte-order mark), or -1. */
function firstNonBlank(bytes: Uint8Array): number {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return i < bytes.length ? i : -1;
}

/**
 * Passes the bytes on but the closing `)` (and `;`, blanks) of a JSONP call, which is held back
 * until the stream ends; a wrapper that is never closed is the error a file with it gets.
 */
async function* withoutJsonpTail(chunks: AsyncIterable<Uint8Array>, label: string): AsyncGenerator<Uint8Array> {
  let held: Uint8Array = EMPTY;
  for await (const chunk of chunks) {
    const cut = tailStart(chunk);
    if (cut === 0) {
      held = held.length === 0 ? chunk : Buffer.concat([held, chunk]);
      continue;
    }
    if (held.length > 0) yield held;
    yield chunk.subarray(0, cut);
    held = chunk.subarray(cut);
  }
  if (!/^\s*\)\s*;?\s*$/.test(Buffer.from(held).toString('latin1'))) {
    throw new Har2ApiError('E_JSON', 'not valid JSON: it starts like a JSONP call (`name(`) that never closes; is this a complete HAR export?', label);
  }
}

/** Where the run of `)`, `;` and blanks at the end of a chunk starts. */
function tailStart(chunk: Uint8Array): number {
  let i = chunk.length;
  while (i > 0) {
    const byte = chunk[i - 1];
    if (byte !== 0x29 && byte !== 0x3b && byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) break;
    i--;
  }
  return i;
}

/**
 * What a stream that does not open like a HAR is instead, in the words the file reader uses:
 * the whole of a short stream is parsed as a file would be; of a long one, its first bytes.
 */
function notHarError(probe: string, whole: boolean, label: string): Har2ApiError {
  // Cut short, an array would read as "ends early"; it is plainly not a HAR whatever follows.
  if (!whole && probe.trimStart().startsWith('['))
    return new Har2ApiError(
      'E_NOT_HAR',
      'JSON but not a HAR: there is no top-level "log" object (the top level is an array); export the capture as HAR',
      label,
    );
  try {
    parseHarText(probe, label);
  } catch (error) {
    if (error instanceof Har2ApiError) return error;
    throw error;
  }
  return new Har2ApiError('E_NOT_HAR', 'JSON but not a HAR: there is no top-level "log" object; export the capture as HAR', label);
}

async function* prepend(first: Uint8Array, iterator: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (first.length > 0) yield first;
  yield* rest(iterator);
}

async function* rest(iterator: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield next.value;
  }
}
