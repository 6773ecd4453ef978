import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { har, jsonEntry } from '../support/har.js';
import { memoryIo } from '../support/memory-io.js';

const capture = har([jsonEntry('GET', 'https://api.example.com/v1/items/42', { id: 42, name: 'box' })]);

describe('har2api command line', () => {
  it('prints help on stdout and exits 0', async () => {
    const io = memoryIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.out.join('')).toContain('--format');
    expect(io.err.join('')).toBe('');
  });

  it('quotes every glob in its examples and the README, so the shell leaves it to har2api', async () => {
    const help = await Promise.all(
      [['--help'], ['diff', '--help']].map(async (argv) => {
        const io = memoryIo();
        await runCli(argv, io);
        return io.out.join('');
      }),
    );
    const commands = [...help, readFileSync('README.md', 'utf8')]
      .flatMap((text) => text.split('\n'))
      .map((line) => /(?:^|\s)((?:npx )?har2api\s.*)$/.exec(line)?.[1])
      .filter((command): command is string => command !== undefined);
    expect(commands.filter((c) => c.includes('*.har')).length).toBeGreaterThan(3);
    const unquoted = commands.filter((command) =>
      command
        .replace(/"[^"]*"|'[^']*'/g, '')
        .replace(/\s#.*$/, '')
        .includes('*'),
    );
    expect(unquoted).toEqual([]);
  });

  it('prints the version', async () => {
    const io = memoryIo();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.out.join('')).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [[], 'Not enough non-option arguments'],
    [['a.har', '--bogus'], 'Unknown argument'],
    [['a.har', '-f', 'pdf'], 'unknown format pdf'],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const io = memoryIo({ 'a.har': capture });
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err.join('')).toContain(message);
  });

  it.each([
    ['missing.har', {}, 'missing.har: file not found'],
    ['bad.har', { 'bad.har': '{"log": ' }, 'bad.har: not valid JSON: it ends early'],
    ['junk.har', { 'junk.har': '{"log": x}' }, 'junk.har: not valid JSON at line 1, column 9'],
    ['nolog.har', { 'nolog.har': '{}' }, 'nolog.har: JSON but not a HAR'],
    ['empty.har', { 'empty.har': har([]) }, 'empty.har: the capture has no entries'],
    ['*.nothing', {}, 'no file matches *.nothing'],
  ])('exits 1 with one line for bad input %s, writing nothing', async (arg, files, message) => {
    const io = memoryIo(files as Record<string, string>);
    const before = io.files.size;
    expect(await runCli([arg], io)).toBe(1);
    const stderr = io.err.join('');
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(io.files.size).toBe(before);
  });

  it('names every bad input when none is usable, one line each, writing nothing', async () => {
    const io = memoryIo({ 'bad.har': '{"log": ', 'nolog.har': '{}', 'junk.har': '{"log": x}', 'bin.har': '\u0000\u0001\u0002\u0003 not text' });
    const before = io.files.size;
    expect(await runCli(['bad.har', 'nolog.har', 'junk.har', 'bin.har', '-o', 'docs'], io)).toBe(1);
    const lines = io.err.join('').trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.every((line) => line.startsWith('har2api: '))).toBe(true);
    for (const said of ['bad.har: not valid JSON: it ends early', 'nolog.har: JSON but not a HAR', 'junk.har: not valid JSON at line 1', 'bin.har: ']) {
      expect(lines.filter((line) => line.includes(said))).toHaveLength(1);
    }
    expect(io.files.size).toBe(before);
  });

  it('names every bad input next to usable ones, not folded into one line', async () => {
    const io = memoryIo({ 'c.har': capture, 'bad.har': '{"log": ', 'junk.har': '{"log": x}' });
    expect(await runCli(['c.har', 'bad.har', 'junk.har', '-o', 'docs', '-q'], io)).toBe(1);
    const stderr = io.err.join('');
    expect(stderr).toContain('bad.har: not valid JSON: it ends early');
    expect(stderr).toContain('junk.har: not valid JSON at line 1');
    expect(stderr).not.toContain('more like it');
    expect(io.files.get('/virtual/docs/reference.md')).toContain('/v1/items/{item_id}');
  });

  it('writes the reference and the model into --out', async () => {
    const io = memoryIo({ 'c.har': capture });
    expect(await runCli(['c.har', '-o', 'docs', '-f', 'markdown,json'], io)).toBe(0);
    const reference = io.files.get('/virtual/docs/reference.md')!;
    expect(reference).toContain('### `GET /v1/items/{item_id}`');
    expect(JSON.parse(io.files.get('/virtual/docs/model.json')!).endpoints).toHaveLength(1);
  });

  it.each([[['-o', '-']], [['--out', '-']], [['--out=-']]])('writes one format to stdout with %j', async (flags) => {
    const io = memoryIo({ 'c.har': capture });
    expect(await runCli(['c.har', ...flags, '-f', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out.join('')).modelVersion).toBe(1);
    expect([...io.files.keys()].filter((path) => path.startsWith('/virtual/out/'))).toEqual([]);
  });

  it('reads a capture from stdin', async () => {
    const io = memoryIo({}, { stdin: capture });
    expect(await runCli(['-', '-o', '-'], io)).toBe(0);
    expect(io.out.join('')).toContain('`GET /v1/items/{item_id}`');
  });

  it('merges several inputs and still writes when one of them is bad, exiting 1', async () => {
    const other = har([jsonEntry('GET', 'https://api.example.com/v1/users/7', { id: 7 })]);
    const io = memoryIo({ 'a.har': capture, 'b.har': other, 'c.har': 'nope' });
    expect(await runCli(['a.har', 'b.har', 'c.har', '-o', 'out'], io)).toBe(1);
    expect(io.err.join('')).toContain('c.har: not valid JSON');
    const reference = io.files.get('/virtual/out/reference.md')!;
    expect(reference).toContain('/v1/items/{item_id}');
    expect(reference).toContain('/v1/users/{user_id}');
  });

  it('--check passes on fresh output and fails on stale output without writing', async () => {
    const io = memoryIo({ 'c.har': capture });
    await runCli(['c.har', '-o', 'docs'], io);
    expect(await runCli(['c.har', '-o', 'docs', '--check'], io)).toBe(0);
    io.files.set('/virtual/docs/reference.md', 'old');
    expect(await runCli(['c.har', '-o', 'docs', '--check'], io)).toBe(1);
    expect(io.err.join('')).toContain('stale output: docs/reference.md');
    expect(io.files.get('/virtual/docs/reference.md')).toBe('old');
  });

  it('--check prints a unified diff of each stale file, before the line naming them', async () => {
    const io = memoryIo({ 'c.har': capture });
    await runCli(['c.har', '-o', 'docs', '-f', 'markdown,json'], io);
    const fresh = io.files.get('/virtual/docs/reference.md')!;
    const line = fresh.split('\n').find((l) => l.startsWith('# '))!;
    io.files.set('/virtual/docs/reference.md', fresh.replace(line, '# An old title'));
    io.err.length = 0;
    expect(await runCli(['c.har', '-o', 'docs', '-f', 'markdown,json', '--check', '-q'], io)).toBe(1);
    const err = io.err.join('');
    expect(err).toContain('--- a/docs/reference.md\n+++ b/docs/reference.md\n@@ -1,');
    expect(err).toContain(`\n-# An old title\n+${line}\n`);
    expect(err).not.toContain('model.json');
    expect(err.trim().split('\n').at(-1)).toBe('har2api: stale output: docs/reference.md; run the same command without --check to regenerate');
  });

  it('--check --quiet says nothing when the output is up to date, and still names stale files', async () => {
    const io = memoryIo({ 'c.har': capture });
    await runCli(['c.har', '-o', 'docs'], io);
    io.err.length = 0;
    expect(await runCli(['c.har', '-o', 'docs', '--check', '-q'], io)).toBe(0);
    expect(io.err.join('')).toBe('');
    io.files.set('/virtual/docs/reference.md', 'old');
    expect(await runCli(['c.har', '-o', 'docs', '--check', '-q'], io)).toBe(1);
    expect(io.err.join('')).toContain('stale output: docs/reference.md');
  });

  it('--check fails when an input failed, even if the outputs match the others', async () => {
    const io = memoryIo({ 'c.har': capture, 'broken.har': '{"log": ' });
    await runCli(['c.har', '-o', 'docs'], io);
    expect(await runCli(['c.har', 'broken.har', '-o', 'docs', '--check'], io)).toBe(1);
    const stderr = io.err.join('');
    expect(stderr).toContain('broken.har: not valid JSON');
    expect(stderr).toContain('--check compared docs/reference.md with the readable inputs only; 1 input(s) failed');
    expect(stderr).not.toContain('up to date');
  });

  describe('captures without a single API endpoint', () => {
    const assets = har([{ ...(jsonEntry('GET', 'https://cdn.example.com/logo.png', {}) as object), _resourceType: 'image' }]);

    it.each([
      [['-o', 'docs'], 'nothing written, docs is left as it was'],
      [['-o', 'docs', '--check'], 'nothing checked'],
      [['-o', '-', '-f', 'json'], 'nothing written'],
    ])('write nothing and exit 1 (%j), keeping the reference already there', async (flags, said) => {
      const io = memoryIo({ 'c.har': capture, 'assets.har': assets });
      await runCli(['c.har', '-o', 'docs'], io);
      const reference = io.files.get('/virtual/docs/reference.md');
      io.err.length = 0;
      expect(await runCli(['assets.har', ...flags], io)).toBe(1);
      expect(io.files.get('/virtual/docs/reference.md')).toBe(reference);
      expect(io.out.join('')).toBe('');
      const stderr = io.err.join('').trim().split('\n');
      expect(stderr.at(-1)).toBe(
        `har2api: no API endpoints found in 1 entries (skipped: static-asset 1); use --all to keep static assets, documents and telemetry; ${said}`,
      );
      expect(stderr.filter((line) => line.includes('no API endpoints'))).toHaveLength(1);
    });
  });

  it('gives identical bytes on a second run', async () => {
    const io = memoryIo({ 'c.har': capture });
    await runCli(['c.har', '-o', 'a', '-f', 'markdown,json'], io);
    await runCli(['c.har', '-o', 'b', '-f', 'markdown,json'], io);
    expect(io.files.get('/virtual/a/reference.md')).toBe(io.files.get('/virtual/b/reference.md'));
    expect(io.files.get('/virtual/a/model.json')).toBe(io.files.get('/virtual/b/model.json'));
  });
});
