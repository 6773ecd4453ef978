/**
 * Reading a folder as a user's captures lie in it: every kind of capture the tool reads when
 * named (.har, .har.gz, .zhar, .harp), subfolders too; a subfolder that cannot be read is one
 * warning naming it and the rest still works; two files of the same name in two folders are told
 * apart in messages; a Git LFS pointer says what it is and what to run.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { inputLabels, listCaptures } from '../../src/cli/inputs.js';
import { runCli } from '../../src/cli/run.js';
import { har, jsonEntry } from '../support/har.js';
import { memoryIo } from '../support/memory-io.js';

const capture = (path: string) => har([jsonEntry('GET', `https://api.example.com${path}`, { id: 1 })]);
const dir = mkdtempSync(join(tmpdir(), 'har2api-folders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(dir, 'case-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function runOn(root: string, files: string[], ...flags: string[]) {
  const io = memoryIo({}, { disk: files.map((f) => join(root, f)) });
  const code = await runCli([root, '-o', '-', '-f', 'json', ...flags], io);
  return { code, err: io.err.join(''), model: code === 0 ? JSON.parse(io.out.join('')) : null };
}

describe('a folder of captures', () => {
  it('reads .har, .har.gz, .zhar and .harp files, in subfolders too', async () => {
    const files = {
      'a.har': capture('/v1/a'),
      'deep/b.har.gz': gzipSync(capture('/v1/b')),
      'c.zhar': deflateSync(capture('/v1/c')),
      'deep/er/d.harp': `onInputData(${capture('/v1/d')});`,
      'notes.txt': 'not a capture',
    };
    const root = write(files);
    const { code, model, err } = await runOn(root, Object.keys(files), '-q');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(model.endpoints.map((e: { path: string }) => e.path).sort()).toEqual(['/v1/a', '/v1/b', '/v1/c', '/v1/d']);
  });

  it('names the kinds it looked for when there is none', async () => {
    const root = write({ 'notes.txt': 'x' });
    const { code, err } = await runOn(root, ['notes.txt']);
    expect(err).toContain('no captures (.har, .har.gz, .zhar, .harp) in directory');
    expect(code).toBe(1);
  });

  it('tells two files of the same name apart in errors', async () => {
    const files = { 'monday/capture.har': capture('/v1/a'), 'tuesday/capture.har': '{"log": ' };
    const root = write(files);
    const { code, err } = await runOn(root, Object.keys(files));
    expect(err).toContain('tuesday/capture.har: not valid JSON');
    expect(err).not.toMatch(/(^|\s)capture\.har:/);
    expect(code).toBe(1);
  });
});

describe('a folder that cannot be read', () => {
  it('leaves out each unreadable subfolder with one warning, and reads the rest', async () => {
    const denied = (path: string) => Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES', path });
    const seen: string[][] = [];
    const fake = async (_pattern: string, options: { ignore: string[] }) => {
      seen.push([...options.ignore]);
      if (!options.ignore.includes('private/**')) throw denied('/caps/private');
      if (!options.ignore.includes('old/locked/**')) throw denied('/caps/old/locked');
      return ['/caps/a.har'];
    };
    const warnings: string[] = [];
    expect(await listCaptures(fake, '/caps', 'caps', (m) => warnings.push(m))).toEqual(['/caps/a.har']);
    expect(warnings).toEqual([
      'cannot read the folder caps/private (permission denied); its captures are left out',
      'cannot read the folder caps/old/locked (permission denied); its captures are left out',
    ]);
    expect(seen).toHaveLength(3);
  });

  it('passes on any other failure as one read error', async () => {
    const fake = async () => {
      throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO', path: '/caps/x' });
    };
    await expect(listCaptures(fake, '/caps', 'caps', () => {})).rejects.toThrow('caps: cannot read the file');
  });

  it.skipIf(process.getuid?.() === 0)('on the real disk: warns once and converts the readable captures', async () => {
    const root = write({ 'a.har': capture('/v1/a'), 'locked/b.har': capture('/v1/b') });
    chmodSync(join(root, 'locked'), 0o000);
    try {
      const { code, err, model } = await runOn(root, ['a.har']);
      expect(err).toContain('cannot read the folder');
      expect(err).toContain('locked');
      expect(code).toBe(0);
      expect(model.endpoints).toHaveLength(1);
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
    }
  });
});

describe('input labels', () => {
  it.each<[string[], string[]]>([
    [
      ['/a/x.har', '/b/y.har'],
      ['x.har', 'y.har'],
    ],
    [
      ['/a/capture.har', '/b/capture.har'],
      ['a/capture.har', 'b/capture.har'],
    ],
    [
      ['/p/a/capture.har', '/q/a/capture.har', '/q/z.har'],
      ['p/a/capture.har', 'q/a/capture.har', 'z.har'],
    ],
    [
      ['-', '/a/x.har'],
      ['-', 'x.har'],
    ],
  ])('%j', (paths, labels) => {
    expect(paths.map((p) => inputLabels(paths).get(p))).toEqual(labels);
  });
});

describe('a Git LFS pointer', () => {
  const pointer = 'version https://git-lfs.github.com/spec/v1\noid sha256:0000000000000000000000000000000000000000000000000000000000000000\nsize 1234\n';

  it('says it is one and to run git lfs pull', async () => {
    const io = memoryIo({ 'big.har': pointer });
    expect(await runCli(['big.har'], io)).toBe(1);
    expect(io.err.join('')).toBe('har2api: big.har: this is a Git LFS pointer, not the capture: run `git lfs pull` to fetch the file\n');
  });

  const real = '../shared/corpus-apps';
  const pointers = existsSync(real)
    ? readdirSync(real).filter((f) => f.endsWith('.har') && readFileSync(join(real, f), 'utf8').slice(0, 60).startsWith('version https://git-lfs'))
    : [];
  it.skipIf(pointers.length === 0)(`says so for the pointers in ${real} (${pointers.length})`, async () => {
    for (const file of pointers) {
      const io = memoryIo({}, { disk: [join(real, file)] });
      expect(await runCli([join(real, file), '-o', '-'], io)).toBe(1);
      expect(io.err.join('')).toContain('this is a Git LFS pointer');
    }
  });
});
