/**
 * Markdown that captured values cannot break: inline code spans whose backtick fence is longer
 * than any run inside, table cells without pipes or line breaks, fences longer than any backtick
 * run in the example, and text with Markdown and HTML neutralised. Every captured value that
 * reaches the reference goes through one of these.
 *
 * Characters that change how text displays without being seen (control characters, bidi
 * overrides, zero-width characters, line separators, lone surrogates) are shown as `\uXXXX`, the
 * JSON escape, so a JSON example stays valid JSON and a reader sees what was captured.
 */

/** Longest run of `char` in `text`. */
function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === char) longest = Math.max(longest, ++run);
    else run = 0;
  }
  return longest;
}

/**
 * C0 and C1 controls except tab, LF and CR; soft hyphen; Arabic letter mark; Mongolian vowel
 * separator; zero-width space, joiners and LRM/RLM; bidi embeddings, overrides and isolates;
 * line and paragraph separators; word joiner and invisible operators; BOM; interlinear
 * annotation marks; and UTF-16 surrogates that are not part of a pair.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `&`, `<`, `>`, `"` and `'` as entities: safe in element content and in quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `value` with invisible and direction-changing characters as `\uXXXX`. */
export function visible(value: string): string {
  return value.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Line breaks and tabs to single spaces: a captured value never starts a new Markdown block. */
function flatten(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ');
}

/** `value` as an inline code span that survives backticks, line breaks and invisible characters. */
export function code(value: string): string {
  const flat = visible(flatten(value));
  const fence = '`'.repeat(longestRun(flat, '`') + 1);
  // CommonMark strips one space from each side of a span that starts and ends with one, and
  // needs a space between the fence and a backtick inside.
  if (flat === '') return '` `';
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A code span for a table cell: one line, shortened, pipes escaped. */
export function cellCode(value: string): string {
  return code(oneLine(value)).replace(/\|/g, '\\|');
}

/** Plain text for a table cell: one line, shortened, pipes and HTML escaped (`text` does both). */
export function cellText(value: string): string {
  return text(oneLine(value));
}

/** Plain Markdown text on one line, with HTML, emphasis, links, strikethrough and math neutralised. */
export function text(value: string): string {
  return visible(flatten(value)).replace(/[\\`*_[\]<>&#~$|]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** One line of at most `max` characters, never cut inside a surrogate pair. */
export function oneLine(value: string, max = 120): string {
  const flat = flatten(value);
  if (flat.length <= max) return flat;
  let cut = max - 1;
  const last = flat.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${flat.slice(0, cut)}…`;
}

/**
 * A fenced block whose fence is longer than any backtick run in the content. Line endings become
 * `\n`, so a CR cannot end a line on its own, and invisible characters become visible.
 */
export function fence(content: string, info = ''): string {
  const body = visible(content.replace(/\r\n?/g, '\n'));
  const ticks = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return `${ticks}${info}\n${body}\n${ticks}`;
}
