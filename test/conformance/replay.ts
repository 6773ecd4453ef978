/**
 * The conformance measure for one capture: its documented entries split in halves by capture
 * order, a reference built from the first half, and the second half replayed against it (the
 * next requests the application made); every entry replayed against the reference of the whole
 * capture; and mutants of the held-out JSON bodies (one field changed to another JSON type),
 * which a schema that says anything should reject.
 */
import { buildModel, Har2ApiError, renderOutputs } from '../../src/index.js';
import { startReplayValidator, type Verdict } from '../support/openapi-validator.js';
import { documentedEntries, fieldCount, harEntries, harWithEntries, mutateField, replayExchange, requestJson } from '../support/replay-capture.js';

export interface Tally {
  passed: number;
  checked: number;
  /** Exchanges that could not be checked for reasons outside the document (see openapi-validator.ts). */
  unreplayable: number;
  failures: string[];
}

export interface CaptureResult {
  capture: string;
  documented: number;
  heldOut: { requests: Tally; responses: Tally; notCovered: number };
  whole: { requests: Tally; responses: Tally };
  mutants: Tally;
}

/** Mutants per held-out body: fields spread over the body. */
const MUTANTS_PER_BODY = 3;

export function tally(): Tally {
  return { passed: 0, checked: 0, unreplayable: 0, failures: [] };
}

/** The OpenAPI document for some entries of a capture, or null when they give no endpoint. */
async function openApiFor(text: string, indices: readonly number[], label: string): Promise<object | null> {
  try {
    const { model } = await buildModel([{ label, text: harWithEntries(text, indices) }]);
    if (model.endpoints.length === 0) return null;
    const [openapi] = await renderOutputs(model, ['openapi']);
    return JSON.parse(openapi!.content) as object;
  } catch (error) {
    if (error instanceof Har2ApiError) return null;
    throw error;
  }
}

function count(target: Tally, verdict: string, where: string): void {
  if (verdict === 'unchecked' || verdict === 'missing') return;
  if (verdict.startsWith('unreplayable')) {
    target.unreplayable++;
    return;
  }
  target.checked++;
  if (verdict === 'ok') target.passed++;
  else if (target.failures.length < 20) target.failures.push(`${where}: ${verdict.slice(0, 300)}`);
}

export async function measureCapture(label: string, text: string): Promise<CaptureResult | null> {
  let documented: number[];
  try {
    documented = await documentedEntries(text, label);
  } catch (error) {
    if (error instanceof Har2ApiError) return null; // refused with one clear error: nothing to replay
    throw error;
  }
  if (documented.length < 2) return null;
  const entries = harEntries(text);
  const half = Math.ceil(documented.length / 2);
  const result: CaptureResult = {
    capture: label,
    documented: documented.length,
    heldOut: { requests: tally(), responses: tally(), notCovered: 0 },
    whole: { requests: tally(), responses: tally() },
    mutants: tally(),
  };

  const wholeSpec = await openApiFor(text, documented, label);
  if (wholeSpec === null) return null;
  const whole = await startReplayValidator(wholeSpec);
  try {
    for (const index of documented) {
      const exchange = replayExchange(entries[index]!);
      if (!exchange) continue;
      const verdict = await whole.check(exchange);
      const where = `#${index} ${exchange.method} ${exchange.target.slice(0, 80)}`;
      count(result.whole.requests, verdict.request === 'missing' ? 'missing in the whole-capture spec' : verdict.request, where);
      count(result.whole.responses, verdict.response, where);
    }
  } finally {
    await whole.close();
  }

  const halfSpec = await openApiFor(text, documented.slice(0, half), label);
  if (halfSpec === null) return result;
  const held = await startReplayValidator(halfSpec);
  try {
    for (const index of documented.slice(half)) {
      const exchange = replayExchange(entries[index]!);
      if (!exchange) continue;
      const verdict: Verdict = await held.check(exchange);
      const where = `#${index} ${exchange.method} ${exchange.target.slice(0, 80)}`;
      if (verdict.request === 'missing') {
        result.heldOut.notCovered++;
        continue;
      }
      count(result.heldOut.requests, verdict.request, where);
      count(result.heldOut.responses, verdict.response, where);
      // Mutants of bodies the spec accepted: each must now be rejected.
      const request = requestJson(exchange);
      if (verdict.request === 'ok' && request !== undefined) {
        for (const n of spread(fieldCount(request))) {
          const mutant = mutateField(request, n)!;
          const answer = await held.check({ ...exchange, body: Buffer.from(JSON.stringify(mutant.value)) });
          countMutant(result.mutants, answer.request, `${where} request${mutant.path}`);
        }
      }
      if (verdict.response === 'ok' && exchange.response.hasJson) {
        for (const n of spread(fieldCount(exchange.response.json as never))) {
          const mutant = mutateField(exchange.response.json as never, n)!;
          const answer = await held.check({ ...exchange, response: { ...exchange.response, json: mutant.value } });
          countMutant(result.mutants, answer.response, `${where} response${mutant.path}`);
        }
      }
    }
  } finally {
    await held.close();
  }
  return result;
}

function countMutant(target: Tally, verdict: string, where: string): void {
  if (verdict.startsWith('unreplayable')) {
    target.unreplayable++;
    return;
  }
  target.checked++;
  if (verdict !== 'ok') target.passed++;
  else if (target.failures.length < 20) target.failures.push(`${where}: accepted`);
}

/** Up to `MUTANTS_PER_BODY` field positions spread over `fields`. */
function spread(fields: number): number[] {
  if (fields === 0) return [];
  const picks = new Set<number>();
  for (let k = 0; k < MUTANTS_PER_BODY; k++) picks.add(Math.floor((fields * k) / MUTANTS_PER_BODY));
  return [...picks];
}
