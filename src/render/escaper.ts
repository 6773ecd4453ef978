/**
 * How the presentation view escapes a captured value for one output format. The view decides
 * what a value is (inline code, text, a table cell, a whole example); the escaper decides how
 * that is written safely in Markdown or in HTML.
 */
import { cellCode, cellText, code, escapeHtml, fence, oneLine, text, visible } from './escape.js';
import type { Flow } from './flow.js';
import { mermaidSequence } from './flow-mermaid.js';
import { flowSvg } from './flow-svg.js';

export { escapeHtml } from './escape.js';

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
  /** The main flow as a whole diagram: a Mermaid block in Markdown, an inline SVG in HTML. */
  flow(flow: Flow): string;
}

export const markdownEscaper: Escaper = { code, text, cellCode, cellText, block: fence, flow: (flow) => fence(mermaidSequence(flow), 'mermaid') };

/** One line: line breaks and tabs as single spaces, as in the Markdown. */
function flat(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ');
}

const htmlText = (value: string): string => escapeHtml(visible(flat(value)));

/**
 * HTML: every value entity-escaped after invisible and direction-changing characters are made
 * visible (`\u202e`), so no captured value opens a tag, ends the page's script or reorders text.
 */
export const htmlEscaper: Escaper = {
  code: (value) => `<code>${htmlText(value)}</code>`,
  text: htmlText,
  cellCode: (value) => `<code>${htmlText(oneLine(value))}</code>`,
  cellText: (value) => htmlText(oneLine(value)),
  block: (value, language) =>
    `<pre${language ? ` data-language="${escapeHtml(language)}"` : ''}><code>${escapeHtml(visible(value.replace(/\r\n?/g, '\n')))}</code></pre>`,
  flow: flowSvg,
};
