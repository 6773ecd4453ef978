/**
 * Prose: people's names, street addresses and birth dates written in free text (support
 * tickets, prompts, chat and SMS messages, CSV rows, HTML pages). The text is cut into tokens
 * once (letter runs, digit runs, the gaps between them), and each rule looks at a few tokens from
 * where it stands, so the cost is linear in the text and no regular expression runs over it.
 *
 * - Names: a given name and a surname of the dataset (name-dataset.ts) next to each other in a
 *   script with spaces (`Ada Lovelace`, `Иван Петров`, `יוסי כהן`), or joined in Han, Kana and
 *   Hangul (`佐藤翔太`, `王伟`, `김민준`); a capitalised word after a title (`Dr. Quist`) or a
 *   greeting or introduction (`Hi Ada`, `my name is Ada Quist`).
 * - Street addresses (street-addresses.ts): house number and street in the orders and words of
 *   several countries, with the postcode and town after them.
 * - Birth dates: a date after `born`, `DOB`, `date of birth` and their like.
 *
 * Placeholders are left as they are: a span never starts inside one.
 */
import { looksLikeProductName } from './key-words.js';
import { nameSets } from './name-dataset.js';
import { addressSpan } from './street-addresses.js';
import { type Token, tokenize } from './tokens.js';

export interface Span {
  start: number;
  end: number;
  kind: 'name' | 'address' | 'birth-date';
}

/**
 * Whether a text could hold a name, an address or a birth date: a letter outside ASCII, or a
 * space between two capitalised words (`Ada Quist`, `Dr. Quist`), a number and a word (`12 Main`,
 * `street 5`) or a label and a number (`DOB: 1984`). Ids, hashes, enum words and lower-case
 * prose fail these cheap checks (one native scan, then a look at each space).
 */
export function mayHoldProse(text: string): boolean {
  if (text.length < 2) return false;
  if (NON_ASCII.test(text)) return true;
  for (let k = text.indexOf(' ', 1); k !== -1 && k < text.length - 1; k = text.indexOf(' ', k + 1)) {
    const before = text.charCodeAt(k - 1);
    const after = text.charCodeAt(k + 1);
    if (after >= 65 && after <= 90 && ((before >= 97 && before <= 122) || before === 46 || before === 44)) return true;
    if (isAsciiDigit(before) ? isAsciiLetter(after) : isAsciiDigit(after) && (isAsciiLetter(before) || before === 58)) return true;
  }
  return false;
}

const NON_ASCII = /[^\x00-\x7f]/;

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The spans of names, addresses and birth dates in `text`, in order, not overlapping. */
export function findProseSpans(text: string): Span[] {
  const tokens = tokenize(text);
  const spans: Span[] = [];
  let floor = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.start < floor) continue;
    const found = addressSpan(text, tokens, i) ?? birthDateSpan(text, tokens, i) ?? personSpan(text, tokens, i);
    if (found !== null && found.start >= floor) {
      spans.push(found);
      floor = found.end;
    }
  }
  return spans;
}

/** Titles before a surname. */
const TITLES = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Mx',
  'Dr',
  'Prof',
  'Herr',
  'Frau',
  'Mme',
  'Mlle',
  'Sr',
  'Sra',
  'Srta',
  'Sig',
  'Sig.ra',
  'Dott',
  'Pan',
  'Pani',
  'Mevr',
  'Dhr',
]);
/** Words after which a capitalised given name is a person addressed or introduced. */
const GREETINGS = new Set([
  'hi',
  'hello',
  'hey',
  'dear',
  'thanks',
  'regards',
  'cheers',
  'bonjour',
  'hallo',
  'hola',
  'ciao',
  'olá',
  'ola',
  'salut',
  'liebe',
  'lieber',
  'querida',
  'querido',
  'cher',
  'chère',
  'привет',
  'здравствуйте',
  'уважаемый',
  'уважаемая',
]);
/** `my name is`, `I am`, `I'm`, `this is`, `call me`, `je m'appelle`, `ich heiße`, `me llamo`. */
const INTRODUCTIONS = [
  ['name', 'is'],
  ['i', 'am'],
  ['i', 'm'],
  ['this', 'is'],
  ['call', 'me'],
  ['m', 'appelle'],
  ['ich', 'heiße'],
  ['ich', 'heisse'],
  ['me', 'llamo'],
  ['mi', 'chiamo'],
  ['меня', 'зовут'],
  ['name'],
  ['contact'],
  ['customer'],
  ['from'],
  ['to'],
  ['by'],
];
/** Honorifics written right after a name in Japanese and Korean. */
const HONORIFICS = ['さん', '様', 'さま', '氏', '先生', 'くん', 'ちゃん', '씨', '님', '先生'];

