/**
 * Everything the CLI does to the outside world, behind one interface so tests can run the real
 * command in-process with fake files, stdin and streams.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is an interactive terminal (progress is shown only then). */
  stderrIsTTY: boolean;
  /** Standard input as a byte stream. */
  stdinChunks: () => AsyncIterable<Uint8Array>;
  readText: (path: string) => Promise<string>;
  /** A file as a byte stream, for captures too big to read as one string. */
  readChunks: (path: string) => AsyncIterable<Uint8Array>;
  /** null when the path does not exist. */
  statPath: (path: string) => Promise<{ isFile: boolean; isDirectory: boolean; size: number } | null>;
  /** Writes all files or none: each goes to a temp file first, then all are renamed. */
  writeFilesAtomically: (files: readonly { path: string; content: string }[]) => Promise<void>;
}

export function nodeIo(): Io {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdinChunks: () => process.stdin,
    readText: (path) => readFile(path, 'utf8'),
    readChunks: (path) => createReadStream(path, { highWaterMark: 1 << 20 }),
    statPath: async (path) => {
      try {
        const s = await stat(path);
        return { isFile: s.isFile(), isDirectory: s.isDirectory(), size: s.size };
      } catch {
        return null;
      }
    },
    writeFilesAtomically: async (files) => {
      const temps: { temp: string; path: string }[] = [];
      try {
        for (const file of files) {
          await mkdir(dirname(file.path), { recursive: true });
          const temp = join(dirname(file.path), `.${process.pid}.${temps.length}.har2api.tmp`);
          temps.push({ temp, path: file.path });
          await writeFile(temp, file.content, 'utf8');
        }
        for (const { temp, path } of temps) await rename(temp, path);
      } catch (error) {
        await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
        throw error;
      }
    },
  };
}
