/**
 * The diff `--check` prints for a stale file: exact on small cases, and on seeded random edits a
 * patch that `patch(1)` applies to the old text to give the new one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/cli/unified-diff.js';
import { seeded } from '../support/random.js';

const lines = (...items: string[]) => `${items.join('\n')}\n`;

describe('unifiedDiff', () => {
  it.each<[string, string, string, string]>([
    ['no change', lines('a', 'b'), lines('a', 'b'), ''],
    ['one changed line', lines('a', 'b', 'c'), lines('a', 'B', 'c'), lines('--- a/f.md', '+++ b/f.md', '@@ -1,3 +1,3 @@', ' a', '-b', '+B', ' c')],
    ['an added line at the end', lines('a'), lines('a', 'b'), lines('--- a/f.md', '+++ b/f.md', '@@ -1 +1,2 @@', ' a', '+b')],
    ['a new file', '', lines('a'), lines('--- a/f.md', '+++ b/f.md', '@@ -0,0 +1 @@', '+a')],
    [
      'two changes far apart, two hunks',
      lines('1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'),
      lines('1', 'two', '3', '4', '5', '6', '7', '8', '9', '10', 'eleven', '12'),
      lines('--- a/f.md', '+++ b/f.md', '@@ -1,5 +1,5 @@', ' 1', '-2', '+two', ' 3', ' 4', ' 5', '@@ -8,5 +8,5 @@', ' 8', ' 9', ' 10', '-11', '+eleven', ' 12'),
    ],
  ])('%s', (_what, before, after, expected) => {
    expect(unifiedDiff(before, after, 'f.md')).toBe(expected);
  });

  it('stops after maxLines and counts the changed lines left out', () => {
    const before = lines(...Array.from({ length: 100 }, (_, i) => `line ${i}`));
    const after = lines(...Array.from({ length: 100 }, (_, i) => `LINE ${i}`));
    const diff = unifiedDiff(before, after, 'f.md', { maxLines: 10 });
    expect(diff.split('\n').filter(Boolean)).toHaveLength(2 + 10 + 1);
    expect(diff).toContain('… 191 more changed line(s)');
  });

  const dir = mkdtempSync(join(tmpdir(), 'har2api-udiff-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('gives a patch that patch(1) applies (seed %i)', (seed) => {
    const random = seeded(seed);
    const words = ['alpha', 'beta', 'gamma', 'delta', '', '---', '| a | b |'];
    const before = Array.from({ length: 20 + random.int(60) }, () => random.pick(words));
    const after = [...before];
    for (let edits = 1 + random.int(6); edits > 0; edits--) {
      const at = random.int(after.length + 1);
      const kind = random.int(3);
      if (kind === 0) after.splice(at, 0, `new ${random.int(100)}`);
      else if (kind === 1) after.splice(at, 1 + random.int(3));
      else after.splice(at, 1, `changed ${random.int(100)}`);
    }
    const [oldText, newText] = [lines(...before), after.length ? lines(...after) : ''];
    const diff = unifiedDiff(oldText, newText, 'f.md', { maxLines: 10_000 });
    writeFileSync(join(dir, 'f.md'), oldText);
    writeFileSync(join(dir, 'f.patch'), diff);
    const run = spawnSync('patch', ['-s', '-p1', '-i', 'f.patch'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr + run.stdout).toBe('');
    expect(readFileSync(join(dir, 'f.md'), 'utf8')).toBe(newText);
  });
});
