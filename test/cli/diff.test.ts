import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { har, jsonEntry } from '../support/har.js';
import { memoryIo } from '../support/memory-io.js';

const items = (body: Record<string, unknown>) => [1, 2, 3].map((i) => jsonEntry('GET', `https://api.example.test/v1/items/${i}`, { id: i, ...body }));
const before = har(items({ name: 'box' }));
const breaking = har(items({}));
const additive = har(items({ name: 'box', size: 3 }));

async function run(argv: string[], files: Record<string, string> = {}, stdin?: string) {
  const io = memoryIo({ 'old.har': before, 'breaking.har': breaking, 'additive.har': additive, ...files }, stdin !== undefined ? { stdin } : {});
  const code = await runCli(argv, io);
  return { code, out: io.out.join(''), err: io.err.join(''), files: io.files };
}

describe('har2api diff', () => {
  it('prints "No changes" for identical captures and exits 0', async () => {
    const { code, out, err } = await run(['diff', 'old.har', 'old.har']);
    expect(code).toBe(0);
    expect(out).toContain('\nNo changes.\n');
    expect(err).toBe('');
  });

  it('prints the changelog on stdout and exits 0 without a gate', async () => {
    const { code, out } = await run(['diff', 'old.har', 'breaking.har']);
    expect(code).toBe(0);
    expect(out).toContain('### `GET /v1/items/{item_id}`');
    expect(out).toContain('response field `name` removed');
  });

  it.each([
    [['--fail-on', 'breaking'], 'breaking.har', 1],
    [['--fail-on', 'breaking'], 'additive.har', 0],
    [['--fail-on', 'warning'], 'additive.har', 0],
    [['--fail-on', 'any'], 'additive.har', 1],
    [['--fail-on', 'any'], 'old.har', 0],
  ])('%j against %s exits %i', async (flags, next, expected) => {
    const { code, err } = await run(['diff', 'old.har', next, ...flags]);
    expect(code).toBe(expected);
    if (expected === 1) expect(err).toMatch(/^har2api: diff failed --fail-on \w+: \d+ breaking/);
  });

  it('writes JSON to a file with -o, nothing on stdout', async () => {
    const { code, out, err, files } = await run(['diff', 'old.har', 'breaking.har', '-f', 'json', '-o', 'changes.json']);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toContain('wrote changes.json (1 breaking, 0 warning, 0 non-breaking, 0 info)');
    const diff = JSON.parse(files.get('/virtual/changes.json')!) as { changes: { rule: string; fingerprint: string }[] };
    expect(diff.changes.map((c) => c.rule)).toEqual(['response-field-removed']);
  });

  it('leaves out the fingerprints listed in --ignore', async () => {
    const first = JSON.parse((await run(['diff', 'old.har', 'breaking.har', '-f', 'json'])).out) as { changes: { fingerprint: string }[] };
    const ignore = `# accepted on 2025-01-01\n${first.changes[0]!.fingerprint}  name is gone for good\n`;
    const { code, out } = await run(['diff', 'old.har', 'breaking.har', '--ignore', 'known.txt', '--fail-on', 'any'], { 'known.txt': ignore });
    expect(code).toBe(0);
    expect(out).toContain('- **Changes**: none (1 ignored)');
  });

  it('compares a saved model with a capture', async () => {
    const io = memoryIo({ 'old.har': before, 'new.har': breaking });
    expect(await runCli(['old.har', '-o', 'docs', '-f', 'json'], io)).toBe(0);
    expect(await runCli(['diff', 'docs/model.json', 'old.har', '--fail-on', 'any'], io)).toBe(0);
    expect(await runCli(['diff', 'docs/model.json', 'new.har', '--fail-on', 'breaking'], io)).toBe(1);
  });

  it('reads one side from stdin', async () => {
    const { code, out } = await run(['diff', 'old.har', '-'], {}, breaking);
    expect(code).toBe(0);
    expect(out).toContain('response field `name` removed');
  });

  it.each([
    [
      'an old model',
      { 'model.json': JSON.stringify({ modelVersion: 0, endpoints: [] }) },
      ['model.json', 'old.har'],
      'har2api: model.json: model version 0 is not supported',
    ],
    ['a missing file', {}, ['gone.har', 'old.har'], 'har2api: gone.har: file not found'],
    ['a broken capture', { 'bad.har': '{"log": ' }, ['old.har', 'bad.har'], 'har2api: bad.har: not valid JSON'],
    ['a missing ignore file', {}, ['old.har', 'old.har', '--ignore', 'none.txt'], 'har2api: none.txt: cannot read the file'],
  ])('exits 1 with one line for %s, writing nothing', async (_name, files, argv, message) => {
    const { code, out, err, files: after } = await run(['diff', ...argv, '-o', 'changes.md'], files);
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(message);
    expect(out).toBe('');
    expect(after.has('/virtual/changes.md')).toBe(false);
  });

  it('names every unusable capture of a side that has none usable, one line each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'har2api-sides-'));
    try {
      mkdirSync(join(dir, 'bad'));
      writeFileSync(join(dir, 'old.har'), before);
      writeFileSync(join(dir, 'bad', 'a.har'), '{"log": ');
      writeFileSync(join(dir, 'bad', 'b.har'), '{}');
      const result = spawnSync(process.execPath, [resolve('dist/cli/main.js'), 'diff', 'old.har', 'bad'], { cwd: dir, encoding: 'utf8' });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toContain('har2api: a.har: not valid JSON');
      expect(lines[1]).toContain('har2api: b.har: JSON but not a HAR');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['diff', 'old.har'], 'Not enough non-option arguments'],
    [['diff', 'old.har', 'a.har', 'b.har'], 'diff compares two inputs'],
    [['diff', 'old.har', 'old.har', '--fail-on', 'sometimes'], 'Invalid values'],
    [['diff', 'old.har', 'old.har', '-f', 'pdf'], 'Invalid values'],
    [['diff', 'old.har', 'old.har', '--bogus'], 'Unknown argument'],
    [['diff', '-', '-'], 'only one side can be read from stdin'],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain("Run 'har2api diff --help' for usage.");
  });

  it('has its own help, and the main help points to it', async () => {
    const own = await run(['diff', '--help']);
    expect(own.code).toBe(0);
    expect(own.out).toContain('--fail-on');
    const main = await run(['--help']);
    expect(main.out).toContain('diff <old> <new>');
  });
});

