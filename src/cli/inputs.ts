/**
 * Command-line inputs to capture texts: files, directories (their `*.har`), globs, and `-` for
 * stdin. A missing file or a glob that matches nothing is one clear error. Files are read as
 * bytes and decoded by ingest (compressed, UTF-16, binary); they are never written to, and an
 * output that would land on an input is refused.
 */
import { basename, resolve } from 'node:path';
import fg from 'fast-glob';
import { Har2ApiError } from '../errors.js';
import { compression, decodeCaptureBytes, inflateChunks, needsDecoding } from '../ingest/decode.js';
import type { InputFile } from '../ingest/index.js';
import { describeFsError, type Io } from './io.js';

/** Expands the arguments to file paths (absolute), keeping `-` as is, without duplicates. */
export async function expandInputs(args: readonly string[], io: Io): Promise<string[]> {
  const paths: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      paths.push('-');
      continue;
    }
    const absolute = resolve(io.cwd, arg);
    const info = await io.statPath(absolute);
    if (info?.isFile) paths.push(absolute);
    else if (info?.isDirectory) {
      const found = await fg('**/*.har', { cwd: absolute, absolute: true, onlyFiles: true });
      if (found.length === 0) throw new Har2ApiError('E_NO_INPUT', `no .har files in directory ${arg}`);
      paths.push(...found.sort());
    } else if (fg.isDynamicPattern(arg)) {
      const found = await fg(arg, { cwd: io.cwd, absolute: true, onlyFiles: true });
      if (found.length === 0) throw new Har2ApiError('E_NO_INPUT', `no file matches ${arg}`);
      paths.push(...found.sort());
    } else throw new Har2ApiError('E_READ', 'file not found', arg);
  }
  return [...new Set(paths)];
}

/**
 * Files above this size are streamed entry by entry: parsing a whole file needs about twice its
 * size in memory, and V8 cannot hold a string past ~512 M characters at all.
 */
export const STREAM_THRESHOLD_BYTES = 256 * 1024 * 1024;

/**
 * Reads one input. Files up to the threshold are read whole and decoded (compressed, UTF-16,
 * binary: see ingest/decode.ts); stdin and big files arrive as byte streams, counted through
 * `onBytes`, inflated on the fly when compressed.
 */
export async function readInput(path: string, io: Io, onBytes?: (bytes: number) => void): Promise<InputFile> {
  if (path === '-') return readStream('-', io.stdinChunks(), onBytes);
  const label = basename(path);
  let bytes: Uint8Array;
  try {
    const size = (await io.statPath(path))?.size ?? 0;
    if (size > STREAM_THRESHOLD_BYTES) return await openBigFile(label, path, io, onBytes);
    bytes = await io.readBytes(path);
  } catch (error) {
    if (error instanceof Har2ApiError) throw error;
    throw readError(error, label);
  }
  onBytes?.(bytes.length);
  return { label, text: decodeCaptureBytes(bytes, label) };
}

/**
 * A stream is passed on as it is when it starts like UTF-8 text, and inflated on the fly when
 * it starts like gzip or zlib. Anything else (UTF-16, binary) is read whole and decoded, which
 * turns it into text or into the one clear error for it.
 */
async function readStream(label: string, source: AsyncIterable<Uint8Array>, onBytes?: (bytes: number) => void): Promise<InputFile> {
  const iterator = countBytes(source, onBytes, label)[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headSize = 0;
  let done = false;
  while (!done && headSize < 4) {
    const next = await iterator.next();
    if (next.done) done = true;
    else {
      head.push(next.value);
      headSize += next.value.length;
    }
  }
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield* head;
    if (!done) yield* { [Symbol.asyncIterator]: () => iterator };
  }
  const first = Buffer.concat(head);
  const format = compression(first);
  if (format !== null) return { label, chunks: inflateChunks(chunks(), format, label) };
  if (!needsDecoding(first)) return { label, chunks: chunks() };
  const whole: Uint8Array[] = [];
  for await (const chunk of chunks()) whole.push(chunk);
  return { label, text: decodeCaptureBytes(Buffer.concat(whole), label) };
}

/**
 * A big file is not read here: the pipeline opens it again for each pass. Its first bytes say
 * whether it is compressed (inflated on the fly each time) or UTF-16/binary (read whole, which
 * decodes it or gives the one clear error). Bytes are counted for progress on the first pass.
 */
async function openBigFile(label: string, path: string, io: Io, onBytes?: (bytes: number) => void): Promise<InputFile> {
  const iterator = io.readChunks(path)[Symbol.asyncIterator]();
  const head = await iterator.next();
  await iterator.return?.();
  const first = head.done ? new Uint8Array(0) : head.value;
  const format = compression(first);
  if (format === null && needsDecoding(first)) return readStream(label, io.readChunks(path), onBytes);
  let opened = 0;
  const open = (): AsyncIterable<Uint8Array> => {
    const chunks = countBytes(io.readChunks(path), opened++ === 0 ? onBytes : undefined, label);
    return format === null ? chunks : inflateChunks(chunks, format, label);
  };
  return { label, open };
}

function readError(error: unknown, label: string): Har2ApiError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ERR_FS_FILE_TOO_LARGE' ? 'larger than 2 GB; split the capture into smaller files' : describeFsError(error);
  return new Har2ApiError('E_READ', `cannot read the file (${reason})`, label);
}

async function* countBytes(chunks: AsyncIterable<Uint8Array>, onBytes: ((bytes: number) => void) | undefined, label: string): AsyncGenerator<Uint8Array> {
  let total = 0;
  try {
    for await (const chunk of chunks) {
      total += chunk.length;
      onBytes?.(total);
      yield chunk;
    }
  } catch (error) {
    throw readError(error, label);
  }
}

/** Refuses a run whose output would overwrite one of its inputs: inputs are never modified. */
export function refuseOutputsOverInputs(outputs: readonly string[], inputs: readonly string[]): void {
  const read = new Set(inputs.map((path) => resolve(path)));
  const clash = outputs.find((path) => read.has(resolve(path)));
  if (clash !== undefined) {
    throw new Har2ApiError('E_WRITE', `the output ${basename(clash)} would overwrite an input capture; choose another --out folder`);
  }
}
