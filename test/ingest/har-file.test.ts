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
    ['', 'E_JSON', 'the file is empty'],
    ['{"log": {', 'E_JSON', 'not valid JSON'],
    ['[]', 'E_NOT_HAR', 'no top-level "log"'],
    ['{"log": 3}', 'E_NOT_HAR', '"log" is not an object'],
    ['{"log": {"creator": {}}}', 'E_NOT_HAR', '"log.entries" is missing'],
  ])('rejects %j with %s', (text, code, message) => {
    expect(() => parseHarText(text, 'x.har')).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
  });
});
