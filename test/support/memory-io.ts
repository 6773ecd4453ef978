/**
 * An in-memory `Io` for running the real CLI in-process: files live in a Map, stdout and stderr
 * are captured. Files can also be read from the real disk by listing them in `disk` (kept as
 * bytes, so compressed captures work), or given as bytes in `binary`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Io } from '../../src/cli/io.js';

export interface MemoryIo extends Io {
  files: Map<string, string>;
  out: string[];
  err: string[];
}

export interface MemoryIoOptions {
  stdin?: string | Uint8Array;
  disk?: string[];
  binary?: Record<string, Uint8Array>;
}

export function memoryIo(files: Record<string, string> = {}, options: MemoryIoOptions = {}): MemoryIo {
  const cwd = '/virtual';
  const map = new Map(Object.entries(files).map(([path, content]) => [resolve(cwd, path), content]));
  const binary = new Map(Object.entries(options.binary ?? {}).map(([path, content]) => [resolve(cwd, path), content]));
  for (const path of options.disk ?? []) binary.set(resolve(cwd, path), readFileSync(path));
  const out: string[] = [];
  const err: string[] = [];
  const isDir = (path: string) => [...map.keys(), ...binary.keys()].some((k) => k.startsWith(`${path}/`));
  const missing = (path: string) => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  const bytesOf = (path: string): Uint8Array | undefined => binary.get(path) ?? (map.has(path) ? Buffer.from(map.get(path)!) : undefined);
  return {
    cwd,
    files: map,
    out,
    err,
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    stderrIsTTY: false,
    stdinChunks: async function* () {
      if (options.stdin !== undefined && options.stdin.length > 0) yield typeof options.stdin === 'string' ? Buffer.from(options.stdin) : options.stdin;
    },
    readBytes: async (path) => {
      const content = bytesOf(path);
      if (content === undefined) throw missing(path);
      return content;
    },
    readText: async (path) => {
      const content = bytesOf(path);
      if (content === undefined) throw missing(path);
      return map.get(path) ?? Buffer.from(content).toString('utf8');
    },
    readChunks: async function* (path) {
      const content = bytesOf(path);
      if (content === undefined) throw missing(path);
      yield content;
    },
    statPath: async (path) => {
      const content = bytesOf(path);
      if (content !== undefined) return { isFile: true, isDirectory: false, isStream: false, size: content.length };
      return isDir(path) ? { isFile: false, isDirectory: true, isStream: false, size: 0 } : null;
    },
    writeFilesAtomically: async (written) => {
      for (const file of written) map.set(file.path, file.content);
    },
  };
}
