/**
 * The templating options on the command line: --hint, --config, --explain, host-qualified
 * --include, and the one-line usage errors for bad hints and config files.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { har, jsonEntry } from '../support/har.js';
import { memoryIo } from '../support/memory-io.js';

const capture = har([
  jsonEntry('GET', 'https://api.example.com/v1/post/hello', { title: 'a' }),
  jsonEntry('GET', 'https://api.example.com/v1/post/world', { title: 'b' }),
  jsonEntry('GET', 'https://api.example.com/v1/post/new', { form: true }),
  jsonEntry('GET', 'https://api.example.com/v1/items/42', { id: 42 }),
  jsonEntry('GET', 'https://api.example.com/v1/widgets/clock', { time: 1 }),
  jsonEntry('GET', 'https://api.example.com/v1/widgets/weather', { city: 'x' }),
  jsonEntry('GET', 'https://api.example.com/v1/widgets/dashboard', { panels: [] }),
  jsonEntry('GET', 'https://other.example.org/v1/items/7', { id: 7 }),
]);

function headings(io: ReturnType<typeof memoryIo>): string[] {
  return [...io.files.get('/virtual/out/reference.md')!.matchAll(/^### `([A-Z]+ [^`]+)`$/gm)].map((m) => m[1]!);
}

describe('templating options', () => {
  it('without hints, post slugs stay literal', async () => {
    const io = memoryIo({ 'c.har': capture });
    expect(await runCli(['c.har'], io)).toBe(0);
    expect(headings(io)).toContain('GET /v1/post/hello');
  });

  it('--hint templates the slugs and keeps the literal hint', async () => {
    const io = memoryIo({ 'c.har': capture });
    expect(await runCli(['c.har', '--hint', '/v1/post/{slug},/v1/post/new'], io)).toBe(0);
    const found = headings(io);
    expect(found).toEqual(expect.arrayContaining(['GET /v1/post/new', 'GET /v1/post/{slug}']));
    expect(found.some((h) => h.includes('hello'))).toBe(false);
  });

  it('--config reads hints and filters, added to the flags', async () => {
    const config = JSON.stringify({ hints: ['/v1/post/{slug}', '/v1/post/new'], hosts: ['api.example.com'], exclude: ['/v1/widgets/*'] });
    const io = memoryIo({ 'c.har': capture, 'har2api.json': config });
    expect(await runCli(['c.har', '--config', 'har2api.json'], io)).toBe(0);
    expect(headings(io).sort()).toEqual(['GET /v1/items/{item_id}', 'GET /v1/post/new', 'GET /v1/post/{slug}']);
  });

  it('--include with a host keeps that host only', async () => {
    const io = memoryIo({ 'c.har': capture });
    expect(await runCli(['c.har', '--include', 'other.example.org/**'], io)).toBe(0);
    expect(headings(io)).toEqual(['GET /v1/items/{item_id}']);
  });

  it('a filter or hint that matches nothing is a warning naming the nearest endpoints', async () => {
    const io = memoryIo({ 'c.har': capture });
    expect(await runCli(['c.har', '--exclude', '/v1/widget/*', '--hint', '/post/{post_id}'], io)).toBe(0);
    const stderr = io.err.join('');
    expect(stderr).toContain('--exclude "/v1/widget/*" matched no request, so it changed nothing; nearest: api.example.com/v1/widgets/clock');
    expect(stderr).toContain('--hint "/post/{post_id}" matched no API request, so it changed nothing; nearest: api.example.com/v1/post/hello');
    expect(stderr).toContain('[hint-unmatched]');
  });

  it('an exclude copied from the reference drops that endpoint', async () => {
    const io = memoryIo({ 'c.har': capture });
    expect(await runCli(['c.har', '--exclude', '/v1/items/{item_id}'], io)).toBe(0);
    expect(headings(io).filter((h) => h.includes('items'))).toEqual([]);
    expect(io.err.join('')).not.toContain('filter-unmatched');
  });

  it('an include that matches nothing names paths the capture has', async () => {
    const io = memoryIo({ 'c.har': capture });
    expect(await runCli(['c.har', '--include', '/v2/post/**'], io)).toBe(1);
    expect(io.err.join('')).toMatch(/--include "\/v2\/post\/\*\*" matched no request, so it changed nothing; nearest: api\.example\.com\/v1\/post/);
  });

  it('groups several hosts into sections', async () => {
    const io = memoryIo({ 'c.har': capture });
    expect(await runCli(['c.har'], io)).toBe(0);
    const reference = io.files.get('/virtual/out/reference.md')!;
    expect(reference).toContain('### Host `api.example.com`');
    expect(reference).toContain('### Host `other.example.org`');
  });

  it('--explain says why each templated position exists and which words were kept', async () => {
    const io = memoryIo({ 'c.har': capture });
    expect(await runCli(['c.har', '--explain', '--hint', '/v1/post/{slug}'], io)).toBe(0);
    const explained = io.err
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('explain: '));
    expect(explained).toEqual([
      'explain: api.example.com/v1/items/{item_id}: values are identifiers (integer); pattern integer; up to 1 distinct value(s) in 1 endpoint(s)',
      'explain: api.example.com/v1/post/{slug}: hint /v1/post/{slug}; pattern name or slug; up to 3 distinct value(s) in 1 endpoint(s)',
      'explain: other.example.org/v1/items/{item_id}: values are identifiers (integer); pattern integer; up to 1 distinct value(s) in 1 endpoint(s)',
      'explain: api.example.com/v1/widgets/*: 3 distinct words kept as literal endpoints (their responses have different keys); if they are values of one parameter, add a hint such as /v1/widgets/{widget_id}',
    ]);
  });

  it.each([
    [['--hint', 'post/{id}'], 'path hint "post/{id}": "post" is not a host name; a path starts with /'],
    [['--hint', '/post/{a-b}'], '{a-b} is not a parameter name'],
    [['--config', 'missing.json'], 'missing.json: cannot read the --config file (no such file or folder); check the path'],
    [['--config', 'bad.json'], 'bad.json: cannot use the --config file: not valid JSON: it ends early'],
    [
      ['--config', 'junk.json'],
      'junk.json: cannot use the --config file: not valid JSON at line 2, column 3 (expected double-quoted property name); fix the JSON of the config file',
    ],
    [['--config', 'typo.json'], 'typo.json: unknown key "hnts" in the settings; expected '],
    [['--config', 'list.json'], 'list.json: "hints" in the settings must be a list of strings'],
    [['--config', 'hint.json'], 'path hint "/x/{}": {} is not a parameter name'],
  ])('exits 2 with one line for %j', async (flags, message) => {
    const io = memoryIo({
      'c.har': capture,
      'bad.json': '{"hints": [',
      'junk.json': '{"hints": [],\n  private-words-here}',
      'typo.json': '{"hnts": []}',
      'list.json': '{"hints": [1]}',
      'hint.json': '{"hints": "/x/{}"}',
    });
    expect(await runCli(['c.har', ...flags], io)).toBe(2);
    const stderr = io.err.join('');
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toContain('private-words');
    expect(io.files.has('/virtual/out/reference.md')).toBe(false);
  });
});
