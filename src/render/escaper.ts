/**
 * How the presentation view escapes a captured value for one output format. The view decides
 * what a value is (inline code, text, a table cell, a whole example); the escaper decides how
 * that is written safely in Markdown or in HTML.
 */
import { cellCode, cellText, code, fence, text } from './escape.js';

export interface Escaper {
  /** Inline code in running text or a heading. */
  code(value: string): string;
  /** Plain text in running text or a heading. */
  text(value: string): string;
  /** Inline code in a table cell: one line, shortened. */
  cellCode(value: string): string;
  /** Plain text in a table cell: one line, shortened. */
  cellText(value: string): string;
  /** A whole example, kept as captured (line breaks included); `language` is `json` or empty. */
  block(value: string, language: string): string;
}

export const markdownEscaper: Escaper = { code, text, cellCode, cellText, block: fence };
