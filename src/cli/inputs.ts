/**
 * Command-line inputs to capture texts: files, directories (their `*.har`), globs, and `-` for
 * stdin. A missing file or a glob that matches nothing is one clear error.
 */
import { basename, resolve } from 'node:path';
import fg from 'fast-glob';
import { Har2ApiError } from '../errors.js';
import type { InputFile } from '../ingest/index.js';
import type { Io } from './io.js';

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

/** Reads one input; stdin and big files arrive as byte streams, counted through `onBytes`. */
export async function readInput(path: string, io: Io, onBytes?: (bytes: number) => void): Promise<InputFile> {
  if (path === '-') return { label: '-', chunks: countBytes(io.stdinChunks(), onBytes) };
  const label = basename(path);
  try {
    const size = (await io.statPath(path))?.size ?? 0;
    if (size > STREAM_THRESHOLD_BYTES) return { label, chunks: countBytes(io.readChunks(path), onBytes, label) };
    return { label, text: await io.readText(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new Har2ApiError('E_READ', `cannot read the file (${reason})`, label);
  }
}

async function* countBytes(chunks: AsyncIterable<Uint8Array>, onBytes?: (bytes: number) => void, label = '-'): AsyncGenerator<Uint8Array> {
  let total = 0;
  try {
    for await (const chunk of chunks) {
      total += chunk.length;
      onBytes?.(total);
      yield chunk;
    }
  } catch (error) {
    throw new Har2ApiError('E_READ', `cannot read the file (${(error as Error).message})`, label);
  }
}
