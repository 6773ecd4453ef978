/**
 * Every flag behaves predictably however it is typed: a value flag given twice, or given an
 * empty value, or given no value at all, is one usage error (exit 2, no stack, nothing written),
 * for flags of both commands, including any added later (the check reads the parser's own
 * option list). List flags given twice add up.
 */
import { describe, expect, it } from 'vitest';
import { parser as diffParser } from '../../src/cli/diff.js';
import { parser as convertParser, runCli } from '../../src/cli/run.js';
import { valueFlags } from '../../src/cli/yargs.js';
import { har, jsonEntry } from '../support/har.js';
import { memoryIo } from '../support/memory-io.js';

const capture = har([jsonEntry('GET', 'https://api.example.com/v1/items/42', { id: 42, name: 'box' })]);
const other = har([jsonEntry('GET', 'https://api.example.com/v1/items/42', { id: 42 })]);

async function run(argv: string[]) {
  const io = memoryIo({ 'a.har': capture, 'b.har': other, 'c.json': '{}', 'd.json': '{}' });
  const code = await runCli(argv, io);
  return { code, err: io.err.join(''), written: [...io.files.keys()].filter((path) => !/\/[abcd]\.(har|json)$/.test(path)) };
}

describe('value flags given twice', () => {
  it.each([
    [['a.har', '--out', 'x', '--out', 'y'], '--out takes one value, but was given 2 ("x", "y"); give it once'],
    [['a.har', '-o', 'x', '--out', 'y'], '--out takes one value'],
    [['a.har', '--title', 'A', '--title', 'B'], '--title takes one value'],
    [['a.har', '--config', 'c.json', '--config', 'd.json'], '--config takes one value'],
    [['diff', 'a.har', 'b.har', '-o', 'x.md', '-o', 'y.md'], '--out takes one value'],
    [['diff', 'a.har', 'b.har', '--fail-on', 'breaking', '--fail-on', 'breaking'], '--fail-on takes one value'],
    [['diff', 'a.har', 'b.har', '--fail-on', 'any', '--fail-on', 'breaking'], '--fail-on takes one value'],
    [['diff', 'a.har', 'b.har', '-f', 'json', '-f', 'markdown'], '--format takes one value'],
  ])('%j is a usage error', async (argv, message) => {
    const { code, err, written } = await run(argv);
    expect(err).toContain(`har2api: ${message}`);
    expect(err).not.toMatch(/\n\s+at /);
    expect(code).toBe(2);
    expect(written).toEqual([]);
  });

  it('covers every value flag of both commands, by their own option lists', async () => {
    for (const [command, flags] of [
      [[], valueFlags(convertParser([]))],
      [['diff', 'a.har', 'b.har'], valueFlags(diffParser([]))],
    ] as const) {
      const long = [...flags].filter(
        (f) =>
          f.startsWith('--') &&
          !['--format', '--host', '--include', '--exclude', '--hint', '--redact-key', '--redact-pattern', '--keep-key', '--overlay'].includes(f),
      );
      expect(long.length).toBeGreaterThanOrEqual(3);
      for (const flag of long) {
        const argv = [...(command.length ? command : ['a.har']), flag, 'c.json', flag, 'd.json'];
        const { code, err } = await run(argv);
        expect(code, argv.join(' ')).toBe(2);
        expect(err).toContain(`${flag} takes one value`);
      }
    }
  });

  it('adds up list flags given twice', async () => {
    const io = memoryIo({ 'a.har': capture });
    expect(await runCli(['a.har', '-f', 'json', '-f', 'openapi', '--host', 'nowhere.test', '--host', 'api.example.com'], io)).toBe(0);
    expect([...io.files.keys()].filter((p) => p.includes('/out/')).sort()).toEqual(['/virtual/out/model.json', '/virtual/out/openapi.json']);
  });

  it('fails the --fail-on gate given once, so a gate is never switched off', async () => {
    const { code, err } = await run(['diff', 'a.har', 'b.har', '--fail-on', 'any']);
    expect(err).toContain('diff failed --fail-on any');
    expect(code).toBe(1);
  });
});

describe('empty and missing values', () => {
  it.each([
    [[''], 'an empty path was given as <har>'],
    [['a.har', ''], 'an empty path was given as <har>'],
    [['a.har', '-o', ''], '--out needs a value'],
    [['a.har', '--out', ' '], '--out needs a value'],
    [['a.har', '--title', ''], '--title needs a value'],
    [['a.har', '-o'], '-o needs a value'],
    [['a.har', '-o', '--title', 'x'], '-o needs a value'],
    [['a.har', '--config'], '--config needs a value'],
    [['diff', '', 'b.har'], 'an empty path was given as <old>'],
    [['diff', 'a.har', 'b.har', '-o', ''], '--out needs a value'],
    [['diff', 'a.har', 'b.har', '--ignore'], '--ignore needs a value'],
  ])('%j is a usage error', async (argv, message) => {
    const { code, err, written } = await run(argv);
    expect(err).toContain(`har2api: ${message}`);
    expect(code).toBe(2);
    expect(written).toEqual([]);
  });

  it('still reads - after -o as stdout', async () => {
    const io = memoryIo({ 'a.har': capture });
    expect(await runCli(['a.har', '-o', '-', '-f', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out.join('')).endpoints).toHaveLength(1);
  });
});
