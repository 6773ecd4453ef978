/**
 * The dataset of given names and surnames the prose scanner (prose.ts) looks names up in: the
 * person-name lists of @faker-js/faker (MIT, maintained, about 70 locales), in Latin, Cyrillic,
 * Greek, Arabic, Hebrew, Thai, Devanagari, Bengali, Armenian, Georgian, Han, Kana and Hangul
 * scripts, taken from 45 of its locales by scripts/generate-name-lists.mjs into name-lists.ts (a
 * run reads one string a list instead of requiring every locale's module, which cost a quarter of
 * a second). The sets are built on first use only, so a run whose text has no prose never pays.
 * The script writes the lists already filtered (one-character names only in scripts without
 * spaces) with the longest such name counted, so building them is a split and two `Set`s.
 */
import { FAMILY_NAMES, GIVEN_NAMES, LONGEST_JOINED, NAME_SEPARATOR } from './name-lists.js';

export interface NameSets {
  /** Given names as written (`Ada`, `Иван`, `翔太`). */
  given: ReadonlySet<string>;
  /** Surnames as written (`Quist`, `Петров`, `佐藤`). */
  family: ReadonlySet<string>;
  /** The longest surname and given name in a script without spaces (Han, Kana, Hangul), in characters. */
  longestJoined: number;
}

/**
 * Common words that are also names in some list (`Will`, `Page`, `Grant`, `Chase`): never taken as
 * a given name on their own evidence.
 */
const AMBIGUOUS = new Set([
  'Will',
  'May',
  'June',
  'April',
  'August',
  'Page',
  'Grant',
  'Chase',
  'Max',
  'Mark',
  'Bill',
  'Bob',
  'Art',
  'Rich',
  'Summer',
  'Autumn',
  'Winter',
  'Dawn',
  'Hope',
  'Faith',
  'Joy',
  'Grace',
  'Rose',
  'Lily',
  'Ivy',
  'Ruby',
  'Pearl',
  'Jade',
  'Amber',
  'Crystal',
  'Star',
  'Sky',
  'River',
  'Ocean',
  'Storm',
  'Rain',
  'Sunny',
  'Ray',
  'Guy',
  'Don',
  'Sat',
  'Sun',
  'Mon',
  'Jean',
  'Sage',
  'Reed',
  'Wade',
  'Lane',
  'Dale',
  'Glen',
  'Cliff',
  'Rock',
  'Stone',
  'Forest',
  'Jack',
  'Drew',
  'Rob',
  'Pat',
  'Sue',
  'Kit',
  'Joe',
  'Nick',
  'Sean',
  'Angel',
  'Royal',
  'King',
  'Prince',
  'Major',
  'Miles',
  'Young',
  'Long',
  'Price',
  'Cash',
  'Gay',
  'Liberty',
  'Justice',
  'Harmony',
  'Unique',
  'Precious',
  'Easter',
  'Christmas',
  'Golden',
  'Silver',
  'Diamond',
  'Emerald',
  'Bear',
  'Wolf',
  'Fox',
  'Hunter',
  'Archer',
  'Baker',
  'Cook',
  'Porter',
  'Parker',
  'Walker',
  'Turner',
  'Carter',
  'Cooper',
  'Mason',
  'Taylor',
  'Tucker',
  'Chance',
  'Case',
  'Trace',
  'Lee',
  'Van',
  'Ali',
  'Di',
  'Le',
  'La',
  'De',
  'Da',
  'Do',
  'An',
  'Ha',
  'Ma',
  'Li',
]);

let cached: NameSets | null = null;

export function nameSets(): NameSets {
  cached ??= load();
  return cached;
}

function load(): NameSets {
  const given = new Set(GIVEN_NAMES.split(NAME_SEPARATOR));
  for (const word of AMBIGUOUS) given.delete(word);
  return { given, family: new Set(FAMILY_NAMES.split(NAME_SEPARATOR)), longestJoined: LONGEST_JOINED };
}
