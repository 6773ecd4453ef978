/**
 * A one-line progress display on stderr for long inputs: bytes read (of the total when known)
 * and entries, redrawn at most ten times a second. Shown only when stderr is a terminal and the
 * input is large, so logs and pipes stay clean.
 */
import type { Io } from './io.js';

/** Inputs smaller than this finish too fast for progress to help. */
export const PROGRESS_MIN_BYTES = 64 * 1024 * 1024;

export interface Progress {
  bytes(read: number): void;
  entries(file: string, count: number): void;
  stage(text: string): void;
  done(): void;
}

const SILENT: Progress = { bytes() {}, entries() {}, stage() {}, done() {} };

export function createProgress(io: Io, totalBytes: number, enabled: boolean): Progress {
  if (!enabled || !io.stderrIsTTY || totalBytes < PROGRESS_MIN_BYTES) return SILENT;
  let read = 0;
  let entries = 0;
  let file = '';
  let last = 0;
  let shown = false;
  const draw = (force = false): void => {
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    const percent = Math.min(100, Math.floor((read / totalBytes) * 100));
    io.stderr(`\r\u001b[2Kreading ${file} ${percent}% (${mb(read)} of ${mb(totalBytes)} MB), ${entries.toLocaleString('en-US')} entries`);
    shown = true;
  };
  return {
    bytes(n) {
      read = n;
      draw();
    },
    entries(name, count) {
      file = name;
      entries = count;
      draw();
    },
    stage(text) {
      io.stderr(`\r\u001b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr('\r\u001b[2K');
    },
  };
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(0);
}
