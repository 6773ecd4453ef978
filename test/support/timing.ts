/**
 * Cost checks that a loaded machine cannot fail and a super-linear cost cannot pass. Speed
 * itself is the benchmark's business (`npm run bench`); a test here only compares two costs
 * measured in the same process (a small and a large input, or the code and a plain pass over the
 * same input), so a slower or busier machine slows both sides alike.
 *
 * Noise only ever makes a measurement slower. So a check measures each side once and, only when
 * the ratio is over its bound, measures both again, keeping the fastest of each: a clean pass
 * costs what one measurement costs, while a super-linear cost (ten times the input, a hundred
 * times the time) stays over the bound on every try and fails.
 */
import { expect } from 'vitest';

/** A call shorter than this is repeated until this much time has passed, so timer resolution and one unlucky call do not decide. */
const MIN_SPAN_SECONDS = 0.01;
/** Measurements of each side before a ratio over its bound fails. */
const TRIES = 5;

type Work = () => unknown;

/** Seconds one call of `work` takes, over as many calls as fill MIN_SPAN_SECONDS. */
export function secondsPerCall(work: Work): number {
  const started = performance.now();
  let calls = 0;
  let elapsed = 0;
  do {
    work();
    calls++;
    elapsed = (performance.now() - started) / 1000;
  } while (elapsed < MIN_SPAN_SECONDS);
  return elapsed / calls;
}

/**
 * Remembers the fastest time of each piece of work it has measured, so one costly measurement
 * (a 10 MB input) can be compared with several cheaper ones without being run again.
 */
export class Stopwatch {
  private readonly fastest = new Map<Work, number>();

  /** Expects `costly` to take less than `bound` times as long as `cheap`, per call. */
  expectRatio(costly: Work, cheap: Work, bound: number): void {
    // A first call pays for compiling the code: the cheap side measured cold would lower the
    // ratio and could hide a regression, so it is called once before it is measured.
    if (!this.fastest.has(cheap)) cheap();
    const first = this.known(cheap);
    let ratio = this.known(costly) / first;
    let tries = 1;
    for (; tries < TRIES && ratio >= bound; tries++) {
      const cheapTime = this.measure(cheap);
      ratio = this.measure(costly) / cheapTime;
    }
    const times = `${this.known(costly).toPrecision(3)} s against ${this.known(cheap).toPrecision(3)} s, fastest of ${tries}`;
    expect(ratio, times).toBeLessThan(bound);
  }

  private known(work: Work): number {
    return this.fastest.get(work) ?? this.measure(work);
  }

  private measure(work: Work): number {
    const time = Math.min(secondsPerCall(work), this.fastest.get(work) ?? Number.POSITIVE_INFINITY);
    this.fastest.set(work, time);
    return time;
  }
}

/** Expects `costly` to take less than `bound` times as long as `cheap` (see Stopwatch). */
export function expectCostRatio(costly: Work, cheap: Work, bound: number): void {
  new Stopwatch().expectRatio(costly, cheap, bound);
}
