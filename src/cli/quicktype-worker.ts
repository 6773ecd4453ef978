/**
 * The worker thread's entry (started by quicktype-thread.ts): quicktype-core's schema inference
 * for the pipeline, and types.ts rendered from the finished model while the main thread renders
 * the other formats. It receives schema samples and the model, never exchanges, so what crosses
 * the threads stays small.
 */
import { parentPort } from 'node:worker_threads';
import { loadQuicktype, quicktypeSchemaText } from '../infer/quicktype.js';
import { renderTypes } from '../render/types.js';
import type { ThreadReply, ThreadRequest } from './quicktype-thread.js';

// quicktype-core loads now, while the main thread reads and ingests the captures.
loadQuicktype().catch(() => undefined);

const port = parentPort;
// One request at a time, in the order sent: the main thread may send every schema at once, and
// runs interleaved at quicktype's awaits would hold all their graphs together.
let queue: Promise<void> = Promise.resolve();
port?.on('message', (message: { id: number; request: ThreadRequest }) => {
  queue = queue.then(() => answer(message));
});

async function answer({ id, request }: { id: number; request: ThreadRequest }): Promise<void> {
  let reply: ThreadReply;
  try {
    const result = request.kind === 'schema' ? await quicktypeSchemaText(request.samples) : await renderTypes(request.model);
    reply = { id, result };
  } catch (error) {
    const { name, message, stack, code, file } = error as Error & { code?: string; file?: string };
    reply = { id, error: { name: String(name), message: String(message), stack: String(stack), ...(code !== undefined ? { code, file } : {}) } };
  }
  port!.postMessage(reply);
}
