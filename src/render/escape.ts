/**
 * Markdown that captured values cannot break: inline code spans whose backtick fence is longer
 * than any run inside, table cells without pipes or newlines, fences longer than any backtick
 * run in the example, and text with HTML neutralised.
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

/** `value` as an inline code span that survives backticks in the value. */
export function code(value: string): string {
  const fence = '`'.repeat(longestRun(value, '`') + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || value === '' ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** A code span for a table cell: one line, pipes escaped. */
export function cellCode(value: string): string {
  return code(oneLine(value)).replace(/\|/g, '\\|');
}

/** Plain text for a table cell: one line, pipes and HTML escaped. */
export function cellText(value: string): string {
  return text(oneLine(value)).replace(/\|/g, '\\|');
}

/** Plain Markdown text with HTML and emphasis markers neutralised. */
export function text(value: string): string {
  return value.replace(/[\\`*_[\]<>&#]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

export function oneLine(value: string, max = 120): string {
  const flat = value.replace(/[\r\n\t]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A fenced block whose fence is longer than any backtick run in the content. */
export function fence(content: string, info = ''): string {
  const ticks = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
  return `${ticks}${info}\n${content}\n${ticks}`;
}
