/**
 * Street addresses in prose, in the orders and words of several countries, read from the tokens
 * of prose.ts (each rule looks a few tokens ahead):
 *
 * - number, then the street's name and type: `12 Main Street`, `1600 Amphitheatre Pkwy`,
 *   `12 rue de la Paix`, `7 avenida del Sol`;
 * - type, then name, then number: `Via Roma 10`, `Calle Mayor 5`, `Rua Augusta 100`, `ul. Długa 5`;
 * - a street word ending in a street suffix, then number: `Hauptstraße 5`, `Keizersgracht 123`,
 *   `Drottninggatan 7`, `Berliner Straße 12a`;
 * - Japanese (`東京都千代田区千代田1-1`) and Korean (`서울특별시 강남구 테헤란로 123`) forms;
 *
 * each followed, when present, by a postcode and a town (`, London SW1A 2AA`, `, 75002 Paris`,
 * `, Springfield, IL 62704`). A number alone, a street word alone, or a capitalised word after a
 * number (`3 Apples`) is no address.
 */
import type { Span } from './prose.js';
import type { Token } from './tokens.js';

const NUMBER_FIRST_TYPES = new Set([
  'Street',
  'St',
  'Avenue',
  'Ave',
  'Road',
  'Rd',
  'Boulevard',
  'Blvd',
  'Lane',
  'Ln',
  'Drive',
  'Dr',
  'Court',
  'Ct',
  'Place',
  'Pl',
  'Way',
  'Terrace',
  'Ter',
  'Parkway',
  'Pkwy',
  'Highway',
  'Hwy',
  'Square',
  'Sq',
  'Close',
  'Crescent',
  'Cres',
  'Circle',
  'Cir',
  'Trail',
  'Gardens',
  'Grove',
  'Row',
  'Mews',
  'Alley',
  'Broadway',
]);
/** Types written before the name, after the number (`12 rue de la Paix`), in lower case too. */
const LEADING_TYPES = new Set([
  'rue',
  'avenue',
  'av',
  'boulevard',
  'bd',
  'allée',
  'allee',
  'place',
  'chemin',
  'impasse',
  'quai',
  'cours',
  'route',
  'calle',
  'avenida',
  'carrer',
  'rua',
  'via',
  'viale',
  'piazza',
  'corso',
  'largo',
  'travessa',
  'plaza',
  'paseo',
  'camino',
  'ulica',
  'ul',
  'aleja',
  'al',
]);
/** Words inside a street's name: `rue de la Paix`, `Avenue of the Americas`, `Unter den Linden`. */
const CONNECTORS = new Set([
  'de',
  'la',
  'le',
  'les',
  'du',
  'des',
  'del',
  'della',
  'di',
  'da',
  'do',
  'dos',
  'das',
  'of',
  'the',
  'van',
  'von',
  'der',
  'den',
  'y',
  'e',
  "d'",
]);
/** Endings of one-word street names: German, Dutch, Scandinavian, Hungarian. */
const SUFFIXES = [
  'straße',
  'strasse',
  'str',
  'weg',
  'gasse',
  'platz',
  'allee',
  'ring',
  'damm',
  'ufer',
  'chaussee',
  'steig',
  'gracht',
  'laan',
  'straat',
  'plein',
  'kade',
  'singel',
  'dijk',
  'vej',
  'gade',
  'gatan',
  'vägen',
  'väg',
  'veien',
  'vegen',
  'gata',
  'utca',
];
const SUFFIX_WORDS = new Set(['Straße', 'Strasse', 'Str', 'Weg', 'Gasse', 'Platz', 'Allee', 'Ring', 'Damm', 'Ufer', 'Chaussee']);

export function addressSpan(text: string, tokens: readonly Token[], i: number): Span | null {
  const token = tokens[i]!;
  if (token.kind === 'joined') {
    const found = japanese(text, tokens, i);
    if (found !== null) return { ...found, kind: 'address' };
  }
  let end = -1;
  if (token.kind === 'number') end = numberFirst(text, tokens, i);
  else if (token.kind === 'word') end = typeFirst(text, tokens, i) ?? suffixed(text, tokens, i);
  else if (token.kind === 'joined') end = korean(text, tokens, i) ?? -1;
  if (end === -1) return null;
  return { start: token.start, end: extendPlace(text, end), kind: 'address' };
}

const word = (text: string, t: Token | undefined): string => (t && t.kind === 'word' ? text.slice(t.start, t.end) : '');

/** Between two tokens of one address: one space, or `. ` after an abbreviation, or `, ` before a type-first name. */
function joins(text: string, a: Token, b: Token): boolean {
  const gap = b.start - a.end;
  if (gap === 1) return text.charCodeAt(a.end) === 32;
  return gap === 2 && text.charCodeAt(a.end) === 46 && text.charCodeAt(a.end + 1) === 32;
}

/** `12 Main Street`, `12 rue de la Paix`: the end of the street, or -1. */
function numberFirst(text: string, tokens: readonly Token[], i: number): number {
  const number = tokens[i]!;
  if (number.end - number.start > 6 || !isHouseNumber(text, number)) return -1;
  const first = tokens[i + 1];
  if (first?.kind !== 'word' || !joins(text, number, first)) return -1;
  const firstWord = word(text, first);
  if (LEADING_TYPES.has(firstWord.toLowerCase())) {
    // `12 rue de la Paix`: the name after the type, connectors and capitalised words.
    let end = -1;
    let previous = first;
    for (let k = i + 2; k < tokens.length && k <= i + 7; k++) {
      const t = tokens[k]!;
      if (t.kind !== 'word' || !joins(text, previous, t)) break;
      const w = word(text, t);
      if (t.capital) end = t.end;
      else if (!CONNECTORS.has(w.toLowerCase())) break;
      previous = t;
    }
    return end;
  }
  // `12 Main Street`: capitalised words, then a type.
  let names = 0;
  let previous = number;
  for (let k = i + 1; k < tokens.length && k <= i + 6; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || !joins(text, previous, t)) return -1;
    const w = word(text, t);
    if (names > 0 && NUMBER_FIRST_TYPES.has(w)) return text.charCodeAt(t.end) === 46 && w.length <= 4 ? t.end + 1 : t.end;
    if (t.capital) names++;
    else if (!CONNECTORS.has(w)) return -1;
    previous = t;
  }
  return -1;
}

