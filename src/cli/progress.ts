/**
 * A one-line progress display on stderr for long inputs, redrawn at most ten times a second
 * and at once when the phase changes: bytes and exchanges while the captures are first read,
 * parsing, then exchanges done in the later passes (templating paths, describing endpoints),
 * then rendering. Shown only when stderr is a terminal and the input is
 * large, so logs and pipes stay clean.
 */
import type { Progress as PassProgress } from '../pipeline.js';
import type { Io } from './io.js';

/** Inputs smaller than this finish too fast for progress to help. */
export const PROGRESS_MIN_BYTES = 64 * 1024 * 1024;

export interface Progress {
  /** Bytes read of all inputs so far, `file` being read now. */
  bytes(read: number, file: string): void;
  pass(progress: PassProgress): void;
  /** A phase after the passes (`rendering markdown, json`), shown at once. */
  step(label: string): void;
  done(): void;
}

const SILENT: Progress = { bytes() {}, pass() {}, step() {}, done() {} };
const PASS_NAMES = { 2: 'templating paths', 3: 'describing endpoints' } as const;

export function createProgress(io: Io, totalBytes: number, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled || !io.stderrIsTTY || totalBytes < PROGRESS_MIN_BYTES) return SILENT;
  let read = 0;
  let current: PassProgress = { pass: 1, file: '', exchanges: 0 };
  const totals = new Map<string, number>();
  let last = 0;
  let shown = false;
  let step: string | null = null;
  const draw = (force = false): void => {
    const time = now();
    if (!force && time - last < 100) return;
    last = time;
    const { pass, file, exchanges } = current;
    const count = exchanges.toLocaleString('en-US');
    // All bytes in and no exchange yet: the file is being parsed (one long step for a file read whole).
    const parsing = pass === 1 && exchanges === 0 && read >= totalBytes;
    const line =
      step ??
      (parsing
        ? `parsing ${file} (${mb(totalBytes)} MB read)`
        : pass === 1
          ? `reading ${file} ${Math.min(100, Math.floor((read / totalBytes) * 100))}% (${mb(read)} of ${mb(totalBytes)} MB), ${count} exchanges`
          : `${PASS_NAMES[pass]}: ${file} ${count} of ${(totals.get(file) ?? exchanges).toLocaleString('en-US')} exchanges`);
    io.stderr(`\r\u001b[2K${line}`);
    shown = true;
  };
  return {
    bytes(n, file) {
      read = n;
      if (current.pass === 1 && current.file !== file) current = { pass: 1, file, exchanges: 0 };
      draw();
    },
    pass(progress) {
      if (progress.pass === 1) totals.set(progress.file, progress.exchanges);
      const phase = progress.pass !== current.pass || progress.file !== current.file;
      current = progress;
      draw(phase);
    },
    step(label) {
      step = label;
      draw(true);
    },
    done() {
      if (shown) io.stderr('\r\u001b[2K');
    },
  };
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(0);
}
