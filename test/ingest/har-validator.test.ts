import { describe, expect, it } from 'vitest';
import { MAX_SCHEMA_ENTRIES, validateHarSchema } from '../../src/ingest/har-validator.js';

const valid = {
  startedDateTime: '2025-01-01T00:00:00.000Z',
  time: 1,
  request: {
    method: 'GET',
    url: 'https://api.example.com/a',
    httpVersion: 'HTTP/1.1',
    headers: [],
    queryString: [],
    cookies: [],
    headersSize: -1,
    bodySize: -1,
  },
  response: {
    status: 200,
    statusText: 'OK',
    httpVersion: 'HTTP/1.1',
    headers: [],
    cookies: [],
    content: { size: 0, mimeType: 'text/plain' },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
  },
  cache: {},
  timings: { send: 0, wait: 1, receive: 0 },
};
const invalid = { ...valid, time: 'slow' };
const har = (entries: unknown[]) => ({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } });

describe('validateHarSchema', () => {
  it('warns about an entry that breaks the HAR schema, naming it', async () => {
    const found = await validateHarSchema(har([valid, invalid]), 'a.har');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', code: 'har-schema', place: expect.objectContaining({ entry: 1 }) })]);
  });

  it(`checks only the first ${MAX_SCHEMA_ENTRIES} entries`, async () => {
    const entries = Array.from({ length: MAX_SCHEMA_ENTRIES }, () => valid);
    expect(await validateHarSchema(har([...entries, invalid]), 'a.har')).toEqual([]);
    expect(await validateHarSchema(har([...entries.slice(1), invalid, valid]), 'a.har')).toHaveLength(1);
  });
});
