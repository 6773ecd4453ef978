/**
 * Type names are styled as quicktype styles them, without loading quicktype when they are ASCII
 * (`asciiTypeNameStyle`), and with quicktype's own style when one is not (`withTypeNameStyle`).
 * The ASCII style must agree with quicktype's exactly: on every ASCII character, alone and next
 * to letters, digits and separators, and on many seeded random names.
 */
import { describe, expect, it } from 'vitest';
import { asciiTypeNameStyle, quicktypeTypeNameStyle } from '../../../src/infer/quicktype.js';
import { settledStyle, withTypeNameStyle } from '../../../src/render/openapi/catalog.js';

/** Deterministic names: letters, capitals, digits, separators and punctuation in runs of 1–12. */
function randomNames(count: number): string[] {
  let seed = 19;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pools = ['abcxyz', 'ABCXYZ', '0189', '-_. /', '\x00\x1f\x7f!@#$%&*()[]{}~`"\'<>?,;:=+|\\', 'aA1'];
  return Array.from({ length: count }, () => {
    let name = '';
    for (let length = 1 + Math.floor(next() * 12); length > 0; length--) {
      const pool = pools[Math.floor(next() * pools.length)]!;
      name += pool[Math.floor(next() * pool.length)];
    }
    return name;
  });
}

const characters = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

describe('asciiTypeNameStyle', () => {
  it.each([
    ['getUsersResponse', 'GetUsersResponse'],
    ['GetIDsResponse', 'GetIDsResponse'],
    ['A1bC2d', 'A1BC2D'],
    ['A1BC2D', 'A1Bc2D'],
    ['HTTPServer', 'HttpServer'],
    ['v2_items-list', 'V2ItemsList'],
    ['1st item', 'The1StItem'],
    ['9-8x', 'The98X'],
    ['', 'Empty'],
    ['--', 'Empty'],
  ])('%j → %s', (name, styled) => {
    expect(asciiTypeNameStyle(name)).toBe(styled);
  });

  it.each(['café', 'naïveResponse', 'Ⅻ', '\u{1F600}'])('leaves %j to quicktype', (name) => {
    expect(asciiTypeNameStyle(name)).toBeUndefined();
  });

  it('agrees with quicktype on every ASCII character, alone and between letters, digits and separators', async () => {
    const quicktype = await quicktypeTypeNameStyle();
    const names = characters.flatMap((c) => [c, `${c}a`, `a${c}`, `${c}A`, `A${c}`, `${c}1`, `1${c}`, `Ab${c}cD`, `AB${c}`, `${c}-x`]);
    expect(names.map((name) => asciiTypeNameStyle(name))).toEqual(names.map(quicktype));
  });

  it('agrees with quicktype on 20000 random names', async () => {
    const quicktype = await quicktypeTypeNameStyle();
    const names = randomNames(20000);
    expect(names.map((name) => asciiTypeNameStyle(name))).toEqual(names.map(quicktype));
  });
});

describe('withTypeNameStyle', () => {
  it('styles ASCII names without quicktype, settled, and refuses a later name that is not ASCII', async () => {
    const { built, style } = await withTypeNameStyle((style) => ['getItems', 'A1bC2d'].map(style));
    expect(built).toEqual(['GetItems', 'A1Bc2D']);
    expect(style('GetItemsItem')).toBe('GetItemsItem');
    expect(() => style('Café')).toThrow(/not ASCII/);
  });

  it('builds again with quicktype’s own style when a name is not ASCII', async () => {
    const quicktype = settledStyle(await quicktypeTypeNameStyle());
    const names = ['getItems', 'café_menu', 'naïveResponse'];
    let runs = 0;
    const { built, style } = await withTypeNameStyle((style) => {
      runs++;
      return names.map(style);
    });
    expect(runs).toBe(2);
    expect(built).toEqual(names.map(quicktype));
    expect(style('Ⅻ-item')).toBe(quicktype('Ⅻ-item'));
  });
});
