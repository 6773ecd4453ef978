/**
 * Command-line inputs to capture texts: files, directories (their captures: `.har`, `.har.gz`,
 * `.zhar`, `.harp`, in subfolders too; a subfolder that cannot be read is one warning and the
 * rest is read), globs, `-` for
 * stdin, and pipes (`<(zcat x.har.gz)`) or character devices, which are read once like stdin.
 * A missing file or a glob that matches nothing is one clear error. Files are read as bytes and
 * decoded by ingest (compressed, UTF-16, binary); they are never written to, and an output that
 * would land on an input is refused. The same bytes give the same result whichever way they come.
 * Files are named by their file name, or by as much of their path as tells two of the same name
 * apart (`a/capture.har`, `b/capture.har`).
 */
import { basename, join, relative, resolve, sep } from 'node:path';
import type FastGlob from 'fast-glob';
import { Har2ApiError } from '../errors.js';
import { type Compression, compression, decodeCaptureBytes, inflateChunks, MAX_INFLATED_BYTES, needsDecoding } from '../ingest/decode.js';
import type { InputFile } from '../ingest/index.js';
import { describeFsError, type Io } from './io.js';

// Loaded only when an argument is a directory or a glob: a plain file path never needs it.
let glob: Promise<typeof FastGlob> | undefined;
function loadGlob(): Promise<typeof FastGlob> {
  glob ??= import('fast-glob').then((module) => module.default);
  return glob;
}

/** The captures a directory holds: every file name the tool reads when it is named. */
export const CAPTURE_FILES = '**/*.{har,har.gz,zhar,harp}';

/**
 * Expands the arguments to file paths (absolute), keeping `-` as is, without duplicates. A
 * folder inside a directory that cannot be listed is passed to `warn` and left out.
 */
export async function expandInputs(args: readonly string[], io: Io, warn: (message: string) => void = () => {}): Promise<string[]> {
  const paths: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      paths.push('-');
      continue;
    }
    const absolute = resolve(io.cwd, arg);
    const info = await io.statPath(absolute);
    if (info?.isFile || info?.isStream) {
      paths.push(absolute);
      continue;
    }
    const fg = await loadGlob();
    if (info?.isDirectory) {
      const found = await listCaptures(fg, absolute, arg, warn);
      if (found.length === 0) throw new Har2ApiError('E_NO_INPUT', `no captures (.har, .har.gz, .zhar, .harp) in directory ${arg}`);
      paths.push(...found.sort());
    } else if (fg.isDynamicPattern(arg)) {
      const found = await fg(arg, { cwd: io.cwd, absolute: true, onlyFiles: true });
      if (found.length === 0) throw new Har2ApiError('E_NO_INPUT', `no file matches ${arg}`);
      paths.push(...found.sort());
    } else throw new Har2ApiError('E_READ', 'file not found', arg);
  }
  return [...new Set(paths)];
}

/** The captures under a directory, leaving out (and naming) each folder that cannot be listed. */
export async function listCaptures(
  fg: (pattern: string, options: { cwd: string; absolute: true; onlyFiles: true; ignore: string[] }) => Promise<string[]>,
  root: string,
  shown: string,
  warn: (message: string) => void,
): Promise<string[]> {
  const ignore: string[] = [];
  // fast-glob stops at the first folder it cannot read: leave that one out and list again.
  for (;;) {
    try {
      return await fg(CAPTURE_FILES, { cwd: root, absolute: true, onlyFiles: true, ignore });
    } catch (error) {
      const { code, path } = error as NodeJS.ErrnoException;
      if ((code !== 'EACCES' && code !== 'EPERM') || typeof path !== 'string' || ignore.length >= 1000) throw readError(error, shown);
      const inside = relative(root, path);
      if (inside === '' || inside.startsWith('..')) throw readError(error, shown);
      ignore.push(`${inside.split(sep).join('/')}/**`);
      warn(`cannot read the folder ${join(shown, inside)} (${describeFsError(error)}); its captures are left out`);
    }
  }
}

/**
 * The name each input goes by in messages and in the reference: its file name, or as many of
 * its last path segments as it takes to tell it from another input of the same name.
 */
export function inputLabels(paths: readonly string[]): Map<string, string> {
  const parts = new Map(paths.map((path) => [path, path === '-' ? ['-'] : path.split(/[\\/]/).filter(Boolean)]));
  const labels = new Map<string, string>();
  for (const [path, segments] of parts) {
    let depth = 1;
    const label = (n: number, of: string[]) => of.slice(-n).join('/');
    const clash = (n: number) => [...parts].some(([other, o]) => other !== path && label(n, o) === label(n, segments));
    while (depth < segments.length && clash(depth)) depth++;
    labels.set(path, label(depth, segments));
  }
  return labels;
}

/**
 * Files above this size are streamed entry by entry: parsing a whole file needs about twice its
 * size in memory, and V8 cannot hold a string past ~512 M characters at all.
 */
export const STREAM_THRESHOLD_BYTES = 256 * 1024 * 1024;

