/**
 * Writes that cannot lose data, on the real file system: all outputs or none, the previous
 * reference intact after a failed or killed run, no temp files left behind, inputs never touched.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFilesAtomically } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { har, jsonEntry } from '../support/har.js';
import { memoryIo } from '../support/memory-io.js';

const root = mkdtempSync(join(tmpdir(), 'har2api-io-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const freshDir = (): string => {
  const dir = join(root, String(dirs++));
  mkdirSync(dir);
  return dir;
};
const listing = (dir: string): string[] => readdirSync(dir).sort();
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const bin = resolve('dist/cli/main.js');

describe('writeFilesAtomically', () => {
  it('writes new files and replaces old ones, leaving no temp files', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'a.md'), 'old a');
    await writeFilesAtomically([
      { path: join(dir, 'a.md'), content: 'new a' },
      { path: join(dir, 'sub', 'b.json'), content: '{}' },
    ]);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('new a');
    expect(readFileSync(join(dir, 'sub', 'b.json'), 'utf8')).toBe('{}');
    expect(listing(dir)).toEqual(['a.md', 'sub']);
  });

  it('puts back the files already replaced when a later one cannot be written', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'reference.md'), 'previous reference');
    mkdirSync(join(dir, 'model.json')); // a folder in the way of the second output
    const attempt = writeFilesAtomically([
      { path: join(dir, 'new.md'), content: 'brand new' },
      { path: join(dir, 'reference.md'), content: 'next reference' },
      { path: join(dir, 'model.json'), content: '{}' },
    ]);
    await expect(attempt).rejects.toMatchObject({
      code: 'E_WRITE',
      message: expect.stringMatching(/^cannot write .*model\.json \(a folder is in the way\); the previous output is unchanged$/),
    });
    expect(readFileSync(join(dir, 'reference.md'), 'utf8')).toBe('previous reference');
    expect(listing(dir)).toEqual(['model.json', 'reference.md']);
  });

  // The temp files are written all at once: the error still names the first output, in order, that failed.
  it.each([
    ['the first of two that fail', ['x/a.md', 'y/b.md'], 'a.md'],
    ['the second, after one that is written', ['a.md', 'y/b.md'], 'b.md'],
    ['the first, before one that is written', ['x/a.md', 'b.md'], 'a.md'],
  ])('names %s, leaving no file behind', async (_label, outputs, named) => {
    const dir = freshDir();
    for (const blocker of ['x', 'y']) writeFileSync(join(dir, blocker), 'a file, not a folder');
    const attempt = writeFilesAtomically(outputs.map((path) => ({ path: join(dir, path), content: 'x' })));
    await expect(attempt).rejects.toMatchObject({
      code: 'E_WRITE',
      message: expect.stringMatching(new RegExp(`^cannot write \\S+/${named.replace('.', '\\.')} `)),
    });
    expect(listing(dir)).toEqual(['x', 'y']);
  });

  it('fails in one line, changing nothing, when the output folder is a file', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'out'), 'a file, not a folder');
    await expect(writeFilesAtomically([{ path: join(dir, 'out', 'reference.md'), content: 'x' }])).rejects.toMatchObject({ code: 'E_WRITE' });
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('a file, not a folder');
    expect(listing(dir)).toEqual(['out']);
  });
});

describe('the command on real files', () => {
  const capture = har([
    jsonEntry('GET', 'https://api.example.com/v1/items/42', { id: 42 }),
    jsonEntry('GET', 'https://api.example.com/v1/items/43', { id: 43 }),
  ]);

  it('never modifies its input, and a failed run leaves the previous reference intact', () => {
    const dir = freshDir();
    const input = join(dir, 'capture.har');
    writeFileSync(input, capture);
    const before = { hash: sha(input), mtime: statSync(input).mtimeMs };

    const ok = spawnSync(process.execPath, [bin, input, '-o', join(dir, 'out'), '-f', 'markdown,json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const reference = readFileSync(join(dir, 'out', 'reference.md'), 'utf8');
    expect({ hash: sha(input), mtime: statSync(input).mtimeMs }).toEqual(before);

    writeFileSync(join(dir, 'broken.har'), capture.slice(0, capture.length / 2));
    const failed = spawnSync(process.execPath, [bin, join(dir, 'broken.har'), '-o', join(dir, 'out'), '-f', 'markdown,json'], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed.stderr).toContain('broken.har: not valid JSON: it ends early');
    expect(readFileSync(join(dir, 'out', 'reference.md'), 'utf8')).toBe(reference);
    expect(listing(join(dir, 'out'))).toEqual(['model.json', 'reference.md']);
  });

  it('refuses to write an output over one of its inputs', async () => {
    const io = memoryIo({ 'docs/reference.md': capture });
    expect(await runCli(['docs/reference.md', '-o', 'docs'], io)).toBe(1);
    expect(io.err.join('')).toBe('har2api: the output reference.md would overwrite an input capture; choose another --out folder\n');
    expect(io.files.get('/virtual/docs/reference.md')).toBe(capture);
  });

  it('refuses to write a diff over one of its inputs', async () => {
    const io = memoryIo({ 'old.har': capture, 'new.har': capture });
    expect(await runCli(['diff', 'old.har', 'new.har', '-o', 'old.har'], io)).toBe(1);
    expect(io.err.join('')).toContain('the output old.har would overwrite an input capture');
    expect(io.files.get('/virtual/old.har')).toBe(capture);
  });

  it('keeps an error that quotes the file to one line (a damaged model file given to diff)', async () => {
    const io = memoryIo({ 'old.json': '{"modelVersion":\n x}', 'new.har': capture });
    expect(await runCli(['diff', 'old.json', 'new.har'], io)).toBe(1);
    expect(io.err.join('').trimEnd().split('\n')).toHaveLength(1);
  });

  it('reports a write failure in one line without a stack trace', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'capture.har'), capture);
    writeFileSync(join(dir, 'out'), 'not a folder');
    const run = spawnSync(process.execPath, [bin, join(dir, 'capture.har'), '-o', join(dir, 'out')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^har2api: cannot write .*reference\.md \(a file is in the way of a folder\); the previous output is unchanged\n$/);
  });

  it('stops quietly when its reader closes stdout early (har2api … -o - | head)', async () => {
    const dir = freshDir();
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
    const entries = words.flatMap((a) => words.map((b) => jsonEntry('GET', `https://api.example.com/${a}/${b}`, { text: `${a} ${b} `.repeat(400) })));
    writeFileSync(join(dir, 'wide.har'), har(entries));
    const child = spawn(process.execPath, [bin, join(dir, 'wide.har'), '-o', '-', '-f', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((done) => child.once('exit', done));
    await new Promise((done) => child.stdout.once('data', done));
    child.stdout.destroy();
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  });

  it('leaves the previous reference whole when killed at any moment', async () => {
    const dir = freshDir();
    const entries = Array.from({ length: 2000 }, (_, i) =>
      jsonEntry('POST', `https://api.example.com/v1/things/${i}/parts`, { id: i, list: [i, i + 1], text: 'x'.repeat(200) }, { request: { n: i } }),
    );
    writeFileSync(join(dir, 'big.har'), har(entries));
    writeFileSync(join(dir, 'small.har'), capture);
    const out = join(dir, 'out');
    expect(spawnSync(process.execPath, [bin, join(dir, 'small.har'), '-o', out, '-f', 'markdown,json']).status).toBe(0);
    const previous = { md: readFileSync(join(out, 'reference.md'), 'utf8'), json: readFileSync(join(out, 'model.json'), 'utf8') };
    const full = join(dir, 'full');
    const started = Date.now();
    expect(spawnSync(process.execPath, [bin, join(dir, 'big.har'), '-o', full, '-f', 'markdown,json']).status).toBe(0);
    const duration = Date.now() - started;
    const next = { md: readFileSync(join(full, 'reference.md'), 'utf8'), json: readFileSync(join(full, 'model.json'), 'utf8') };

    // Kill points spread over a run, the last near its end where the files are written. Whatever
    // the timing, each file must be the previous version or the next one, whole.
    for (const fraction of [0.5, 0.85, 0.97]) {
      const child = spawn(process.execPath, [bin, join(dir, 'big.har'), '-o', out, '-f', 'markdown,json'], { stdio: 'ignore' });
      const exited = new Promise((done) => child.once('exit', done));
      await new Promise((done) => setTimeout(done, duration * fraction));
      child.kill('SIGKILL');
      await exited;
      expect([previous.md, next.md]).toContain(readFileSync(join(out, 'reference.md'), 'utf8'));
      expect([previous.json, next.json]).toContain(readFileSync(join(out, 'model.json'), 'utf8'));
    }
  });
});
