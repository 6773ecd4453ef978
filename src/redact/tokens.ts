/**
 * Tokens of prose for prose.ts: runs of letters (any script written with spaces), runs of digits
 * (with `-`, `/`, `.` between digits and one letter after: `1984-03-12`, `221B`), and runs of
 * Han, Kana or Hangul, which are written without spaces. Everything else is a gap. Placeholders
 * already in the text (`<name:1>`) are gaps too. One pass over the text.
 */

export interface Token {
  start: number;
  end: number;
  kind: 'word' | 'number' | 'joined';
  /** An upper-case letter then a lower-case one (or nothing): `Ada`, `Д`, not `ADA`, not `ada`. */
  capital: boolean;
  /** The script has capitals (Latin, Greek, Cyrillic, Armenian). */
  cased: boolean;
}

const LT = 60;
const GT = 62;
const COLON = 58;
const HYPHEN = 45;
const SLASH = 47;
const DOT = 46;

/** Letters of a script with spaces between words; 2 when the script has capitals. */
function letterClass(c: number): 0 | 1 | 2 {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 2 : 0;
  if (c >= 0xc0 && c <= 0x24f) return c === 0xd7 || c === 0xf7 ? 0 : 2;
  if (c >= 0x1e00 && c <= 0x1eff) return 2; // Latin Extended Additional (Vietnamese)
  if (c >= 0x370 && c <= 0x58f) return c >= 0x37e && c <= 0x385 ? 0 : 2; // Greek, Cyrillic, Armenian
  if (c >= 0x5d0 && c <= 0x5ea) return 1; // Hebrew
  if ((c >= 0x620 && c <= 0x64a) || (c >= 0x66e && c <= 0x6d3) || (c >= 0x6fa && c <= 0x6ff)) return 1; // Arabic, Persian, Urdu
  if (c >= 0x900 && c <= 0x9ff) return c === 0x964 || c === 0x965 ? 0 : 1; // Devanagari, Bengali
  if (c >= 0xe01 && c <= 0xe4e) return 1; // Thai
  if (c >= 0x10a0 && c <= 0x10ff) return 1; // Georgian
  return 0;
}

/** Han, Kana and Hangul. */
export function isJoinedChar(c: number): boolean {
  return (c >= 0x3041 && c <= 0x30ff && c !== 0x30fb) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(text: string, i: number): boolean {
  const char = text[i]!;
  return char !== char.toLowerCase();
}

function isLower(text: string, i: number): boolean {
  const char = text[i]!;
  return char !== char.toUpperCase();
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === LT) {
      i = skipPlaceholder(text, i);
      continue;
    }
    const letter = letterClass(c);
    if (letter !== 0) {
      let end = i + 1;
      // Combining marks (Devanagari vowel signs, Thai tone marks) are inside the ranges; others end the word.
      while (end < n && letterClass(text.charCodeAt(end)) !== 0) end++;
      const cased = letter === 2;
      const capital = cased && isUpper(text, i) && (end - i === 1 || isLower(text, i + 1));
      tokens.push({ start: i, end, kind: 'word', capital, cased });
      i = end;
      continue;
    }
    if (isDigit(c)) {
      let end = i + 1;
      while (end < n) {
        const d = text.charCodeAt(end);
        if (isDigit(d)) end++;
        else if ((d === HYPHEN || d === SLASH || d === DOT) && isDigit(text.charCodeAt(end + 1))) end += 2;
        else break;
      }
      // `221B`, `12a`: one letter right after, then no letter.
      const after = text.charCodeAt(end);
      if (end < n && letterClass(after) === 2 && letterClass(text.charCodeAt(end + 1)) === 0 && after < 128) end++;
      tokens.push({ start: i, end, kind: 'number', capital: false, cased: false });
      i = end;
      continue;
    }
    if (isJoinedChar(c)) {
      let end = i + 1;
      while (end < n && isJoinedChar(text.charCodeAt(end))) end++;
      tokens.push({ start: i, end, kind: 'joined', capital: false, cased: false });
      i = end;
      continue;
    }
    i++;
  }
  return tokens;
}

/** `<kind:12>` or `<jwt:1 claims=…>`: skipped whole (at most 2 KB looked at); else just the `<`. */
function skipPlaceholder(text: string, i: number): number {
  const first = text.charCodeAt(i + 1);
  if (first < 97 || first > 122) return i + 1;
  let k = i + 2;
  while (k < text.length && k - i < 64 && text.charCodeAt(k) !== COLON) k++;
  if (text.charCodeAt(k) !== COLON || !isDigit(text.charCodeAt(k + 1))) return i + 1;
  for (let j = k + 1; j < text.length && j - i < 2048; j++) {
    const c = text.charCodeAt(j);
    if (c === GT) return j + 1;
    if (c === LT || c === 10) return i + 1;
  }
  return i + 1;
}
