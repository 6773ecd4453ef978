/**
 * The settings file: found beside the captures, in the current folder or in package.json, or
 * named by --config; every option of the command line as a key; flags win over it and list
 * flags add to its lists; an unknown key or a wrong type is one usage error naming the file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { har, jsonEntry } from '../support/har.js';
import { memoryIo } from '../support/memory-io.js';

const capture = har([
  jsonEntry('GET', 'https://api.example.com/v1/items/1', { id: 1 }),
  jsonEntry('GET', 'https://api.example.com/v1/items/2', { id: 2 }),
  jsonEntry('GET', 'https://api.example.com/v1/health', { ok: true }),
  jsonEntry('GET', 'https://other.example.org/v2/things', { n: 1 }),
]);
const changed = har([jsonEntry('GET', 'https://api.example.com/v1/items/1', { id: 1, extra: 'x' })]);

async function run(files: Record<string, string>, argv: string[]) {
  const io = memoryIo(files);
  const code = await runCli(argv, io);
  const written = [...io.files.keys()].filter((path) => !(path in files) && !Object.keys(files).some((f) => path === `/virtual/${f}`));
  return { code, io, err: io.err.join(''), written: written.sort() };
}

const settings = (value: unknown) => JSON.stringify(value);

describe('where the settings come from', () => {
  it.each<[string, Record<string, string>, string[], string]>([
    [
      'har2api.config.json beside the captures',
      { 'caps/c.har': capture, 'caps/har2api.config.json': settings({ out: 'docs' }) },
      ['caps/c.har'],
      'caps/har2api.config.json',
    ],
    ['in the current folder', { 'caps/c.har': capture, 'har2api.config.json': settings({ out: 'docs' }) }, ['caps/c.har'], 'har2api.config.json'],
    [
      'the har2api key of package.json',
      { 'c.har': capture, 'package.json': settings({ name: 'x', har2api: { out: 'docs' } }) },
      ['c.har'],
      'package.json#har2api',
    ],
    ['--config', { 'c.har': capture, 'mine.json': settings({ out: 'docs' }) }, ['c.har', '--config', 'mine.json'], 'mine.json'],
  ])('%s', async (_what, files, argv, label) => {
    const { code, err, written } = await run(files, argv);
    expect(err).toContain(`har2api: settings from ${label}\n`);
    expect(code).toBe(0);
    expect(written).toEqual(['/virtual/docs/reference.md']);
  });

  it.each([
    ['a folder of captures', (dir: string) => dir],
    ['a glob', (dir: string) => `${dir}/*.har`],
  ])('beside %s', async (_what, argument) => {
    const dir = mkdtempSync(join(tmpdir(), 'har2api-settings-'));
    try {
      writeFileSync(join(dir, 'c.har'), capture);
      writeFileSync(join(dir, 'har2api.config.json'), settings({ out: 'docs' }));
      const io = memoryIo({}, { disk: [join(dir, 'c.har'), join(dir, 'har2api.config.json')] });
      expect(await runCli([argument(dir)], io)).toBe(0);
      expect(io.err.join('')).toMatch(/settings from .*har2api-settings-.*\/har2api\.config\.json\n/);
      expect(io.files.has('/virtual/docs/reference.md')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prefers the file beside the captures to the current folder and package.json', async () => {
    const files = {
      'caps/c.har': capture,
      'caps/har2api.config.json': settings({ title: 'Beside' }),
      'har2api.config.json': settings({ title: 'Here' }),
      'package.json': settings({ har2api: { title: 'Package' } }),
    };
    const { io } = await run(files, ['caps/c.har']);
    expect(io.files.get('/virtual/out/reference.md')).toMatch(/^# Beside\n/);
  });

  it('uses none with --no-config, and ignores a package.json without the key', async () => {
    const { err, written } = await run({ 'c.har': capture, 'har2api.config.json': settings({ out: 'docs' }) }, ['c.har', '--no-config']);
    expect(err).not.toContain('settings from');
    expect(written).toEqual(['/virtual/out/reference.md']);
    const plain = await run({ 'c.har': capture, 'package.json': settings({ name: 'x' }) }, ['c.har']);
    expect(plain.err).not.toContain('settings from');
    expect(plain.code).toBe(0);
  });

  it('says nothing about it with -q', async () => {
    const { err } = await run({ 'c.har': capture, 'har2api.config.json': settings({ out: 'docs' }) }, ['c.har', '-q']);
    expect(err).toBe('');
  });
});

describe('what the settings hold', () => {
  it('takes every option of the command line', async () => {
    const file = settings({
      formats: ['markdown', 'json'],
      out: 'docs',
      title: 'Settings API',
      all: true,
      hosts: ['api.example.com'],
      include: ['/v1/**'],
      exclude: ['/v1/health'],
      hints: ['/v1/items/{item}'],
      redact: false,
      verbose: true,
    });
    const { code, io, written } = await run({ 'c.har': capture, 'har2api.config.json': file }, ['c.har']);
    expect(code).toBe(0);
    expect(written).toEqual(['/virtual/docs/model.json', '/virtual/docs/reference.md']);
    const model = JSON.parse(io.files.get('/virtual/docs/model.json')!);
    expect(model.title).toBe('Settings API');
    expect(model.redaction.enabled).toBe(false);
    expect(model.endpoints.map((e: { method: string; path: string }) => `${e.method} ${e.path}`)).toEqual(['GET /v1/items/{item}']);
  });

  it('accepts flag names and camelCase too (format, host, hint)', async () => {
    const file = settings({ format: 'json', host: 'other.example.org' });
    const { code, written } = await run({ 'c.har': capture, 'har2api.config.json': file }, ['c.har']);
    expect(code).toBe(0);
    expect(written).toEqual(['/virtual/out/model.json']);
  });

  it('lets a flag win, and adds list flags to the lists', async () => {
    const file = settings({ out: 'docs', title: 'From file', hosts: ['api.example.com'], formats: ['json'] });
    const { io, written } = await run({ 'c.har': capture, 'har2api.config.json': file }, [
      'c.har',
      '-o',
      'flag',
      '--title',
      'From flag',
      '--host',
      'other.example.org',
    ]);
    expect(written).toEqual(['/virtual/flag/model.json']);
    const model = JSON.parse(io.files.get('/virtual/flag/model.json')!);
    expect(model.title).toBe('From flag');
    expect(model.hosts.map((h: { name: string }) => h.name).sort()).toEqual(['api.example.com', 'other.example.org']);
  });

  it('gives diff its selection keys and leaves it the rest', async () => {
    const file = settings({ formats: ['openapi'], out: 'docs', hosts: ['other.example.org'] });
    const { code, io } = await run({ 'a.har': capture, 'b.har': changed, 'har2api.config.json': file }, ['diff', 'a.har', 'b.har']);
    // Only other.example.org is compared, and it is gone from b.har: one endpoint not observed.
    expect(io.out.join('')).toContain('/v2/things');
    expect(io.out.join('')).not.toContain('/v1/items');
    expect(code).toBe(0);
  });

  it.each<[string, unknown, string]>([
    ['an unknown key', { tilte: 'x' }, 'har2api.config.json: unknown key "tilte" in the settings; expected '],
    ['a flag that is no setting', { check: true }, 'unknown key "check"'],
    ['a list of numbers', { hints: [1] }, '"hints" in the settings must be a list of strings'],
    ['a boolean as text', { all: 'yes' }, '"all" in the settings must be true or false'],
    ['an empty out', { out: '' }, '"out" in the settings must be a non-empty string'],
    ['an array', [], 'the settings must be a JSON object'],
    ['a bad hint', { hints: ['/x/{}'] }, '{} is not a parameter name'],
    ['two values for out', { out: ['a', 'b'] }, '"out" in the settings must be a non-empty string'],
  ])('refuses %s in one line, writing nothing', async (_what, value, message) => {
    const { code, err, written } = await run({ 'c.har': capture, 'har2api.config.json': settings(value) }, ['c.har']);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
    expect(code).toBe(2);
    expect(written).toEqual([]);
  });
});
