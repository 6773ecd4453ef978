/**
 * Redaction walks every string of every kept body, so its cost must be linear: each shape of
 * hostile input below takes about ten times as long at 10 MB as at 1 MB, never a hundred.
 * (Absolute speed is measured by the benchmark, not here; test/support/timing.ts says why the
 * ratios hold on a busy machine.)
 */
import { describe, it } from 'vitest';
import { redactJson } from '../../src/redact/json.js';
import { redactText } from '../../src/redact/text.js';
import { expectCostRatio, Stopwatch } from '../support/timing.js';
import { freshScope } from './fresh-scope.js';

const MB = 1024 * 1024;
const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** The least any scan of a text must do: read each character once. */
function readEveryCharacter(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return hash;
}

describe('redaction cost is linear in the input', () => {
  it.each([
    ['one 10 MB word', 'a'],
    ['@-runs (emails)', 'a@'],
    ['pairs without end', 'a=b&'],
    ['percent escapes', '%41'],
    ['prose', 'The quick brown fox jumps over the lazy dog. '],
    ['HTML', '<div class="x" name="y">Hello &quot;world&quot;</div>\n'],
    ['unclosed tags', '<'],
    ['backslashes', '\\'],
    ['PEM headers without end', '-----BEGIN '],
    ['labels without values', 'token: '],
    ['name labels without braces', '"name": "x", '],
    ['unclosed quoted secrets', 'password: "'],
    ['digit groups', '4242 '],
    ['random tokens', 'Xq7Lm2Np9Rs4Tv6Wy8Za1Bc3 '],
  ])('%s', (_label, unit) => {
    const small = repeat(unit, MB);
    const large = repeat(unit, 10 * MB);
    const stopwatch = new Stopwatch();
    const redactLarge = () => redactText(large, freshScope());
    stopwatch.expectRatio(redactLarge, () => redactText(small, freshScope()), 40);
    // Linear but many times slower per character would pass the ratio above, so the run is also
    // held to a plain read of the same text: the slowest shape (random tokens) costs 45 to 80
    // reads today; the bound this replaces, 20 s for 10 MB, came to 300 to 800 reads, by load.
    stopwatch.expectRatio(redactLarge, () => readEveryCharacter(large), 500);
  });

  // Once a capture has cookies, every word is checked for `name=value` of a known cookie.
  const withCookies = () => {
    const scope = freshScope();
    scope.tags.remember('cookie', 'Xk29fLm3QpR7tZ8w');
    scope.cache.cookieNames.add('sid');
    return scope;
  };

  it.each([
    ['short words', 'ab1 '],
    ['pairs', 'a=b1 '],
    ['cookie pairs', 'sid=Xk29fLm3QpR7tZ8w; '],
    ['emails next to letters outside ASCII', 'ü@ü.de '],
    ['phone-like groups', '+1 2 '],
    ['IBAN-like groups', 'GB29 NWBK '],
  ])('%s, with remembered cookies', (_label, unit) => {
    const small = repeat(unit, MB / 4);
    const large = repeat(unit, 2 * MB);
    expectCostRatio(
      () => redactText(large, withCookies()),
      () => redactText(small, withCookies()),
      32,
    );
  });

  it('a JSON body with 200 000 strings', () => {
    const body = (n: number) => ({
      items: Array.from({ length: n }, (_, i) => ({
        id: `item-${i}`,
        title: `Title number ${i}`,
        status: 'ok',
        note: i % 97 === 0 ? `mail x${i}@example.org` : 'fine',
      })),
    });
    const small = body(20_000);
    const large = body(200_000);
    expectCostRatio(
      () => redactJson(large, freshScope()),
      () => redactJson(small, freshScope()),
      40,
    );
  });
});
