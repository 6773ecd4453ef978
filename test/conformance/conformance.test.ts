/**
 * Conformance: do the schemas hold for the next request? For samples/, synthetic captures
 * written here and the real captures in ../shared/corpus and ../shared/corpus-apps (read in place),
 * each capture's documented entries are split in halves by capture order; OpenAPI built from the
 * first half must accept the second half's requests and responses (a real OpenAPI 3.1 validator,
 * express-openapi-validator, replaying them over loopback); OpenAPI built from the whole capture
 * must accept every entry; and held-out JSON bodies with one field changed to another JSON type
 * must be rejected (schemas that say nothing would accept them). Prints the rates; README,
 * "Conformance", has the numbers and how to reproduce them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type CaptureResult, measureCapture, type Tally } from './replay.js';
import { measuredCaptures } from '../support/measured-captures.js';

/**
 * Floors over all captures together, at what inference reaches (README, Conformance: requests
 * 99.0%, responses 100%, mutants 99.3%) less a margin of a few entries; issue 15's targets are
 * 98% held out and 90% of mutants.
 */
const HELD_OUT_TARGET = 0.98;
const HELD_OUT_RESPONSE_FLOOR = 0.99;
const MUTANT_TARGET = 0.98;

const results: CaptureResult[] = [];

beforeAll(async () => {
  // CONFORMANCE_ONLY=<part of a name> measures only the captures whose name holds it (while working on inference).
  const only = process.env.CONFORMANCE_ONLY;
  for (const capture of measuredCaptures().filter((c) => !only || c.label.includes(only))) {
    let text: string;
    try {
      text = capture.text();
      JSON.parse(text);
    } catch {
      continue; // not a HAR at all: the corpus tests cover how such files are refused
    }
    const result = await measureCapture(capture.label, text);
    if (result) results.push(result);
  }
  console.log(report(results));
}, 1_200_000);

function sum(pick: (r: CaptureResult) => Tally): Tally {
  const total: Tally = { passed: 0, checked: 0, unreplayable: 0, failures: [] };
  for (const r of results) {
    const t = pick(r);
    total.passed += t.passed;
    total.checked += t.checked;
    total.unreplayable += t.unreplayable;
    total.failures.push(...t.failures.map((f) => `${r.capture}: ${f}`));
  }
  return total;
}

const rate = (t: Tally) => (t.checked === 0 ? 1 : t.passed / t.checked);
const cell = (t: Tally) => `${t.passed}/${t.checked}`;
const percent = (t: Tally) => `${(100 * rate(t)).toFixed(1)}%`;

function report(all: readonly CaptureResult[]): string {
  const lines = ['capture | documented | held-out requests | held-out responses | not in first half | whole requests | whole responses | mutants rejected'];
  for (const r of all)
    lines.push(
      [
        r.capture.slice(0, 60),
        r.documented,
        cell(r.heldOut.requests),
        cell(r.heldOut.responses),
        r.heldOut.notCovered,
        cell(r.whole.requests),
        cell(r.whole.responses),
        cell(r.mutants),
      ].join(' | '),
    );
  const held = [sum((r) => r.heldOut.requests), sum((r) => r.heldOut.responses)];
  const whole = [sum((r) => r.whole.requests), sum((r) => r.whole.responses)];
  const mutants = sum((r) => r.mutants);
  lines.push(
    `total | ${all.reduce((n, r) => n + r.documented, 0)} | ${held.map((t) => `${cell(t)} (${percent(t)})`).join(' | ')} | ${all.reduce((n, r) => n + r.heldOut.notCovered, 0)} | ${whole.map((t) => `${cell(t)} (${percent(t)})`).join(' | ')} | ${cell(mutants)} (${percent(mutants)})`,
    `not replayable (outside the document: cut-off bodies, odd charsets, paths the router cannot compile): ${[...held, ...whole, mutants].reduce((n, t) => n + t.unreplayable, 0)}`,
  );
  // Why held-out entries fail and which mutants survive: what the next change to inference works from.
  for (const [title, t] of [
    ['held-out requests rejected', held[0]!],
    ['held-out responses rejected', held[1]!],
    ['mutants accepted', mutants],
  ] as const)
    if (t.failures.length > 0) lines.push(`${title}:`, ...t.failures.map((f) => `  ${f}`));
  return lines.join('\n');
}

describe('conformance: generated OpenAPI against replayed traffic', () => {
  it('has captures of every kind to measure, with held-out traffic and mutants', () => {
    expect(results.some((r) => r.capture.startsWith('synthetic-'))).toBe(true);
    expect(results.some((r) => r.capture === 'chatgpt.har')).toBe(true);
    expect(sum((r) => r.heldOut.requests).checked).toBeGreaterThan(100);
    expect(sum((r) => r.heldOut.responses).checked).toBeGreaterThan(100);
    expect(sum((r) => r.mutants).checked).toBeGreaterThan(100);
  });

  it('accepts every entry against the spec of the whole capture', () => {
    const requests = sum((r) => r.whole.requests);
    const responses = sum((r) => r.whole.responses);
    expect(requests.failures).toEqual([]);
    expect(responses.failures).toEqual([]);
  });

  it(`accepts at least ${HELD_OUT_TARGET * 100}% of held-out requests and ${HELD_OUT_RESPONSE_FLOOR * 100}% of responses against the spec of the first half`, () => {
    const requests = sum((r) => r.heldOut.requests);
    const responses = sum((r) => r.heldOut.responses);
    expect(rate(requests), requests.failures.join('\n')).toBeGreaterThanOrEqual(HELD_OUT_TARGET);
    expect(rate(responses), responses.failures.join('\n')).toBeGreaterThanOrEqual(HELD_OUT_RESPONSE_FLOOR);
  });

  it(`rejects at least ${MUTANT_TARGET * 100}% of held-out bodies with a field of another JSON type`, () => {
    const mutants = sum((r) => r.mutants);
    expect(rate(mutants), mutants.failures.join('\n')).toBeGreaterThanOrEqual(MUTANT_TARGET);
  });
});