/**
 * Reads one input. Uncompressed files up to the threshold are read whole and decoded (UTF-16,
 * binary: see ingest/decode.ts). Compressed files are always streamed and inflated on the fly,
 * however small: what they inflate to is only known by inflating them, and a 1 MB `.har.gz` can
 * hold a 600 MB capture. Big files are streamed too; stdin and pipes arrive as byte streams read
 * once. Bytes read are counted through `onBytes`.
 */
/** Bytes read so far of the input named `label` (for the progress display). */
export type OnBytes = (bytes: number, label: string) => void;

export async function readInput(path: string, io: Io, onBytes?: OnBytes, label = basename(path)): Promise<InputFile> {
  if (path === '-') return readStream('-', io.stdinChunks(), onBytes);
  let bytes: Uint8Array;
  try {
    const info = await io.statPath(path);
    if (info?.isStream) return await readStream(label, io.readChunks(path), onBytes);
    const head = await firstChunk(io.readChunks(path));
    if (compression(head) !== null || (info?.size ?? 0) > STREAM_THRESHOLD_BYTES) return await openFile(label, path, head, io, onBytes);
    bytes = await io.readBytes(path);
  } catch (error) {
    if (error instanceof Har2ApiError) throw error;
    throw readError(error, label);
  }
  onBytes?.(bytes.length, label);
  return { label, text: decodeCaptureBytes(bytes, label) };
}

/**
 * A stream read once (stdin, a pipe): passed on as it is when it starts like UTF-8 text, and
 * inflated on the fly when it starts like gzip or zlib. Anything else (UTF-16, binary, also
 * inside the compression) is read whole and decoded, which turns it into text or into the one
 * clear error for it.
 */
async function readStream(label: string, source: AsyncIterable<Uint8Array>, onBytes?: OnBytes): Promise<InputFile> {
  let { head, chunks } = await peek(countBytes(source, onBytes, label));
  const format = compression(head);
  if (format !== null) ({ head, chunks } = await peek(inflateChunks(chunks, format, label)));
  if (!needsDecoding(head)) return { label, chunks };
  return { label, text: decodeCaptureBytes(await readWhole(chunks, format, label), label) };
}

/**
 * A file streamed rather than read whole, opened again for each pass of the pipeline. A file
 * whose (inflated) start is UTF-16 or binary is read whole instead, which decodes it or gives
 * the one clear error. Bytes are counted for progress on the first pass.
 */
async function openFile(label: string, path: string, head: Uint8Array, io: Io, onBytes?: OnBytes): Promise<InputFile> {
  const format = compression(head);
  const inner = format === null ? head : await firstChunk(inflateChunks(io.readChunks(path), format, label));
  if (needsDecoding(inner)) return readStream(label, io.readChunks(path), onBytes);
  let opened = 0;
  const open = (): AsyncIterable<Uint8Array> => {
    const chunks = countBytes(io.readChunks(path), opened++ === 0 ? onBytes : undefined, label);
    return format === null ? chunks : inflateChunks(chunks, format, label);
  };
  return { label, open };
}

/** At least the first 4 bytes of a stream (fewer only if it is shorter), and the whole stream with them put back. */
async function peek(source: AsyncIterable<Uint8Array>): Promise<{ head: Uint8Array; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const first: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (!done && size < 4) {
    const next = await iterator.next();
    if (next.done) done = true;
    else {
      first.push(next.value);
      size += next.value.length;
    }
  }
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield* first;
    if (!done) yield* { [Symbol.asyncIterator]: () => iterator };
  }
  return { head: Buffer.concat(first), chunks: chunks() };
}

/** The first chunk of a stream, which is then closed. */
async function firstChunk(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    const next = await iterator.next();
    return next.done ? new Uint8Array(0) : next.value;
  } finally {
    await iterator.return?.();
  }
}

/** A whole stream in memory, bounded like an inflated file (ingest/decode.ts) so a small bomb cannot fill memory. */
async function readWhole(chunks: AsyncIterable<Uint8Array>, format: Compression | null, label: string): Promise<Uint8Array> {
  const all: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > MAX_INFLATED_BYTES) {
      const what = format === null ? 'the input is' : `the ${format}-compressed input inflates to`;
      throw new Har2ApiError(
        'E_READ',
        `${what} more than ${Math.round(MAX_INFLATED_BYTES / 1048576)} MB of UTF-16 or binary data, too large to read as text; split the capture into smaller files`,
        label,
      );
    }
    all.push(chunk);
  }
  return Buffer.concat(all);
}

function readError(error: unknown, label: string): Har2ApiError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ERR_FS_FILE_TOO_LARGE' ? 'larger than 2 GB; split the capture into smaller files' : describeFsError(error);
  return new Har2ApiError('E_READ', `cannot read the file (${reason})`, label);
}

async function* countBytes(chunks: AsyncIterable<Uint8Array>, onBytes: OnBytes | undefined, label: string): AsyncGenerator<Uint8Array> {
  let total = 0;
  try {
    for await (const chunk of chunks) {
      total += chunk.length;
      onBytes?.(total, label);
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
