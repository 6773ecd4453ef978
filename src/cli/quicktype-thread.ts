/**
 * quicktype on a worker thread (quicktype-worker.ts). quicktype-core is the largest library the
 * command loads, and it is needed only for body schemas and the formats built on it: on its own
 * thread it loads while this one reads and ingests, and it renders types.ts while this one
 * renders the other formats. One worker per process, started on first use; it keeps the
 * process alive only while a request is pending, so a finished run exits without closing it.
 */
import { Worker } from 'node:worker_threads';
import { type ErrorCode, Har2ApiError } from '../errors.js';
import type { ApiModel } from '../model.js';

export type ThreadRequest = { kind: 'schema'; samples: string[] } | { kind: 'types'; model: ApiModel };

export type ThreadReply =
  | { id: number; result: string }
  | { id: number; error: { name: string; message: string; stack: string; code?: string; file?: string } };

export interface QuicktypeThread {
  schema: (samples: string[]) => Promise<string>;
  types: (model: ApiModel) => Promise<string>;
}

interface Pending {
  resolve: (text: string) => void;
  reject: (error: Error) => void;
}

let running: { worker: Worker; pending: Map<number, Pending> } | undefined;
let nextId = 0;

/** The process's quicktype thread, started now if it is not running (so it loads while the caller reads). */
export function quicktypeThread(): QuicktypeThread {
  start();
  return { schema: (samples) => request({ kind: 'schema', samples }), types: (model) => request({ kind: 'types', model }) };
}

/**
 * Whether a command line is worth starting the thread for before the command itself has loaded:
 * a conversion (not `diff`, help, the version or completions) with something to convert. Only a
 * guess made before the flags are parsed: a run it starts the thread for that needs none ends it
 * (`stopQuicktypeThread`) or exits without waiting for it.
 */
export function mayNeedQuicktypeThread(argv: readonly string[]): boolean {
  if (argv.length === 0 || SUBCOMMANDS.has(argv[0]!)) return false;
  return !argv.some((arg) => NO_RUN_FLAGS.has(arg));
}

const SUBCOMMANDS = new Set(['diff', 'completion', '--get-yargs-completions']);
const NO_RUN_FLAGS = new Set(['--help', '-h', '--version', '-v']);

/**
 * Ends the thread if one runs and waits on nothing: a run that started it early but needs none (a
 * capture big enough to stream) frees its heap. A thread still answering another run in this
 * process is left alone; a later request starts a new thread.
 */
export function stopQuicktypeThread(): void {
  if (!running || running.pending.size > 0) return;
  const { worker } = running;
  running = undefined;
  void worker.terminate();
}

function start(): NonNullable<typeof running> {
  if (running) return running;
  const worker = new Worker(new URL('./quicktype-worker.js', import.meta.url));
  const pending = new Map<number, Pending>();
  const thread = { worker, pending };
  worker.on('message', (reply: ThreadReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if ('error' in reply) waiting.reject(rebuiltError(reply.error));
    else waiting.resolve(reply.result);
  });
  // The thread died (out of memory, a crash in its startup): every waiting request fails with its error.
  const fail = (error: Error) => {
    if (running === thread) running = undefined;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the quicktype worker thread exited (code ${code})`)));
  // After the listeners: adding a 'message' listener refs the worker's port again.
  worker.unref();
  running = thread;
  return thread;
}

function request(message: ThreadRequest): Promise<string> {
  const { worker, pending } = start();
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.ref();
    worker.postMessage({ id, request: message });
  });
}

/** The worker's error as this thread would have thrown it: a `Har2ApiError` stays one (the CLI prints it as one line). */
export function rebuiltError(error: { name: string; message: string; stack: string; code?: string; file?: string }): Error {
  if (error.name === 'Har2ApiError' && error.code !== undefined) {
    const prefix = error.file ? `${error.file}: ` : '';
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return new Har2ApiError(error.code as ErrorCode, message, error.file);
  }
  const rebuiltError = new Error(error.message);
  rebuiltError.name = error.name;
  rebuiltError.stack = error.stack;
  return rebuiltError;
}
