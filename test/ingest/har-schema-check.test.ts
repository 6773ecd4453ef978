/**
 * The generated HAR schema check (src/ingest/har-schema-check.ts) is har-validator's: current
 * with its generator, and giving ajv's findings word for word, on whole documents and on
 * entries broken in the ways real exports break them.
 */
import { spawnSync } from 'node:child_process';
import harValidator from 'har-validator';
import { describe, expect, it } from 'vitest';
import { entry, har, type Validate } from '../../src/ingest/har-schema-check.js';
import { harEntry, harLog } from '../support/har.js';

/** What har-validator finds: nothing, or its ajv errors. */
const library = (check: (data: unknown) => Promise<unknown>, data: unknown) =>
  check(data).then(
    () => null,
    (error: { errors?: unknown[] }) => error.errors ?? [],
  );
const generated = (validate: Validate, data: unknown) => (validate(data || {}) ? null : validate.errors);

const base = harEntry({
  url: 'https://api.example.com/items?page=2',
  method: 'POST',
  requestHeaders: [['content-type', 'application/json']],
  requestJson: { a: 1 },
  requestCookies: [['sid', 'x']],
  json: { ok: true },
});
type Entry = Record<string, unknown>;
const at = (e: Entry, key: string) => e[key] as Entry;
const ENTRY_CASES: [string, (e: Entry) => unknown][] = [
  ['a whole entry', (e) => e],
  ['no cache, no timings', ({ cache: _c, timings: _t, ...e }) => e],
  ['no request', ({ request: _r, ...e }) => e],
  ['time as text', (e) => ({ ...e, time: 'slow' })],
  ['a date that is no date', (e) => ({ ...e, startedDateTime: 'yesterday' })],
  ["Chrome's [::1] server address", (e) => ({ ...e, serverIPAddress: '[::1]' })],
  ['an IPv6 server address', (e) => ({ ...e, serverIPAddress: '2001:db8::1' })],
  ['a relative URL', (e) => ({ ...e, request: { ...at(e, 'request'), url: '/items' } })],
  ['headers as an object', (e) => ({ ...e, request: { ...at(e, 'request'), headers: { a: 'b' } } })],
  ['no content size', (e) => ({ ...e, response: { ...at(e, 'response'), content: { mimeType: 'text/plain' } } })],
  ['a status as text', (e) => ({ ...e, response: { ...at(e, 'response'), status: '200' } })],
  ['a cookie without a value', (e) => ({ ...e, request: { ...at(e, 'request'), cookies: [{ name: 'sid' }] } })],
  ['postData without mimeType', (e) => ({ ...e, request: { ...at(e, 'request'), postData: { text: 'x' } } })],
  ['timings as text', (e) => ({ ...e, timings: { send: 'a', wait: null, receive: -1 } })],
  ['null', () => null],
  ['zero', () => 0],
  ['an array', () => [1, 2]],
  ['a string', () => 'entry'],
];

describe('the generated HAR schema check', () => {
  it('is what scripts/generate-har-schema-check.mjs generates today', () => {
    const run = spawnSync(process.execPath, ['scripts/generate-har-schema-check.mjs', '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it.each(ENTRY_CASES)('finds in an entry what har-validator finds: %s', async (_, make) => {
    const data = make(structuredClone(base));
    const expected = await library(harValidator.entry, data);
    expect(generated(entry, structuredClone(data))).toEqual(expected);
  });

  it.each([
    ['a whole log', harLog([base])],
    ['a log without entries', harLog([])],
    ['no creator', { log: { version: '1.2', entries: [] } }],
    ['a version as a number', { log: { version: 1.2, creator: { name: 'x', version: '1' }, entries: [] } }],
    [
      'pages with a bad date',
      { log: { version: '1.2', creator: { name: 'x', version: '1' }, pages: [{ id: 'p', title: 't', startedDateTime: 'x', pageTimings: {} }], entries: [] } },
    ],
    ['no log', { entries: [] }],
    ['undefined', undefined],
  ])('finds in a document what har-validator finds: %s', async (_, data) => {
    expect(generated(har, structuredClone(data))).toEqual(await library(harValidator.har, data));
  });
});
