import { describe, expect, it } from 'vitest';
import { cellCode, cellText, code, fence, oneLine, text, visible } from '../../src/render/escape.js';
import { parseStructure, splitRow } from '../support/markdown-structure.js';

/** What a reader sees of `markdown` placed in a table cell, and how many cells the row has. */
function inCell(markdown: string): { cells: number; seen: string } {
  const row = `| ${markdown} | end |`;
  const structure = parseStructure(`| a | b |\n|---|---|\n${row}\n`);
  return { cells: splitRow(row).length, seen: structure.codeSpans[0] ?? '' };
}

describe('Markdown escaping', () => {
  it.each([
    ['plain', 'abc', '`abc`'],
    ['one backtick', 'a`b', '``a`b``'],
    ['a run of three', 'a```b', '````a```b````'],
    ['leading backtick', '`a', '`` `a ``'],
    ['empty', '', '` `'],
    ['spaces both sides', ' a ', '`  a  `'],
    ['line breaks', 'a\n\n# b\r\nc', '`a # b c`'],
    ['RTL override', 'a\u202eb', '`a\\u202eb`'],
  ])('code() keeps %s intact', (_name, value, expected) => {
    expect(code(value)).toBe(expected);
    const seen = parseStructure(`x ${code(value)} y\n`).codeSpans;
    expect(seen).toEqual([visible(value.replace(/[\r\n\t]+/g, ' ')) || ' ']);
  });

  it.each(['a|b', 'a\\|b', '||', '`|`', 'x | y | z', '\\', 'a\\'])('cellCode() keeps %j in one cell, as captured', (value) => {
    const { cells, seen } = inCell(cellCode(value));
    expect(cells).toBe(2);
    expect(seen).toBe(value);
  });

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['*em* _u_ ~~s~~ $x$', '\\*em\\* \\_u\\_ \\~\\~s\\~\\~ \\$x\\$'],
    ['[l](http://x) ![i](y)', '\\[l\\](http://x) !\\[i\\](y)'],
    ['a|b', 'a\\|b'],
    ['# h\n\n---', '\\# h ---'],
    ['&amp; &#60;', '&amp;amp; &amp;\\#60;'],
  ])('text() neutralises %j', (value, expected) => {
    expect(text(value)).toBe(expected);
    const structure = parseStructure(`x ${text(value)}\n`);
    expect(structure.html).toEqual([]);
  });

  it('cellText() keeps pipes and HTML in one cell', () => {
    const row = `| ${cellText('a | <b> | c')} | end |`;
    expect(splitRow(row)).toHaveLength(2);
    expect(parseStructure(`| a | b |\n|---|---|\n${row}\n`).html).toEqual([]);
  });

  it.each([
    ['C0 controls', 'a\u0000b\u0007c\u001bd', 'a\\u0000b\\u0007c\\u001bd'],
    ['bidi overrides and isolates', '\u202aa\u202eb\u2066c\u2069', '\\u202aa\\u202eb\\u2066c\\u2069'],
    ['zero-width characters and BOM', 'a\u200bb\u200dc\ufeff', 'a\\u200bb\\u200dc\\ufeff'],
    ['line separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
    ['lone surrogates', 'a\ud800b\udc00c', 'a\\ud800b\\udc00c'],
    ['a surrogate pair, left alone', 'a😀b', 'a😀b'],
    ['ordinary non-ASCII, left alone', 'Grüße, 東京, مرحبا', 'Grüße, 東京, مرحبا'],
    ['tabs and newlines, left alone', 'a\tb\nc', 'a\tb\nc'],
  ])('visible() shows %s', (_name, value, expected) => {
    expect(visible(value)).toBe(expected);
  });

  it('oneLine() never cuts a surrogate pair in half', () => {
    const value = `${'a'.repeat(118)}😀😀`;
    const line = oneLine(value);
    expect(line.endsWith('…')).toBe(true);
    expect(visible(line)).toBe(line);
  });

  it.each([
    ['plain', '{"a": 1}'],
    ['three backticks', 'x\n```\ny'],
    ['a longer run', '``````'],
    ['CRLF and a lone CR', 'a\r\nb\rc'],
    ['invisible characters', 'a\u202eb\u0000'],
    ['HTML', '<div>\n<script>x</script>\n</div>'],
  ])('fence() keeps %s inside one block', (_name, content) => {
    const structure = parseStructure(`before\n\n${fence(content, 'json')}\n\nafter\n`);
    expect(structure.fences).toEqual([{ info: 'json', content: `${visible(content.replace(/\r\n?/g, '\n'))}\n` }]);
    expect(structure.html).toEqual([]);
  });
});
