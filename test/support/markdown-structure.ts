/**
 * The structure of a rendered reference as a Markdown reader sees it, for tests that must prove
 * captured values cannot change it: parsed with markdown-it (CommonMark + GFM tables, raw HTML
 * recognised so that any that slips through shows up as a token), plus a GFM row splitter over
 * the source lines of each table, because markdown-it pads or drops cells silently.
 */
import MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

export interface MarkdownStructure {
  headings: { level: number; text: string }[];
  /** Per table: cells in the header row, and in each body row as the source line splits. */
  tables: { header: number; rows: number[]; parsedRows: number }[];
  fences: { info: string; content: string }[];
  /** Raw HTML that reached the output (should be none). */
  html: string[];
  rules: number;
  /** Inline code spans, as a reader sees their content. */
  codeSpans: string[];
}

const md = new MarkdownIt({ html: true, linkify: false });

/**
 * Level-3 headings the reference template gives a model: one per endpoint, one per resource of a
 * host (`### \`resource\``), and one per host when there are several.
 */
export function level3Headings(model: { hosts: unknown[]; endpoints: { host: string; resource?: string }[] }): number {
  const resources = new Set(model.endpoints.map((e) => `${e.host}\u0000${e.resource}`)).size;
  return model.endpoints.length + resources + (model.hosts.length > 1 ? model.hosts.length : 0);
}

export function parseStructure(markdown: string): MarkdownStructure {
  const tokens = md.parse(markdown, {});
  const lines = markdown.split('\n');
  const structure: MarkdownStructure = { headings: [], tables: [], fences: [], html: [], rules: 0, codeSpans: [] };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'heading_open':
        structure.headings.push({ level: Number(token.tag.slice(1)), text: inlineText(tokens[i + 1]) });
        break;
      case 'table_open':
        structure.tables.push(tableShape(tokens, i, lines));
        break;
      case 'fence':
        structure.fences.push({ info: token.info, content: token.content });
        break;
      case 'html_block':
        structure.html.push(token.content);
        break;
      case 'hr':
        structure.rules++;
        break;
      case 'inline':
        for (const child of token.children ?? []) {
          if (child.type === 'html_inline') structure.html.push(child.content);
          if (child.type === 'code_inline') structure.codeSpans.push(child.content);
        }
        break;
    }
  }
  return structure;
}

/** The text a reader sees in an inline token: text, code and entities, markup removed. */
function inlineText(token: Token | undefined): string {
  return (token?.children ?? [])
    .map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' ? '\n' : ''))
    .join('');
}

function tableShape(tokens: Token[], open: number, lines: string[]): { header: number; rows: number[]; parsedRows: number } {
  const [start, end] = tokens[open]!.map ?? [0, 0];
  const source = lines.slice(start, end);
  let parsedRows = 0;
  for (let i = open; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) if (tokens[i]!.type === 'tr_open') parsedRows++;
  return { header: splitRow(source[0] ?? '').length, rows: source.slice(2).map((line) => splitRow(line).length), parsedRows: parsedRows - 1 };
}

/** GFM's row split: on pipes not preceded by a backslash, without the outer pipes. */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '|' && line[i - 1] !== '\\') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  const trimmed = line.trim();
  if (trimmed.startsWith('|')) cells.shift();
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|')) cells.pop();
  return cells;
}
