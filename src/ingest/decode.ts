/**
 * A capture file's bytes to its text, before any JSON is parsed: gzip and zlib files (mitmproxy's
 * `.zhar`, `capture.har.gz`) are inflated, UTF-8 and UTF-16 byte-order marks are honoured, and a
 * file that is plainly not text (a ZIP, an image, a truncated archive) is one clear error instead
 * of a confusing "not valid JSON". Pure: bytes in, text out.
 */
import { pipeline, Readable } from 'node:stream';
import { createGunzip, createInflate, gunzipSync, inflateSync } from 'node:zlib';
import { Har2ApiError } from '../errors.js';

/**
 * The most text a capture may inflate to. V8 cannot hold a longer string anyway, and the bound
 * stops a small "zip bomb" from filling memory before that limit is hit.
 */
export const MAX_INFLATED_BYTES = 0x1fffffe8;

const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/** Decodes a capture file's bytes to text, or throws a one-line `Har2ApiError` naming the file. */
export function decodeCaptureBytes(bytes: Uint8Array, label: string, maxInflated = MAX_INFLATED_BYTES): string {
  const plain = inflateIfCompressed(bytes, label, maxInflated);
  try {
    return decodeText(plain, label);
  } catch (error) {
    if (error instanceof Har2ApiError) throw error;
    // Node refuses strings past ~512 MB with ERR_STRING_TOO_LONG.
    throw new Har2ApiError('E_READ', `the file is too large to read as text (${megabytes(plain.length)}); split the capture into smaller files`, label);
  }
}

function inflateIfCompressed(bytes: Uint8Array, label: string, maxInflated: number): Uint8Array {
  const format = compression(bytes);
  if (format === null) return bytes;
  try {
    const inflate = format === 'gzip' ? gunzipSync : inflateSync;
    return inflate(bytes, { maxOutputLength: maxInflated });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Two bytes are a weak signature for zlib: text that merely starts like it is read as text.
    if (format === 'zlib' && code !== 'ERR_BUFFER_TOO_LARGE' && !looksInflatable(bytes)) return bytes;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new Har2ApiError(
        'E_READ',
        `the ${format}-compressed file inflates to more than ${megabytes(maxInflated)}; split the capture into smaller files`,
        label,
      );
    }
    const reason = code === 'Z_BUF_ERROR' ? 'it ends early' : 'its data is corrupt';
    throw new Har2ApiError(
      'E_READ',
      `the file is ${format}-compressed but cannot be decompressed (${reason}); it was probably truncated: copy or export it again`,
      label,
    );
  }
}

/** A zlib stream is binary from its third byte on; a text file starting `x^` or `xÚ` is not. */
function looksInflatable(bytes: Uint8Array): boolean {
  const head = bytes.subarray(2, 64);
  return head.some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte >= 0x80);
}

/**
 * A compressed capture that is streamed (stdin, big files), inflated chunk by chunk so memory
 * stays flat. A stream that ends early or is corrupt is one clear error.
 */
export async function* inflateChunks(chunks: AsyncIterable<Uint8Array>, format: Compression, label: string): AsyncGenerator<Uint8Array> {
  // 1 MB chunks, as files are read (cli/io.ts): with the default 16 KB ones the per-chunk cost
  // dominated (a 0.7 MB .har.gz of 588 MB: 13.8 s, now 5.1 s).
  const options = { chunkSize: 1 << 20 };
  const inflate = format === 'gzip' ? createGunzip(options) : createInflate(options);
  pipeline(Readable.from(chunks), inflate, () => undefined);
  try {
    for await (const chunk of inflate) yield chunk as Uint8Array;
  } catch (error) {
    if (error instanceof Har2ApiError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' ? 'it ends early' : 'its data is corrupt';
    throw new Har2ApiError(
      'E_READ',
      `the file is ${format}-compressed but cannot be decompressed (${reason}); it was probably truncated: copy or export it again`,
      label,
    );
  }
}

/**
 * True when a capture starting with `head` cannot be read as UTF-8 text as it comes: it is
 * compressed, UTF-16, or binary. The streaming reader takes only UTF-8.
 */
export function needsDecoding(head: Uint8Array): boolean {
  const buffer = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (compression(buffer) !== null) return true;
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) return true;
  if (buffer.length >= 2 && (buffer[0] === 0) !== (buffer[1] === 0)) return true;
  return binaryKind(buffer) !== null;
}

export type Compression = 'gzip' | 'zlib';

/** gzip by its magic number; zlib by its header (CMF 0x78 and a FCHECK that makes it a multiple of 31). */
export function compression(bytes: Uint8Array): Compression | null {
  const [a, b] = [bytes[0], bytes[1]];
  if (a === undefined || b === undefined) return null;
  if (a === 0x1f && b === 0x8b) return 'gzip';
  if (a === 0x78 && ((a << 8) | b) % 31 === 0) return 'zlib';
  return null;
}

function decodeText(bytes: Uint8Array, label: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.toString('utf8', 3);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return utf16le.decode(buffer.subarray(2));
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return utf16be.decode(buffer.subarray(2));
  // UTF-16 without a byte-order mark: the first character, `{` or whitespace, is ASCII.
  if (buffer.length >= 2 && buffer[0] === 0 && buffer[1] !== 0) return utf16be.decode(buffer);
  if (buffer.length >= 2 && buffer[0] !== 0 && buffer[1] === 0) return utf16le.decode(buffer);
  const kind = binaryKind(buffer);
  if (kind !== null) throw new Har2ApiError('E_NOT_HAR', `this is ${kind}, not a HAR (JSON text); export the capture as HAR from the browser or proxy`, label);
  // Invalid UTF-8 sequences become U+FFFD: a HAR with a stray Latin-1 byte is still usable.
  return buffer.toString('utf8');
}

/** Names a file that is certainly not text; null when it may be text. */
function binaryKind(buffer: Buffer): string | null {
  const starts = (...signature: number[]): boolean => signature.every((byte, i) => buffer[i] === byte);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'a ZIP archive (unzip it first)';
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return 'a Zstandard-compressed file (decompress it first)';
  if (starts(0x42, 0x5a, 0x68)) return 'a bzip2-compressed file (decompress it first)';
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'an xz-compressed file (decompress it first)';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) return 'an image';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF document';
  if (starts(0x53, 0x51, 0x4c, 0x69, 0x74, 0x65)) return 'an SQLite database';
  // NUL never appears in JSON text. A file that opens like JSON is left to the JSON parser,
  // which says where it breaks.
  const head = buffer.subarray(0, 4096);
  const first = head.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
  return first !== 0x7b && first !== 0x5b && head.includes(0) ? 'binary data' : null;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1048576)} MB`;
}
