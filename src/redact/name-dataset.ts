/**
 * The dataset of given names and surnames the prose scanner (prose.ts) looks names up in: the
 * person-name lists of @faker-js/faker (MIT, maintained, about 70 locales), in Latin, Cyrillic,
 * Greek, Arabic, Hebrew, Thai, Devanagari, Bengali, Armenian, Georgian, Han, Kana and Hangul
 * scripts. This is the one file that imports it. The lists are read on first use only (about a
 * quarter of a second), so a run whose text has no prose never pays for them.
 */
import { createRequire } from 'node:module';

export interface NameSets {
  /** Given names as written (`Ada`, `Иван`, `翔太`). */
  given: ReadonlySet<string>;
  /** Surnames as written (`Quist`, `Петров`, `佐藤`). */
  family: ReadonlySet<string>;
  /** The longest surname and given name in a script without spaces (Han, Kana, Hangul), in characters. */
  longestJoined: number;
}

/** Locales whose person names are read: every script the lists have, several languages each. */
const LOCALES = [
  'en',
  'en_GB',
  'en_IN',
  'en_NG',
  'de',
  'fr',
  'es',
  'es_MX',
  'it',
  'pt_BR',
  'pt_PT',
  'nl',
  'pl',
  'sv',
  'nb_NO',
  'da',
  'fi',
  'tr',
  'vi',
  'id_ID',
  'cs_CZ',
  'sk',
  'ro',
  'hu',
  'hr',
  'lv',
  'af_ZA',
  'zu_ZA',
  'yo_NG',
  'ru',
  'uk',
  'el',
  'ar',
  'fa',
  'ur',
  'he',
  'th',
  'hy',
  'ka_GE',
  'ne',
  'bn_BD',
  'ja',
  'zh_CN',
  'zh_TW',
  'ko',
];

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
  const require = createRequire(import.meta.url);
  const given = new Set<string>();
  const family = new Set<string>();
  let longestJoined = 0;
  const add = (list: unknown, into: Set<string>): void => {
    for (const name of namesOf(list)) {
      if (name.length < 2 && !isJoinedScript(name)) continue;
      into.add(name);
      if (isJoinedScript(name)) longestJoined = Math.max(longestJoined, name.length);
    }
  };
  for (const locale of LOCALES) {
    let person: Record<string, unknown> | undefined;
    try {
      const module = require(`@faker-js/faker/locale/${locale}`) as { faker: { rawDefinitions: { person?: Record<string, unknown> } } };
      person = module.faker.rawDefinitions.person;
    } catch {
      continue;
    }
    if (!person) continue;
    add(person.first_name, given);
    add(person.middle_name, given);
    add(person.last_name, family);
  }
  for (const word of AMBIGUOUS) given.delete(word);
  return { given, family, longestJoined };
}

/** The names of a faker list: an array, or `{generic, female, male}` arrays. */
function namesOf(list: unknown): string[] {
  if (Array.isArray(list)) return list.filter((x): x is string => typeof x === 'string');
  if (list !== null && typeof list === 'object') return Object.values(list).flatMap((v) => namesOf(v));
  return [];
}

/** Han, Kana and Hangul: names written without spaces between surname and given name. */
export function isJoinedScript(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff);
}
