import { describe, expect, it } from 'vitest';
import { parseHarText } from '../../src/ingest/har-file.js';

describe('parseHarText', () => {
  it('accepts a UTF-8 BOM', () => {
    expect(parseHarText('\ufeff{"log":{"entries":[]}}', 'a.har').log.entries).toEqual([]);
  });

  it('reads creator and version, including a creator given as a plain string', () => {
    expect(parseHarText('{"log":{"version":"1.3","creator":"Optic","entries":[]}}', 'a.har').log).toMatchObject({ version: '1.3', creator: 'Optic' });
    expect(parseHarText('{"log":{"creator":{"name":"WebInspector","version":"537.36"},"entries":[]}}', 'a.har').log.creator).toBe('WebInspector/537.36');
  });

  it.each([
    ['onInputData({"log":{"entries":[1]}});', [1]],
    ['  cb ( {"log":{"entries":[2]}} )  \n', [2]],
    ['window.har.load({"log":{"entries":[]}})', []],
  ])('unwraps a HAR Viewer JSONP wrapper: %j', (text, entries) => {
    expect(parseHarText(text, 'a.harp').log.entries).toEqual(entries);
  });

  it.each([
    ['', 'E_JSON', 'the file is empty'],
    ['   \n\t ', 'E_JSON', 'the file is empty'],
    ['{"log": {', 'E_JSON', 'not valid JSON: it ends early, after 9 characters'],
    ['{"log": {"entries": [{"request": {"url": "https://a.example/', 'E_JSON', 'the file is truncated'],
    ['{"log": {"entries": [1, 2', 'E_JSON', 'the file is truncated'],
    ['{"log": {"entries": [1 2]}}', 'E_JSON', 'not valid JSON at line 1, column 24'],
    ['{\n  "log": {\n    "entries": x\n  }\n}', 'E_JSON', "not valid JSON at line 3, column 16 (unexpected character 'x')"],
    ['{"log": {"entries": [1, 2, 3, 4, 5, x, 6, 7, 8, 9]}}', 'E_JSON', "not valid JSON at line 1, column 37 (unexpected character 'x')"],
    ['{"log": {"entries": []}} trailing', 'E_JSON', 'unexpected non-whitespace character after JSON'],
    ['{"log": "\u0001"}', 'E_JSON', 'bad control character in string literal'],
    ['\u0000\u0001\u0002', 'E_JSON', 'unexpected character U+0000'],
    ['<!DOCTYPE html><html><body>Sign in</body></html>', 'E_JSON', 'this is an HTML or XML document, not a HAR'],
    ['[]', 'E_NOT_HAR', 'the top level is an array of 0'],
    ['"log"', 'E_NOT_HAR', 'the top level is a string'],
    ['null', 'E_NOT_HAR', 'the top level is null'],
    ['{}', 'E_NOT_HAR', 'the top level is an empty object'],
    ['{"info": {}, "item": []}', 'E_NOT_HAR', 'top-level keys: "info", "item"'],
    ['{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}', 'E_NOT_HAR', 'top-level keys: "a", "b", "c", "d", "e" and 1 more'],
    [
      '{"jane.roe@example.org": {}, "Xk29fLm3QpR7tZ8wYc4NbV6h": 1, "sk_live_4eC39HqLyjWDarjtT1zdp7dc": 2}',
      'E_NOT_HAR',
      'the top level is an object of 3 key(s)',
    ],
    ['{"users": [], "jürgen@example.org": 1, "AKIAQWERTYUIOPASDFGH": 2}', 'E_NOT_HAR', 'top-level keys: "users" and 2 more'],
    [
      '{"_postman_id": 1, "$schema": 2, "apiVersion": 3, "v2": 4, "xk29fLm3QpR7": 5, "Jane Roe": 6}',
      'E_NOT_HAR',
      'top-level keys: "_postman_id", "$schema", "apiVersion", "v2" and 2 more',
    ],
    ['{"log": 3}', 'E_NOT_HAR', '"log" is not an object'],
    ['{"log": {"creator": {}}}', 'E_NOT_HAR', '"log.entries" is missing'],
    ['{"log": {"entries": {}}}', 'E_NOT_HAR', '"log.entries" is missing or not an array'],
  ])('rejects %j with %s', (text, code, message) => {
    expect(() => parseHarText(text, 'x.har')).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
  });

  it('names the file and keeps every error to one printable line', () => {
    const texts = ['{"a\nb": 1, "\u202e": 2, "\ud800": 3}', '{"log": "\u2028"', '{"log": \n\n x', '\u202e{}', '{"x":1}\u0000'];
    for (const text of texts) {
      let message = '';
      try {
        parseHarText(text, 'x.har');
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message.startsWith('x.har: ')).toBe(true);
      expect(message).toMatch(/^[\x20-\x7e…]+$/);
    }
  });
});
