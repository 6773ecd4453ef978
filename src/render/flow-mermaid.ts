/**
 * The main flow as a Mermaid sequence diagram (what GitHub renders from a ```mermaid block).
 * Participants get generated ids (`P0`, `P1` …) and their names as aliases, so no captured name
 * is ever read as a keyword (`end`, `box`, `participant`) or as arrow syntax. Every character
 * outside letters, digits and a few harmless marks is written as Mermaid's entity code (`#59;`):
 * `#` and `;` end a statement, `%%` starts a comment, `<`, `>` and `&` are markup in labels, `:`
 * and `,` are syntax in aliases, `$$` starts maths, quotes and backticks could end the fence
 * around the block, and line breaks or direction-changing characters would change the text.
 */
import type { Flow } from './flow.js';

/** The diagram's source, without the fence. */
export function mermaidSequence(flow: Flow): string {
  const lines = ['sequenceDiagram'];
  flow.participants.forEach((name, i) => {
    lines.push(`    participant P${i} as ${mermaidText(name, LABEL)}`);
  });
  for (const m of flow.messages) lines.push(`    P${m.from}${m.reply ? '-->>' : '->>'}P${m.to}: ${mermaidText(m.text, MESSAGE)}`);
  return lines.join('\n');
}

/** Characters written as they are: in a message's text, and (no comma: it separates participants) in an alias. */
const MESSAGE = /^[\p{L}\p{N} _./{}()[\]=+\-?!*,]$/u;
const LABEL = /^[\p{L}\p{N} _./{}()[\]=+\-?!*]$/u;

/** Text Mermaid shows as written: every character outside `safe` as its entity code, `#59;`. */
export function mermaidText(text: string, safe: RegExp = LABEL): string {
  let out = '';
  for (const char of text) out += safe.test(char) ? char : `#${char.codePointAt(0)};`;
  // Mermaid trims labels; an empty one is kept visible.
  return out.trim() === '' ? '#160;' : out;
}
