/**
 * One side of a diff from its inputs, at the edge so that diff/ only ever compares two models:
 * either HAR captures, built through the same pipeline as a reference (so both sides are
 * templated, filtered and redacted alike), or one model file written by `--format json`. Mixing
 * the two on one side is an error: there is no honest way to merge a saved model with new traffic.
 */
import type { Diagnostic } from '../diagnostics.js';
import { type ErrorCode, Har2ApiError } from '../errors.js';
import type { InputFile } from '../ingest/index.js';
import type { ApiModel } from '../model.js';
import type { Options } from '../options.js';
import type { RunSettings } from '../pipeline.js';
import { checkModel, looksLikeHar, looksLikeModel, parseModel } from './model-file.js';

export interface LoadedSide {
  model: ApiModel;
  diagnostics: Diagnostic[];
}

export async function loadSide(inputs: readonly InputFile[], options: Options = {}, settings: RunSettings = {}): Promise<LoadedSide> {
  const models: ApiModel[] = [];
  const captures: InputFile[] = [];
  for (const input of inputs) {
    const found = await classify(input);
    if ('model' in found) models.push(found.model);
    else captures.push(found.capture);
  }
  if (models.length > 0 && (models.length > 1 || captures.length > 0)) {
    throw new Har2ApiError('E_USAGE', `one side of a diff is either HAR captures or a single model file, not both (${inputs.map((i) => i.label).join(', ')})`);
  }
  if (models.length === 1) return { model: models[0]!, diagnostics: [] };
  // The pipeline (ingest, redaction, inference) loads only for a side that needs building: a
  // diff of two model files never runs it.
  const { buildModel } = await import('../pipeline.js');
  const built = await buildModel(captures, options, settings);
  // A diff of a partial side would report the unreadable file's endpoints as vanished.
  const failure = built.diagnostics.find((d) => d.severity === 'error');
  if (failure) throw new Har2ApiError(failure.code.startsWith('E_') ? (failure.code as ErrorCode) : 'E_READ', failure.message);
  return built;
}

/** All of an input as text (a model file, an ignore list: small files, read whole). */
export async function textOf(input: InputFile): Promise<string> {
  if ('text' in input) return input.text;
  if ('takeText' in input) return input.takeText();
  const chunks: Uint8Array[] = [];
  for await (const chunk of 'open' in input ? input.open() : input.chunks) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const SNIFF_BYTES = 256;

/**
 * A model, or the input as a capture. A stream (stdin, a big file) is sniffed on its first bytes
 * and, when it is a capture, handed on with those bytes put back, still streaming.
 */
async function classify(input: InputFile): Promise<{ model: ApiModel } | { capture: InputFile }> {
  if ('takeText' in input) return classify({ label: input.label, text: input.takeText() });
  if ('text' in input) {
    const model = modelOf(input.label, input.text);
    return model ? { model } : { capture: input };
  }
  const iterator = ('open' in input ? input.open() : input.chunks)[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    size += next.value.length;
  }
  if (!looksLikeModel(Buffer.concat(head).toString('utf8'))) {
    // A file that can be opened again is handed on as it is; stdin with its first bytes put back.
    if ('open' in input) {
      await iterator.return?.();
      return { capture: input };
    }
    return { capture: { label: input.label, chunks: replay(head, iterator) } };
  }
  const rest = replay(head, iterator);
  return { model: parseModel(await textOf({ label: input.label, chunks: rest }), input.label) };
}

async function* replay(head: readonly Uint8Array[], rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield* head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/** The model in a text input, or null when it is (or claims to be) a capture. */
function modelOf(label: string, text: string): ApiModel | null {
  if (looksLikeModel(text)) return parseModel(text, label);
  if (looksLikeHar(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // Not JSON: ingest reports it as a broken capture, with its own message.
  }
  return typeof value === 'object' && value !== null && 'modelVersion' in value ? checkModel(value, label) : null;
}
