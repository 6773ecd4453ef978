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

export async function readInput(path: string, io: Io): Promise<InputFile> {
  if (path === '-') return { label: '-', text: await io.readStdin() };
  try {
    return { label: basename(path), text: await io.readText(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new Har2ApiError('E_READ', `cannot read the file (${reason})`, basename(path));
  }
}
