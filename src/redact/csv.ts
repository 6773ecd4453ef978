/**
 * CSV and TSV text (an export, a bulk upload): its header row names the columns, so a column
 * named like personal data (`first_name`, `phone`, `Adresse`) has every cell replaced, whatever
 * the cell looks like. The rest of the text is then scanned as any text is. One pass; quoted
 * cells (`"Quist, Ada"`) are read as one cell.
 */
import { classifyName, ruleApplies } from './names.js';
import type { Scope } from './scope.js';

const MAX_HEADER = 2048;
const DELIMITERS = [44, 59, 9]; // , ; tab

/** The delimiter of a text whose first two lines have the same 2+ count of it, or 0. */
export function csvDelimiter(text: string): number {
  const firstEnd = text.indexOf('\n');
  if (firstEnd <= 0 || firstEnd > MAX_HEADER) return 0;
  const secondEnd = text.indexOf('\n', firstEnd + 1);
  const second = text.slice(firstEnd + 1, secondEnd === -1 ? Math.min(text.length, firstEnd + 1 + MAX_HEADER) : secondEnd);
  const first = text.slice(0, firstEnd);
  if (first.includes('{') || first.includes('<')) return 0;
  for (const d of DELIMITERS) {
    const count = countOf(first, d);
    if (count >= 2 && countOf(second, d) === count) return d;
  }
  return 0;
}

function countOf(line: string, code: number): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === code) n++;
  return n;
}

/** The text with the cells of personal columns replaced, or the text itself. */
export function redactCsvColumns(text: string, delimiter: number, scope: Scope): string {
  const rows = readRows(text, delimiter);
  const header = rows[0];
  if (!header) return text;
  const rules = header.map((cell) => {
    const name = text.slice(cell.start, cell.end).replace(/^"|"$/g, '').trim();
    const rule = name === '' ? null : classifyName(name, 'json', { personSiblings: header.length > 1 });
    return rule !== null && rule.tier !== 'credential' ? rule : null;
  });
  if (!rules.some((r) => r !== null)) return text;
  const parts: string[] = [];
  let copied = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < row.length && c < rules.length; c++) {
      const rule = rules[c];
      const cell = row[c]!;
      if (!rule) continue;
      const quoted = text.charCodeAt(cell.start) === 34 && cell.end - cell.start >= 2;
      const start = quoted ? cell.start + 1 : cell.start;
      const end = quoted ? cell.end - 1 : cell.end;
      const value = text.slice(start, end);
      if (value.trim() === '' || !ruleApplies(rule, value) || scope.tags.issued(value)) continue;
      parts.push(text.slice(copied, start), scope.tags.tag(rule.kind, value, scope.place));
      copied = end;
    }
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

interface Cell {
  start: number;
  end: number;
}

function readRows(text: string, delimiter: number): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? 10 : text.charCodeAt(i);
    if (quoted) {
      if (c === 34) {
        // `""` inside a quoted cell is a quote, not the end.
        if (text.charCodeAt(i + 1) === 34) i++;
        else quoted = false;
      }
      if (i < text.length) continue;
    }
    if (c === 34 && i === start) quoted = true;
    else if (c === delimiter) {
      row.push({ start, end: i });
      start = i + 1;
    } else if (c === 10) {
      const end = i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
      row.push({ start, end });
      rows.push(row);
      row = [];
      start = i + 1;
    }
  }
  return rows;
}
