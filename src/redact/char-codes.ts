/**
 * Named character codes for the scanners of free text (text.ts and the modules it is split
 * into), which compare `charCodeAt` results in their hot loops: a name says which character,
 * a number does not.
 */

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const QUOTE = 34; // "
export const HASH = 35; // #
export const PERCENT = 37; // %
export const AMP = 38; // &
export const APOS = 39; // '
export const OPEN_PAREN = 40; // (
export const PLUS = 43; // +
export const COMMA = 44; // ,
export const HYPHEN = 45; // -
export const DOT = 46; // .
export const SLASH = 47; // /
export const DIGIT_0 = 48;
export const DIGIT_2 = 50;
export const DIGIT_6 = 54;
export const DIGIT_9 = 57;
export const COLON = 58; // :
export const SEMICOLON = 59; // ;
export const LT = 60; // <
export const EQUALS = 61; // =
export const GT = 62; // >
export const QUESTION = 63; // ?
export const AT = 64; // @
export const UPPER_A = 65;
export const UPPER_F = 70;
export const UPPER_J = 74;
export const UPPER_X = 88;
export const UPPER_Z = 90;
export const BACKSLASH = 92; // \
export const UNDERSCORE = 95; // _
export const LOWER_A = 97;
export const LOWER_E = 101;
export const LOWER_F = 102;
export const LOWER_N = 110;
export const LOWER_R = 114;
export const LOWER_U = 117;
export const LOWER_X = 120;
export const LOWER_Y = 121;
export const LOWER_Z = 122;
/** The first code past ASCII. */
export const NON_ASCII = 128;
export const OPEN_BRACE = 123; // {
export const CLOSE_BRACE = 125; // }

export function isDigitCode(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9;
}

/** `a`–`f` or `A`–`F`. */
export function isHexLetterCode(c: number): boolean {
  return (c >= LOWER_A && c <= LOWER_F) || (c >= UPPER_A && c <= UPPER_F);
}

export function isUpperCode(c: number): boolean {
  return c >= UPPER_A && c <= UPPER_Z;
}

export function isLowerCode(c: number): boolean {
  return c >= LOWER_A && c <= LOWER_Z;
}

/** `text.indexOf(String.fromCharCode(code))` bounded to `[start, end)`. */
export function indexOfCode(text: string, code: number, start: number, end: number): number {
  for (let k = start; k < end; k++) if (text.charCodeAt(k) === code) return k;
  return -1;
}
