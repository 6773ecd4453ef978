/**
 * The person-name lists prose redaction looks names up in are faker's, extracted once into the
 * sources (scripts/generate-name-lists.mjs → src/redact/name-lists.ts) so no run requires
 * faker's 45 locale modules. The file must be what the script makes from the installed faker,
 * and the sets built from it must hold what the lists say.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isJoinedScript, nameSets } from '../../src/redact/name-dataset.js';
import { NAME_LISTS } from '../../src/redact/name-lists.js';

describe('the person-name dataset', () => {
  it('is what scripts/generate-name-lists.mjs generates today from the installed faker', () => {
    const run = spawnSync(process.execPath, ['scripts/generate-name-lists.mjs', '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  const lists = JSON.parse(NAME_LISTS) as { given: string[]; family: string[] };
  const sets = nameSets();

  it.each([
    ['a Latin given name', 'given', 'Ada', true],
    ['a Cyrillic given name', 'given', 'Иван', true],
    ['a Han given name', 'given', '翔太', true],
    ['a Latin surname', 'family', 'Schmidt', true],
    ['a Han surname of one character', 'family', '王', true],
    ['a common word that is also a name', 'given', 'Will', false],
    ['a common word that is also a name', 'given', 'Page', false],
    ['a word that is no name', 'given', 'Tuesday', false],
  ] as const)('%s: %s %s → %s', (_label, list, name, expected) => {
    expect(sets[list].has(name)).toBe(expected);
  });

  it('keeps every listed name of two or more characters, and one-character names only in scripts without spaces', () => {
    const kept = (names: readonly string[]) => new Set(names.filter((name) => name.length >= 2 || isJoinedScript(name)));
    expect(sets.family).toEqual(kept(lists.family));
    // Given names also drop the common words that are names in some list (`Will`, `May`): never more than that list holds.
    const given = kept(lists.given);
    const dropped = [...given].filter((name) => !sets.given.has(name));
    expect([...sets.given].every((name) => given.has(name))).toBe(true);
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.length).toBeLessThan(200);
    expect(dropped.every((name) => /^[A-Z][a-z]+$/.test(name))).toBe(true);
  });

  it('knows the longest name written without spaces', () => {
    const joined = [...lists.given, ...lists.family].filter(isJoinedScript).map((name) => name.length);
    expect(sets.longestJoined).toBe(Math.max(...joined));
    expect(sets.longestJoined).toBeGreaterThan(1);
  });
});
