/**
 * A short unified diff of two texts, for `--check` to show what is stale: `--- a/… +++ b/…`
 * headers, `@@` hunks with three lines of context, cut after a number of lines so a CI log stays
 * readable. Lines common to both ends are skipped first; the middle is matched line by line
 * (longest common subsequence) when it is small enough, and otherwise shown as removed then
 * added, which is still correct, only coarser. Pure: texts in, text out.
 */

export interface UnifiedDiffOptions {
  /** Lines of context around each change. */
  context?: number;
  /** Lines of hunks shown at most; the rest is counted. */
  maxLines?: number;
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Past this many lines on each side of the changed middle, the exact match costs too much. */
const MAX_MATCHED = 2000;

export function unifiedDiff(before: string, after: string, label: string, options: UnifiedDiffOptions = {}): string {
  const context = options.context ?? 3;
  const maxLines = options.maxLines ?? 60;
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const hunks = toHunks(ops, context);
  if (hunks.length === 0) return '';
  const out = [`--- a/${label}`, `+++ b/${label}`];
  let shown = 0;
  let hidden = 0;
  for (const hunk of hunks) {
    const lines = [hunk.header, ...hunk.ops.map((op) => `${op.kind}${op.line}`)];
    for (const line of lines) {
      if (shown < maxLines) {
        out.push(line);
        shown++;
      } else if (!line.startsWith('@@') && !line.startsWith(' ')) hidden++;
    }
  }
  if (hidden > 0) out.push(`… ${hidden} more changed line(s)`);
  return `${out.join('\n')}\n`;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function diffLines(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle =
    middleA.length <= MAX_MATCHED && middleB.length <= MAX_MATCHED
      ? matchLines(middleA, middleB)
      : [...middleA.map((line): Op => ({ kind: '-', line })), ...middleB.map((line): Op => ({ kind: '+', line }))];
  const same = (line: string): Op => ({ kind: ' ', line });
  return [...a.slice(0, start).map(same), ...middle, ...a.slice(endA).map(same)];
}

/** Longest common subsequence by dynamic programming, read back as edits. */
function matchLines(a: string[], b: string[]): Op[] {
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++]! });
      j++;
    } else if (i < a.length && (j === b.length || table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) ops.push({ kind: '-', line: a[i++]! });
    else ops.push({ kind: '+', line: b[j++]! });
  }
  return ops;
}

interface Hunk {
  header: string;
  ops: Op[];
}

function toHunks(ops: Op[], context: number): Hunk[] {
  const changed = ops.flatMap((op, index) => (op.kind === ' ' ? [] : [index]));
  const hunks: Hunk[] = [];
  let k = 0;
  while (k < changed.length) {
    const from = Math.max(0, changed[k]! - context);
    let to = Math.min(ops.length, changed[k]! + context + 1);
    while (k + 1 < changed.length && changed[k + 1]! - context <= to) to = Math.min(ops.length, changed[++k]! + context + 1);
    k++;
    const before = ops.slice(0, from);
    const lineA = before.filter((op) => op.kind !== '+').length + 1;
    const lineB = before.filter((op) => op.kind !== '-').length + 1;
    const slice = ops.slice(from, to);
    const countA = slice.filter((op) => op.kind !== '+').length;
    const countB = slice.filter((op) => op.kind !== '-').length;
    hunks.push({ header: `@@ -${range(lineA, countA)} +${range(lineB, countB)} @@`, ops: slice });
  }
  return hunks;
}

/** `start,count` as diff(1) writes it: the line before for an empty range. */
function range(start: number, count: number): string {
  return count === 0 ? `${start - 1},0` : count === 1 ? `${start}` : `${start},${count}`;
}
