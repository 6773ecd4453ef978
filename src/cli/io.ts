/**
 * Everything the CLI does to the outside world, behind one interface so tests can run the real
 * command in-process with fake files, stdin and streams.
 *
 * Writes cannot lose data: every output goes to a temp file beside its target (written and
 * flushed to disk), and only when all are written are they renamed over the targets. A rename
 * within a folder is atomic, so a reader, or a run that is killed, sees the old file or the new
 * one, never half of one. If a rename fails midway, the files already replaced are put back.
 * Inputs are only ever read.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Har2ApiError } from '../errors.js';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is an interactive terminal (progress is shown only then). */
  stderrIsTTY: boolean;
  /** Standard input as a byte stream. */
  stdinChunks: () => AsyncIterable<Uint8Array>;
  /** A whole file as bytes (a capture may be compressed or UTF-16). */
  readBytes: (path: string) => Promise<Uint8Array>;
  readText: (path: string) => Promise<string>;
  /** A file as a byte stream, for captures too big to read as one string. */
  readChunks: (path: string) => AsyncIterable<Uint8Array>;
  /**
   * null when the path does not exist. `isStream`: a pipe (FIFO, `<(…)`) or a character device,
   * which can be read once, as a stream, but not opened again or measured.
   */
  statPath: (path: string) => Promise<{ isFile: boolean; isDirectory: boolean; isStream: boolean; size: number } | null>;
  /**
   * Writes all files or none: each goes to a temp file first, then all are renamed. Throws a
   * one-line `Har2ApiError` (`E_WRITE`) and leaves every target as it was when anything fails.
   */
  writeFilesAtomically: (files: readonly { path: string; content: string }[]) => Promise<void>;
  /**
   * Whether quicktype may run on a worker thread (quicktype-thread.ts): in the real process. An
   * in-process test's Io leaves it off: there the sources are TypeScript, which a worker cannot load.
   */
  quicktypeThread?: boolean;
}

export function nodeIo(): Io {
  // `har2api … -o - | head`: the reader has what it wanted; stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  return {
    cwd: process.cwd(),
    quicktypeThread: true,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdinChunks: () => process.stdin,
    readBytes: (path) => readFile(path),
    readText: (path) => readFile(path, 'utf8'),
    readChunks: (path) => createReadStream(path, { highWaterMark: 1 << 20 }),
    statPath: async (path) => {
      try {
        const s = await stat(path);
        return { isFile: s.isFile(), isDirectory: s.isDirectory(), isStream: s.isFIFO() || s.isCharacterDevice(), size: s.size };
      } catch {
        return null;
      }
    },
    writeFilesAtomically,
  };
}

interface Staged {
  path: string;
  temp: string;
  /** A copy of the file this one replaces, or null when there was none. */
  backup: string | null;
  renamed: boolean;
}

/** The file-system implementation behind `Io.writeFilesAtomically`; exported for its tests. */
export async function writeFilesAtomically(files: readonly { path: string; content: string }[]): Promise<void> {
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const staged: Staged[] = files.map((file) => ({
    path: file.path,
    temp: join(dirname(file.path), `.${basename(file.path)}.${tag}.har2api.tmp`),
    backup: null,
    renamed: false,
  }));
  let current = '';
  try {
    // The temp files are written and flushed all at once: each flush waits on the disk, and one
    // after the other they added up to most of the writing's time. A failure names the first
    // file in order that failed, as one at a time did.
    const written = await Promise.allSettled(
      staged.map(async (item, i) => {
        await mkdir(dirname(item.path), { recursive: true });
        await writeDurably(item.temp, files[i]!.content);
      }),
    );
    const failed = written.findIndex((result) => result.status === 'rejected');
    if (failed >= 0) {
      current = staged[failed]!.path;
      throw (written[failed] as PromiseRejectedResult).reason;
    }
    for (const item of staged) {
      current = item.path;
      item.backup = await keepPrevious(item.path, `${item.temp}.previous`);
      await rename(item.temp, item.path);
      item.renamed = true;
    }
  } catch (error) {
    await rollBack(staged);
    throw new Har2ApiError('E_WRITE', `cannot write ${current} (${describeFsError(error)}); the previous output is unchanged`);
  }
  await Promise.all(staged.map((item) => (item.backup ? rm(item.backup, { force: true }) : undefined)));
}

/** Writes and flushes, so a crash right after the rename cannot leave an empty file behind. */
async function writeDurably(path: string, content: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Keeps the file about to be replaced (a hard link, or a copy where links are not allowed). */
async function keepPrevious(path: string, backup: string): Promise<string | null> {
  const info = await stat(path).catch(() => null);
  if (info === null) return null;
  if (!info.isFile()) throw Object.assign(new Error('a folder or special file is in the way'), { code: 'EISDIR' });
  try {
    await link(path, backup);
  } catch {
    await copyFile(path, backup);
  }
  return backup;
}

/** Puts back every file replaced so far, removes every new one, and all temp files. */
async function rollBack(staged: readonly Staged[]): Promise<void> {
  for (const item of [...staged].reverse()) {
    try {
      if (item.renamed && item.backup) await rename(item.backup, item.path);
      else if (item.renamed) await rm(item.path, { force: true });
    } catch {
      // Nothing more can be done for this one; the others are still restored.
    }
    await rm(item.temp, { force: true }).catch(() => undefined);
    if (item.backup) await rm(item.backup, { force: true }).catch(() => undefined);
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EISDIR':
      return 'a folder is in the way';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file is in the way of a folder';
    case 'ENOENT':
      return 'no such file or folder';
    case 'EDQUOT':
      return 'disk quota exceeded';
    default:
      return ((error as Error).message ?? String(error)).split('\n')[0]!.slice(0, 200);
  }
}
