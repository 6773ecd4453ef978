/**
 * Personal values found in one place, redacted wherever they recur. Pass 1 remembers each value
 * found personal by its key, its record or its shape (learn-json.ts, known.ts) as a phrase of one
 * or more words (placeholders.ts keeps only keyed hashes of it); here a text is searched for
 * those phrases at word starts: the first word's length is a cheap filter, its hash finds the
 * lengths of the phrases it can begin, and each is checked whole, ending at a word boundary.
 * In scripts written without spaces (Han, Kana, Hangul, Thai) a name sits inside a run of text
 * (`我是陈静怡`), so every position of such a run is tried for the remembered lengths.
 *
 * Linear in the text: one hash per word whose length a phrase starts with, a few per candidate.
 */
import type { Scope } from './scope.js';
import { Splice } from './splice.js';

/** Positions of a run without spaces tried at most, per text (a long CJK page is cut, not slow). */
const MAX_JOINED_TRIES = 20_000;

/** The text with every remembered personal phrase replaced by its placeholder. */
export function redactPhrases(text: string, scope: Scope): string {
  const { tags } = scope;
  if (!tags.remembersPhrases || text.length < 2) return text;
  let out: Splice | null = null;
  let tries = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c <= 32 || !startsWord(text, i)) {
      i++;
      continue;
    }
    if (c >= 0x0e00 && tags.joinedLengths.size > 0) {
      const found = joinedAt(text, i, scope, MAX_JOINED_TRIES - tries);
      tries += found.tries;
      if (found.end > i) {
        (out ??= new Splice(text)).replace(i, found.end, tags.tag(found.kind!, text.slice(i, found.end), scope.place));
        i = found.end;
        continue;
      }
    }
    // The first word runs to a space or a delimiter; a longer run cannot begin a phrase.
    const limit = Math.min(n, i + tags.maxHeadLength + 4);
    let headEnd = i;
    while (headEnd < limit && !isDelimiter(text.charCodeAt(headEnd))) headEnd++;
    const end = phraseAt(text, i, headEnd, scope);
    if (end !== null) {
      const phrase = text.slice(i, end.end);
      (out ??= new Splice(text)).replace(i, end.end, tags.tag(end.kind, phrase, scope.place));
      i = end.end;
      continue;
    }
    i++;
  }
  return out === null ? text : out.finish();
}

/** A remembered phrase starting at `start`, whose first word runs to `headEnd` (punctuation after it trimmed). */
function phraseAt(text: string, start: number, headEnd: number, scope: Scope): { end: number; kind: string } | null {
  const { tags } = scope;
  // `Quist,` `(Quist)` `Quist.`: the word without the punctuation after it, then as it is.
  let trimmed = headEnd;
  while (trimmed > start + 1 && isClosing(text.charCodeAt(trimmed - 1))) trimmed--;
  // A word cut by the length limit is no phrase's first word; only its trimmed form can be.
  if (headEnd < text.length && !isDelimiter(text.charCodeAt(headEnd)) && trimmed === headEnd) return null;
  for (const end of trimmed === headEnd ? [headEnd] : [trimmed, headEnd]) {
    if (!tags.mayStartPhrase(end - start)) continue;
    const lengths = tags.phraseLengths(text.slice(start, end));
    if (lengths === undefined) continue;
    let best: { end: number; kind: string } | null = null;
    for (const length of lengths) {
      const stop = start + length;
      if (stop > text.length || (best !== null && stop <= best.end) || !endsWord(text, stop)) continue;
      const kind = tags.recallPhrase(text.slice(start, stop));
      if (kind !== null) best = { end: stop, kind };
    }
    if (best !== null) return best;
  }
  return null;
}

/** The longest remembered phrase of a joined script starting at `start`. */
function joinedAt(text: string, start: number, scope: Scope, budget: number): { end: number; kind: string | null; tries: number } {
  let tries = 0;
  let found: { end: number; kind: string | null; tries: number } = { end: start, kind: null, tries: 0 };
  for (const length of scope.tags.joinedLengths) {
    if (tries >= budget) break;
    const stop = start + length;
    if (stop > text.length || stop <= found.end) continue;
    tries++;
    const kind = scope.tags.recallPhrase(text.slice(start, stop));
    if (kind !== null) found = { end: stop, kind, tries: 0 };
  }
  return { ...found, tries };
}

/**
 * A word starts here: after a space, punctuation or the start; inside a run of a script written
 * without spaces, anywhere.
 */
function startsWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (!isWordCode(c) && c !== 43 /* + */ && c !== 40 /* ( */) return false;
  if (i === 0 || c >= 0x0e00) return true;
  const before = text.charCodeAt(i - 1);
  return !isWordCode(before);
}

function endsWord(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const before = text.charCodeAt(i - 1);
  if (before >= 0x0e00) return true;
  return !isWordCode(text.charCodeAt(i));
}

/** Letters, digits and the characters inside names and numbers (`O'Neil`, `Quade-Ostrander`, `+1`). */
function isWordCode(c: number): boolean {
  if (c < 0xc0) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  // Letters of every script; not the punctuation blocks (general, CJK, full-width) between them.
  return !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff20) && c !== 0xd7 && c !== 0xf7;
}

/** Characters that end a first word: spaces and the punctuation of structures (`"`, `,`, `{` …). */
function isDelimiter(c: number): boolean {
  if (c <= 32) return true;
  switch (c) {
    case 34: // "
    case 44: // ,
    case 59: // ;
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 60: // <
    case 62: // >
    case 61: // =
    case 38: // &
    case 63: // ?
    case 47: // /
    case 92: // \
    case 124: // |
    case 96: // `
      return true;
    default:
      return false;
  }
}

/** Punctuation that can follow a word in a sentence or a structure: `.` `,` `;` `:` `!` `?` `)` `"` `'` `]` `}` `>`. */
function isClosing(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 34 || c === 39 || c === 93 || c === 125 || c === 62;
}
