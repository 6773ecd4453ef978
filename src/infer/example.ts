/**
 * Examples as the reference prints them: pretty JSON (2-space indent, as `JSON.stringify`) or
 * text, cut the seed's way with a final `... (truncated)` line when long. The JSON printer stops
 * once past the budget, so a 50 MB body costs no more than a small one. Every example is
 * detached from the text it was cut from (detach-text.ts): it outlives the capture, in
 * accumulators and in the model.
 */
import { detachText } from './detach-text.js';

export const EXAMPLE_MAX_CHARS = 3000;
export const EXAMPLE_MAX_LINES = 80;

export function truncateExample(text: string, maxChars = EXAMPLE_MAX_CHARS, maxLines = EXAMPLE_MAX_LINES): string {
  let cut = text.length > maxChars ? maxChars : -1;
  let lines = 0;
  for (let i = 0; i < text.length && i < maxChars; i++) {
    if (text.charCodeAt(i) === 10 && ++lines >= maxLines) {
      cut = i;
      break;
    }
  }
  if (cut === -1) return detachText(text);
  return detachText(`${text.slice(0, cut).trimEnd()}\n... (truncated)`);
}

/** Pretty JSON for a value, identical to `JSON.stringify(value, null, 2)` up to the budget. */
export function jsonExample(value: unknown, maxChars = EXAMPLE_MAX_CHARS, maxLines = EXAMPLE_MAX_LINES): string {
  const parts: string[] = [];
  let length = 0;
  const budget = maxChars + 1;
  const write = (text: string): boolean => {
    parts.push(text);
    length += text.length;
    return length <= budget;
  };
  const visit = (v: unknown, indent: string): boolean => {
    if (v === null || typeof v !== 'object') return write(JSON.stringify(v) ?? 'null');
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return write('[]');
      if (!write('[')) return false;
      for (let i = 0; i < v.length; i++) {
        if (!write(`${i ? ',' : ''}\n${inner}`) || !visit(v[i] === undefined ? null : v[i], inner)) return false;
      }
      return write(`\n${indent}]`);
    }
    const keys = Object.keys(v);
    if (keys.length === 0) return write('{}');
    if (!write('{')) return false;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (!write(`${i ? ',' : ''}\n${inner}${JSON.stringify(key)}: `) || !visit((v as Record<string, unknown>)[key], inner)) return false;
    }
    return write(`\n${indent}}`);
  };
  visit(value, '');
  return truncateExample(parts.join(''), maxChars, maxLines);
}

const TEXT_EXAMPLE_CHARS = 1000;
const TEXT_EXAMPLE_LINES = 20;
/** Control characters other than tab and line breaks, and the replacement character. */
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

/**
 * A text body summarised for the reference: its first lines, with control characters shown as
 * `�`. Undefined when the head is mostly unprintable (bytes that merely decoded as text).
 */
export function textExample(text: string): string | undefined {
  const head = text.slice(0, TEXT_EXAMPLE_CHARS + 1);
  const unprintable = head.match(UNPRINTABLE)?.length ?? 0;
  if (unprintable * 10 > head.length) return undefined;
  return truncateExample(unprintable > 0 ? head.replace(UNPRINTABLE, '\ufffd') : head, TEXT_EXAMPLE_CHARS, TEXT_EXAMPLE_LINES);
}