/** A person's name at token `i`, unless it reads as a product's (`OpenAI Direct`). */
function personSpan(text: string, tokens: readonly Token[], i: number): Span | null {
  const found = nameSpan(text, tokens, i);
  return found !== null && looksLikeProductName(text.slice(found.start, found.end)) ? null : found;
}

function nameSpan(text: string, tokens: readonly Token[], i: number): Span | null {
  const token = tokens[i]!;
  if (token.kind === 'joined') {
    // `佐藤 翔太`: surname and given name with a space between them.
    const next = tokens[i + 1];
    const { given, family } = nameSets();
    if (
      next?.kind === 'joined' &&
      isSpace(text, token.end, next.start) &&
      family.has(text.slice(token.start, token.end)) &&
      given.has(text.slice(next.start, next.end))
    )
      return { start: token.start, end: next.end, kind: 'name' };
    return joinedNameSpan(text, token);
  }
  if (token.kind !== 'word') return null;
  const next = tokens[i + 1];
  // Every rule below needs a word after this one: `User 12` never loads the dataset.
  if (next?.kind !== 'word' || next.start - token.end > 2) return null;
  const { given, family } = nameSets();
  const word = text.slice(token.start, token.end);
  const nextWord = next && next.kind === 'word' && isSpace(text, token.end, next.start) ? text.slice(next.start, next.end) : null;
  // Given name and surname, in either order (`Ada Quist`, `Петров Иван`), both from the dataset.
  if (nextWord !== null && token.capital && next!.capital) {
    if ((given.has(word) && family.has(nextWord)) || (family.has(word) && given.has(nextWord) && word.length >= 3))
      return extendSurnames(text, tokens, i + 1, token.start);
  }
  // An uncased script (Arabic, Hebrew, Thai, Devanagari): the same pair without capitals.
  if (nextWord !== null && !token.cased && given.has(word) && family.has(nextWord)) return { start: token.start, end: next!.end, kind: 'name' };
  // After a title: `Dr. Quist`, `Frau Müller`.
  if (TITLES.has(word) && token.capital) {
    const k = text.charCodeAt(token.end) === 46 /* . */ ? token.end + 1 : token.end;
    if (next && next.kind === 'word' && next.capital && isSpace(text, k, next.start)) return extendSurnames(text, tokens, i + 1, next.start);
  }
  // After a greeting: `Hi Ada`, `Dear Ada Quist`.
  if (nextWord !== null && next!.capital && GREETINGS.has(word.toLowerCase()) && given.has(nextWord)) return extendSurnames(text, tokens, i + 1, next!.start);
  // After an introduction or a label: `my name is Ada Quist`, `From: Ada Quist`.
  if (next && next.kind === 'word' && next.capital && introduces(text, tokens, i)) return extendSurnames(text, tokens, i + 1, next.start, true);
  return null;
}

/** Whether the words ending at token `i` introduce a person (`my name is`, `From:`). */
function introduces(text: string, tokens: readonly Token[], i: number): boolean {
  for (const words of INTRODUCTIONS) {
    if (i + 1 < words.length) continue;
    let ok = true;
    for (let w = 0; w < words.length && ok; w++) {
      const t = tokens[i - words.length + 1 + w]!;
      ok = t.kind === 'word' && text.slice(t.start, t.end).toLowerCase() === words[w];
    }
    if (!ok) continue;
    // One-word labels (`Name`, `From`) introduce only with a colon: `Name: Ada Quist`.
    if (words.length === 1) return text.charCodeAt(tokens[i]!.end) === 58 && isSpace(text, tokens[i]!.end + 1, tokens[i + 1]!.start);
    return isSpace(text, tokens[i]!.end, tokens[i + 1]!.start);
  }
  return false;
}

/**
 * From the capitalised word at `i`, up to two more surnames of the dataset or initials after
 * single spaces or hyphens; after an introduction, any capitalised words (`free`).
 */