/**
 * The CI use, as the README's GitHub Actions workflow runs it, with the built executable on real
 * files: --check on the committed docs, the previous model from the base captures, the changelog,
 * the gate.
 */
describe('the README workflow, end to end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'har2api-ci-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bin = (...args: string[]) => spawnSync(process.execPath, [resolve('dist/cli/main.js'), ...args], { cwd: dir, encoding: 'utf8' });

  it('checks the docs, diffs against the base model and gates on breaking changes', () => {
    mkdirSync(join(dir, 'captures'));
    mkdirSync(join(dir, 'base/captures'), { recursive: true });
    writeFileSync(join(dir, 'base/captures/session.har'), before);
    writeFileSync(join(dir, 'captures/session.har'), before);
    writeFileSync(join(dir, 'captures/later.har'), har([jsonEntry('GET', 'https://api.example.test/v1/users/7', { id: 7 })]));

    expect(bin('captures/*.har', '-o', 'docs', '-f', 'markdown,json').status).toBe(0);
    expect(bin('captures/*.har', '-o', 'docs', '-f', 'markdown,json', '--check').status).toBe(0);
    expect(bin('base/captures', '-o', 'base-docs', '-f', 'json').status).toBe(0);

    const additions = bin('diff', 'base-docs/model.json', 'docs/model.json', '-o', 'api-changes.md', '--fail-on', 'breaking');
    expect(additions.status).toBe(0);
    expect(readFileSync(join(dir, 'api-changes.md'), 'utf8')).toContain('| non-breaking | new endpoint (observed 1 time(s)) |');

    writeFileSync(join(dir, 'captures/session.har'), breaking);
    const stale = bin('captures/*.har', '-o', 'docs', '-f', 'markdown,json', '--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('stale output: docs/reference.md, docs/model.json');
    expect(bin('captures/*.har', '-o', 'docs', '-f', 'markdown,json').status).toBe(0);
    const gate = bin('diff', 'base-docs/model.json', 'docs/model.json', '-o', 'api-changes.md', '--fail-on', 'breaking');
    expect(gate.status).toBe(1);
    expect(gate.stderr).toContain('diff failed --fail-on breaking: 1 breaking');
    expect(readFileSync(join(dir, 'api-changes.md'), 'utf8')).toContain('response field `name` removed');
  });
});

describe('the README workflow', () => {
  const readme = readFileSync('README.md', 'utf8');
  const workflow = readme.slice(readme.indexOf('# .github/workflows/'), readme.indexOf('```', readme.indexOf('# .github/workflows/')));
  const commands = workflow
    .split('\n')
    .map((line) => line.trim().replace(/^run: /, ''))
    .filter((line) => line.startsWith('npx har2api '))
    .map((line) => line.replace('npx har2api ', '').replace(' "${args[@]}"', '').replaceAll('$RUNNER_TEMP', 'tmp'));

  it('runs har2api in each of its steps', () => {
    expect(commands.length).toBeGreaterThanOrEqual(5);
  });

  it.each(commands)('uses only flags har2api knows: %s', async (command) => {
    const argv = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    const { code, err } = await run(argv);
    expect(err).not.toContain('Unknown argument');
    expect(code).not.toBe(2);
  });
});