/** `12`, `221B`, `12-14`: a house number (no date, no decimal). */
function isHouseNumber(text: string, t: Token): boolean {
  for (let k = t.start; k < t.end; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 47) return false;
  }
  return true;
}

/** `Via Roma 10`, `Calle Mayor 5`, `ul. Długa 5`: the end of the number, or null. */
function typeFirst(text: string, tokens: readonly Token[], i: number): number | null {
  const type = tokens[i]!;
  const typeWord = word(text, type);
  if (!LEADING_TYPES.has(typeWord.toLowerCase()) || (!type.capital && typeWord.length > 3)) return null;
  let names = 0;
  let previous = type;
  for (let k = i + 1; k < tokens.length && k <= i + 6; k++) {
    const t = tokens[k]!;
    if (!joins(text, previous, t)) return null;
    if (t.kind === 'number') return names > 0 && isHouseNumber(text, t) ? t.end : null;
    if (t.kind !== 'word') return null;
    if (t.capital) names++;
    else if (!CONNECTORS.has(word(text, t).toLowerCase())) return null;
    previous = t;
  }
  return null;
}

/** `Hauptstraße 5`, `Berliner Straße 12a`, `Keizersgracht 123`: the end of the number, or -1. */
function suffixed(text: string, tokens: readonly Token[], i: number): number {
  const t = tokens[i]!;
  if (!t.capital) return -1;
  let k = i;
  const w = word(text, t);
  const next = tokens[i + 1];
  if (SUFFIX_WORDS.has(word(text, next)) && next!.capital && joins(text, t, next!)) k = i + 1;
  else if (w.length < 6 || !hasSuffix(w.toLowerCase())) return -1;
  const street = tokens[k]!;
  const number = tokens[k + 1];
  if (number?.kind !== 'number' || !joins(text, street, number) || !isHouseNumber(text, number) || number.end - number.start > 5) return -1;
  return number.end;
}

function hasSuffix(lower: string): boolean {
  for (const suffix of SUFFIXES) if (lower.endsWith(suffix) && lower.length > suffix.length + 2) return true;
  return false;
}

const PREFECTURE = /[\u3400-\u9fff]{1,3}[都道府県]/;
const MUNICIPALITY = /[市区町村郡]/;
const BLOCK = /^(?:丁目|番地|番|号|の)$/;

/**
 * `東京都千代田区千代田1-1`, `大阪府大阪市北区梅田1丁目2番3号`: from the prefecture, through
 * the block numbers after the run.
 */
function japanese(text: string, tokens: readonly Token[], i: number): { start: number; end: number } | null {
  const t = tokens[i]!;
  const run = text.slice(t.start, Math.min(t.end, t.start + 40));
  const prefecture = PREFECTURE.exec(run);
  if (prefecture === null || !MUNICIPALITY.test(run.slice(prefecture.index + prefecture[0].length))) return null;
  let end = t.end;
  for (let k = i + 1; k < tokens.length && k <= i + 8; k++) {
    const next = tokens[k]!;
    if (next.start !== end && !(next.start === end + 1 && text.charCodeAt(end) === 45)) break;
    if (next.kind !== 'number' && !(next.kind === 'joined' && BLOCK.test(text.slice(next.start, next.end)))) break;
    end = next.end;
  }
  return { start: t.start + prefecture.index, end };
}

/** `서울특별시 강남구 테헤란로 123`: from a city or province to the number after a road. */
function korean(text: string, tokens: readonly Token[], i: number): number | null {
  const first = text.slice(tokens[i]!.start, tokens[i]!.end);
  if (!/[시도구군]$/.test(first)) return null;
  let previous = tokens[i]!;
  for (let k = i + 1; k < tokens.length && k <= i + 4; k++) {
    const t = tokens[k]!;
    if (!joins(text, previous, t) || t.kind !== 'joined') return null;
    const w = text.slice(t.start, t.end);
    if (/[로길]$/.test(w)) {
      const number = tokens[k + 1];
      return number && number.kind === 'number' && joins(text, t, number) ? number.end : null;
    }
    previous = t;
  }
  return null;
}

/**
 * After a street: `, London SW1A 2AA`, `, 75002 Paris`, `, Springfield, IL 62704`, `, 1012 AB
 * Amsterdam`: up to two comma-separated parts of postcodes, capitalised words and a state code.
 * Each part is read from a bounded slice, so the cost stays linear.
 */
const PLACE =
  /^,? ?(?:(?:[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}|\d{4} [A-Z]{2}|\d{4,5}(?:-\d{4})?|[A-Z]\d[A-Z] \d[A-Z]\d|\d{3}-\d{4})(?=[ ,.\n]|$) ?)?(?:\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2})?(?:,? [A-Z]{2}(?=[ ,.\n]|$))?(?: (?:\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}))?/u;

function extendPlace(text: string, end: number): number {
  let k = end;
  for (let part = 0; part < 2; part++) {
    const match = PLACE.exec(text.slice(k, k + 80));
    if (match === null || !/[\p{L}\d]/u.test(match[0])) break;
    k += match[0].trimEnd().length;
  }
  return k;
}