function extendSurnames(text: string, tokens: readonly Token[], i: number, start: number, free = false): Span {
  let end = tokens[i]!.end;
  for (let k = i + 1; k < tokens.length && k <= i + 2; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || !t.capital) break;
    const gap = text.slice(end, t.start);
    if (gap !== ' ' && gap !== '-' && gap !== '. ') break;
    if (!free && !nameSets().family.has(text.slice(t.start, t.end)) && t.end - t.start > 1) break;
    end = t.end;
  }
  return { start, end, kind: 'name' };
}

/**
 * `佐藤翔太`, `王伟`, `김민준님`: a surname then a given name of the dataset inside a run of Han,
 * Kana or Hangul. A name of two characters or with a one-character given name counts only as a
 * whole run or before an honorific, since two characters match words by chance (`成功`).
 */
function joinedNameSpan(text: string, token: Token): Span | null {
  const { given, family, longestJoined } = nameSets();
  const maxPart = Math.min(4, longestJoined);
  for (let p = token.start; p < token.end - 1; p++) {
    for (let f = Math.min(maxPart, token.end - p - 1); f >= 1; f--) {
      if (!family.has(text.slice(p, p + f))) continue;
      for (let g = Math.min(maxPart, token.end - p - f); g >= 1; g--) {
        const end = p + f + g;
        if (!given.has(text.slice(p + f, end))) continue;
        // Short names count as the whole run or before an honorific; `成功` ends many sentences.
        const whole = p === token.start && end === token.end;
        const honoured = HONORIFICS.some((h) => text.startsWith(h, end));
        if ((g === 1 || f + g < 3) && !whole && !honoured) continue;
        return { start: p, end, kind: 'name' };
      }
    }
  }
  return null;
}

const BIRTH_WORDS = new Set([
  'born',
  'dob',
  'birthday',
  'birthdate',
  'geboren',
  'née',
  'né',
  'nacido',
  'nacida',
  'nato',
  'nata',
  'nascido',
  'nascida',
  'urodzony',
  'urodzona',
  'родился',
  'родилась',
]);
const MONTHS = new Set([
  'jan',
  'january',
  'feb',
  'february',
  'mar',
  'march',
  'apr',
  'april',
  'may',
  'jun',
  'june',
  'jul',
  'july',
  'aug',
  'august',
  'sep',
  'sept',
  'september',
  'oct',
  'october',
  'nov',
  'november',
  'dec',
  'december',
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
  'januar',
  'februar',
  'märz',
  'juni',
  'juli',
  'oktober',
  'dezember',
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
]);

/**
 * `born 12 March 1984`, `DOB: 1984-03-12`, `date of birth 12/03/1984`, `生年月日 1984年3月12日`:
 * the date within a few tokens after the word, as numbers and month names.
 */
function birthDateSpan(text: string, tokens: readonly Token[], i: number): Span | null {
  const token = tokens[i]!;
  const word = token.kind === 'word' ? text.slice(token.start, token.end).toLowerCase() : '';
  const joined = token.kind === 'joined' && (text.slice(token.start, token.end).endsWith('生年月日') || text.slice(token.start, token.end).endsWith('生日'));
  const ofBirth = word === 'birth' && i >= 2 && text.slice(tokens[i - 1]!.start, tokens[i - 1]!.end).toLowerCase() === 'of';
  if (!BIRTH_WORDS.has(word) && !joined && !ofBirth) return null;
  let start = -1;
  let end = -1;
  let numbers = 0;
  for (let k = i + 1; k < tokens.length && k <= i + 8; k++) {
    const t = tokens[k]!;
    const isNumber = t.kind === 'number';
    const isMonth = t.kind === 'word' && MONTHS.has(text.slice(t.start, t.end).toLowerCase());
    const isDateMark = t.kind === 'joined' && /^[年月日]$/.test(text.slice(t.start, t.end));
    if (isNumber || isMonth || (isDateMark && start !== -1)) {
      if (start === -1) start = t.start;
      end = t.end;
      if (isNumber) numbers++;
      continue;
    }
    if (start !== -1) break;
    // Before the date: `on`, `in`, `:` and the like, not another sentence.
    if (t.kind === 'word' && t.end - t.start > 3) return null;
  }
  if (start === -1 || numbers === 0 || end - start < 4) return null;
  return { start, end, kind: 'birth-date' };
}

function isSpace(text: string, from: number, to: number): boolean {
  return to - from === 1 && text.charCodeAt(from) === 32;
}
