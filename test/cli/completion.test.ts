/**
 * Shell completion: the script `har2api completion` prints, run by bash against the built
 * command, offers flags, subcommands and the values of flags with a fixed set; after a flag
 * that takes a path it offers nothing, so bash completes file names.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { memoryIo } from '../support/memory-io.js';

async function completions(...words: string[]): Promise<string[]> {
  const io = memoryIo();
  expect(await runCli(['--get-yargs-completions', 'har2api', ...words], io)).toBe(0);
  return io.out.join('').split('\n').filter(Boolean);
}

describe('completion candidates', () => {
  it.each<[string[], string[], string[]]>([
    [[''], ['diff', 'completion'], ['--out']],
    [['--fo'], ['--format'], ['--out', 'diff']],
    [['-f', ''], ['markdown', 'json', 'openapi', 'types'], ['--out']],
    [['-f', 'markdown,o'], ['markdown,openapi'], ['openapi']],
    [['x.har', '--out', ''], [], ['--out', '--title']],
    [['diff', 'a.har', 'b.har', '--fail-on', ''], ['breaking', 'warning', 'any'], ['--out']],
    [['diff', '--fa'], ['--fail-on'], ['--format']],
  ])('%j', async (words, present, absent) => {
    const found = await completions(...words);
    for (const p of present) expect(found).toContain(p);
    for (const a of absent) expect(found).not.toContain(a);
  });
});

describe('har2api completion', () => {
  const dir = mkdtempSync(join(tmpdir(), 'har2api-completion-'));
  // What npm installs as the command (dist/ itself is not executable).
  writeFileSync(join(dir, 'har2api'), `#!/bin/sh\nexec "${process.execPath}" "${resolve('dist/cli/main.js')}" "$@"\n`, { mode: 0o755 });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a script that bash runs to complete the words typed', async () => {
    const io = memoryIo();
    expect(await runCli(['completion'], io)).toBe(0);
    const script = io.out.join('');
    expect(script).toContain('complete -o bashdefault -o default -F _har2api_completions har2api');
    const bash = (line: string) =>
      spawnSync(
        'bash',
        ['-c', `${script}\nCOMP_WORDS=(${line}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _har2api_completions; printf '%s\\n' "\${COMPREPLY[@]}"`],
        {
          encoding: 'utf8',
          env: { ...process.env, PATH: `${dir}:${process.env.PATH}` },
        },
      );
    const formats = bash(`har2api capture.har --format ''`);
    expect(formats.stderr).toBe('');
    expect(formats.stdout.split('\n')).toEqual(expect.arrayContaining(['markdown', 'json', 'openapi', 'types']));
    expect(bash('har2api diff a.har b.har --fail').stdout.trim()).toBe('--fail-on');
  });
});
