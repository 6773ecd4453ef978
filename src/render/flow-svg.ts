/**
 * The main flow as an inline SVG sequence diagram for the HTML reference: the same participants
 * and messages as the Mermaid block of the Markdown, drawn here because the page loads nothing
 * and inlining Mermaid itself (about 3.5 MB minified) into every page would dwarf the reference.
 *
 * Pure and deterministic: sizes come from character counts in a monospace font (no measuring),
 * every number is an integer. Colours are `currentColor`, so the diagram follows the page's light
 * or dark scheme; no `style` attribute (the page's Content-Security-Policy would refuse it), no
 * id (two diagrams on a page cannot clash), no link or script. Every text is entity-escaped after
 * invisible and direction-changing characters are made visible.
 */
import { escapeHtml, visible } from './escape.js';
import type { Flow } from './flow.js';

const FONT = 12;
/** Advance of one monospace character at FONT px (0.6 em), and of a wide (CJK, emoji) one. */
const CHAR = 7.2;
const PAD = 12;
const BOX_HEIGHT = 28;
const ROW = 34;
const MIN_BOX = 72;
const GAP = 24;
const MARGIN = 8;

export function flowSvg(flow: Flow): string {
  const boxes = flow.participants.map((name) => 2 * Math.ceil(Math.max(MIN_BOX, textWidth(name) + 2 * PAD) / 2));
  const centers: number[] = [];
  flow.participants.forEach((_, i) => {
    let x = i === 0 ? MARGIN + boxes[0]! / 2 : centers[i - 1]! + (boxes[i - 1]! + boxes[i]!) / 2 + GAP;
    // A message's label fits between the lifelines it joins.
    for (const m of flow.messages) {
      const [a, b] = m.from < m.to ? [m.from, m.to] : [m.to, m.from];
      if (b === i && a < i) x = Math.max(x, centers[a]! + textWidth(m.text) + 2 * PAD);
    }
    centers.push(Math.ceil(x));
  });
  const last = flow.participants.length - 1;
  const width = Math.ceil(centers[last]! + boxes[last]! / 2 + MARGIN);
  const top = MARGIN + BOX_HEIGHT;
  const height = top + ROW * flow.messages.length + ROW / 2 + MARGIN;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="flow-diagram" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" font-size="${FONT}" fill="currentColor" stroke="currentColor">`,
  );
  parts.push(`<desc>${flow.messages.map((m) => xml(m.text)).join('; ')}</desc>`);
  flow.participants.forEach((name, i) => {
    const x = centers[i]!;
    parts.push(`<line class="lifeline" x1="${x}" y1="${top}" x2="${x}" y2="${height - MARGIN}" stroke-dasharray="2 4" stroke-width="1"/>`);
    parts.push(
      `<rect class="participant" x="${x - boxes[i]! / 2}" y="${MARGIN}" width="${boxes[i]}" height="${BOX_HEIGHT}" rx="4" fill="none" stroke-width="1"/>`,
    );
    parts.push(`<text x="${x}" y="${MARGIN + BOX_HEIGHT / 2 + FONT / 3}" text-anchor="middle" stroke="none">${xml(name)}</text>`);
  });
  flow.messages.forEach((m, row) => {
    const y = top + ROW * (row + 1);
    const from = centers[m.from]!;
    const to = centers[m.to]!;
    const dir = to > from ? 1 : -1;
    const tip = to - dir;
    parts.push(
      `<line class="${m.reply ? 'reply' : 'call'}" x1="${from}" y1="${y}" x2="${tip - dir * 8}" y2="${y}" stroke-width="1.5"${m.reply ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
    parts.push(`<polygon points="${tip},${y} ${tip - dir * 9},${y - 4} ${tip - dir * 9},${y + 4}" stroke="none"/>`);
    parts.push(`<text x="${Math.round((from + to) / 2)}" y="${y - 6}" text-anchor="middle" stroke="none">${xml(m.text)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

function xml(text: string): string {
  return escapeHtml(visible(text.replace(/[\r\n\t]+/g, ' ')));
}

/** Width in px: wide characters (CJK, Hangul, emoji) take two columns. */
function textWidth(text: string): number {
  let columns = 0;
  for (const char of visible(text))
    columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}]/u.test(char) ? 2 : 1;
  return columns * CHAR;
}
