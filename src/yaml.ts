/**
 * The one adapter for the `yaml` library (YAML 1.2): the OpenAPI document as `openapi.yaml`, the
 * starter overlay, and reading an overlay file. Writing is deterministic and alias-free (a value
 * the document holds twice is written twice: some OpenAPI tools refuse anchors); reading gives
 * plain JSON-like data or the first error with its line and column.
 */
import { Document, LineCounter, parseDocument, visit } from 'yaml';

/**
 * `value` as a YAML document that reads back as the same data under YAML 1.2 and 1.1 alike:
 * strings a 1.1 reader would take for something else (`yes`, `on`, `2025-01-02`, `12:30`) and
 * 1.2 octals (`0o17`) are quoted. `comment` (lines, no `#`) goes above it.
 */
export function toYaml(value: unknown, comment?: string): string {
  const document = new Document(value, { version: '1.1', aliasDuplicateObjects: false });
  visit(document, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && /^[-+]?0o[0-7]+$/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const text = document.toString({ lineWidth: 0 });
  if (!comment) return text;
  return `${comment
    .split('\n')
    .map((line) => (line ? `# ${line}` : '#'))
    .join('\n')}\n${text}`;
}

export type YamlResult = { ok: true; value: unknown } | { ok: false; message: string; line: number; column: number };

/** Parses a YAML (or JSON) text; a syntax error, a duplicate key or a tag gives the first problem with its place. */
export function parseYaml(text: string): YamlResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const problem = document.errors[0];
  if (problem) {
    const { line, col } = lineCounter.linePos(problem.pos[0]);
    return { ok: false, message: problem.message.split('\n')[0]!, line, column: col };
  }
  return { ok: true, value: document.toJS({ maxAliasCount: 100 }) };
}
