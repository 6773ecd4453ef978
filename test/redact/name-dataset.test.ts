/**
 * The person-name lists prose redaction looks names up in are faker's, extracted once into the
 * sources (scripts/generate-name-lists.mjs → src/redact/name-lists.ts) so no run requires
 * faker's 45 locale modules. The file must be what the script makes from the installed faker,
 * the script's filtering must be the rule stated here (so a run need not filter), and the sets
 * built from it must hold what the lists say.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { nameSets } from '../../src/redact/name-dataset.js';
import { FAMILY_NAMES, GIVEN_NAMES, LONGEST_JOINED, NAME_SEPARATOR } from '../../src/redact/name-lists.js';

/**
 * Han, Kana and Hangul: names written without spaces between surname and given name, where one
 * character can be a whole name. The rule the generator filters by, stated here on its own.
 */
function isJoinedScript(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff);
}

describe('the person-name dataset', () => {
  it('is what scripts/generate-name-lists.mjs generates today from the installed faker', () => {
    const run = spawnSync(process.execPath, ['scripts/generate-name-lists.mjs', '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  const lists = { given: GIVEN_NAMES.split(NAME_SEPARATOR), family: FAMILY_NAMES.split(NAME_SEPARATOR) };
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

  // faker's lists as the script reads them, before its filtering.
  const raw = (): { given: string[]; family: string[] } => {
    const run = spawnSync(process.execPath, ['scripts/generate-name-lists.mjs', '--raw'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(run.status).toBe(0);
    return JSON.parse(run.stdout) as { given: string[]; family: string[] };
  };

  it('lists every name of faker of two or more characters, and one-character names only in scripts without spaces, in faker order', () => {
    const faker = raw();
    const kept = (names: readonly string[]) => names.filter((name) => name.length >= 2 || isJoinedScript(name));
    expect(lists.given).toEqual(kept(faker.given));
    expect(lists.family).toEqual(kept(faker.family));
    // The exception matters: faker lists one-character Han surnames (`王`), which must stay.
    expect(faker.family.some((name) => name.length === 1 && isJoinedScript(name))).toBe(true);
  });

  it.each([
    ['a name of two letters', 'Al', true],
    ['a Latin initial', 'A', false],
    ['a Cyrillic initial', 'И', false],
    ['a Han name of one character', '王', true],
    ['a Hangul name of one character', '김', true],
    ['a Kana name of one character', 'ア', true],
  ])('the rule for one-character names: %s (%s) → %s', (_label, name, listed) => {
    expect(name.length >= 2 || isJoinedScript(name)).toBe(listed);
  });

  it('builds the sets from the lists: every name, given names without the common words that are names in some list', () => {
    expect(sets.family).toEqual(new Set(lists.family));
    const given = new Set(lists.given);
    const dropped = [...given].filter((name) => !sets.given.has(name));
    expect([...sets.given].every((name) => given.has(name))).toBe(true);
    expect([...sets.given]).toEqual(lists.given.filter((name) => sets.given.has(name)));
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.length).toBeLessThan(200);
    expect(dropped.every((name) => /^[A-Z][a-z]+$/.test(name))).toBe(true);
  });

  it('knows the longest name written without spaces', () => {
    const joined = [...lists.given, ...lists.family].filter(isJoinedScript).map((name) => name.length);
    expect(LONGEST_JOINED).toBe(Math.max(...joined));
    expect(sets.longestJoined).toBe(LONGEST_JOINED);
    expect(sets.longestJoined).toBeGreaterThan(1);
  });
});
