/**
 * The README shows what `out/reference.md` looks like: every line of that excerpt must be in the
 * real file (a line cut with `…` up to the cut), so the front door never shows stale output.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const reference = readFileSync('out/reference.md', 'utf8').split('\n');

function excerpt(): string[] {
  const section = readme.slice(readme.indexOf('## What the output looks like'));
  const start = section.indexOf('````markdown\n') + '````markdown\n'.length;
  return section
    .slice(start, section.indexOf('\n````', start))
    .split('\n')
    .filter((line) => line.trim() !== '');
}

describe('README', () => {
  const lines = excerpt();

  it('has an excerpt of the reference', () => {
    expect(lines.length).toBeGreaterThan(5);
  });

  it.each(lines)('shows a line that out/reference.md has: %s', (line) => {
    const cut = line.indexOf('…');
    const expected = cut === -1 ? line : line.slice(0, cut);
    expect(reference.some((actual) => (cut === -1 ? actual === expected : actual.startsWith(expected)))).toBe(true);
  });
});
