import { describe, expect, it } from 'vitest';
import { MAX_SCHEMA_ENTRIES, validateHarSchema } from '../../src/ingest/har-validator.js';
import { harEntry, harLog } from '../support/har.js';

const valid = harEntry({ url: 'https://api.example.com/a', content: { mimeType: 'text/plain' } });
const invalid = { ...valid, time: 'slow' };
const har = harLog;

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
