/**
 * The same bytes give the same result whichever way they arrive: as a file, on stdin, through a
 * pipe (`<(cat x.har)`), compressed or not. Broken input is the same one-line error each way.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput } from '../../src/cli/inputs.js';
import { runCli } from '../../src/cli/run.js';
import { har, jsonEntry } from '../support/har.js';
import { memoryIo } from '../support/memory-io.js';

const capture = har([
  jsonEntry('GET', 'https://api.example.com/v1/items/42', { id: 42, name: 'box' }),
  jsonEntry('GET', 'https://api.example.com/v1/items/43', { id: 43 }),
]);

/** Exit code, stdout and stderr of one run, with the input's label written as `<input>`. */
async function run(bytes: Uint8Array, how: 'file' | 'stdin'): Promise<{ code: number; out: string; err: string }> {
  const io = how === 'file' ? memoryIo({}, { binary: { 'x.har': bytes } }) : memoryIo({}, { stdin: bytes });
  const code = await runCli([how === 'file' ? 'x.har' : '-', '-o', '-', '-f', 'json'], io);
  const label = how === 'file' ? 'x.har' : '-';
  const unlabel = (text: string) => text.replaceAll(`"file": "${label}"`, '"file": "<input>"').replaceAll(`har2api: ${label}: `, 'har2api: <input>: ');
  return { code, out: unlabel(io.out.join('')), err: unlabel(io.err.join('')) };
}

const bytes = (text: string) => Buffer.from(text);

describe('a file and stdin holding the same bytes', () => {
  it.each<[string, Uint8Array, number, string]>([
    ['a HAR', bytes(capture), 0, ''],
    ['a HAR after blank lines and a byte-order mark', bytes(`\uFEFF\n\n ${capture}`), 0, ''],
    ['a HAR Viewer .harp (JSONP)', bytes(`onInputData(${capture});\n`), 0, ''],
    ['a JSONP HAR without the semicolon', bytes(`  cb ( ${capture} )`), 0, ''],
    ['a gzip-compressed HAR', gzipSync(capture), 0, ''],
    ['a gzip-compressed .harp', gzipSync(`onInputData(${capture});`), 0, ''],
    ['a UTF-16 HAR inside gzip', gzipSync(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(capture, 'utf16le')])), 0, ''],
    ['junk before the JSON', bytes(`hello world ${capture}`), 1, 'not valid JSON at line 1, column 1'],
    ['junk after a newline', bytes(`\n\nx${capture}`), 1, 'not valid JSON at line 3, column 1'],
    ['a JSONP call that never closes', bytes(`onInputData(${capture}`), 1, 'not valid JSON'],
    ['a JSON array', bytes('[1, 2, 3]'), 1, 'JSON but not a HAR: there is no top-level "log" object'],
    ['a JSON string', bytes('"log"'), 1, 'JSON but not a HAR'],
    ['a web page', bytes('<!doctype html><html></html>'), 1, 'this is an HTML or XML document'],
    ['nothing but blanks', bytes('  \n'), 1, 'the file is empty'],
    ['junk after the HAR', bytes(`${capture} trailing`), 1, ''],
  ])('%s: same exit code and output', async (_, input, code, message) => {
    const [file, stdin] = [await run(input, 'file'), await run(input, 'stdin')];
    expect(file.code).toBe(code);
    expect(stdin.code).toBe(code);
    expect(stdin.out).toBe(file.out);
    if (code === 0) expect(JSON.parse(file.out).endpoints).toHaveLength(1);
    else {
      expect(file.out).toBe('');
      expect(stdin.err.split('\n')[0]).toContain('har2api: <input>: ');
      expect(stdin.err).toContain(message);
      expect(file.err).toContain(message);
    }
  });
});

describe('readInput', () => {
  it('streams a compressed file however small, inflating it for each pass', async () => {
    const io = memoryIo({}, { binary: { 'c.har.gz': gzipSync(capture), 'c.har': bytes(capture) } });
    const compressed = await readInput('/virtual/c.har.gz', io);
    expect('open' in compressed).toBe(true);
    expect('text' in (await readInput('/virtual/c.har', io))).toBe(true);
    for (let pass = 0; pass < 2; pass++) {
      const chunks: Uint8Array[] = [];
      for await (const chunk of (compressed as { open: () => AsyncIterable<Uint8Array> }).open()) chunks.push(chunk);
      expect(Buffer.concat(chunks).toString('utf8')).toBe(capture);
    }
  });

  it('reads a truncated compressed file as the one clear error', async () => {
    const io = memoryIo({}, { binary: { 'c.har.gz': gzipSync(capture).subarray(0, 40) } });
    expect(await runCli(['c.har.gz', '-o', '-'], io)).toBe(1);
    expect(io.err.join('')).toContain('c.har.gz: the file is gzip-compressed but cannot be decompressed');
  });
});

describe.skipIf(process.platform === 'win32')('a pipe as input (FIFO, `<(cat x.har)`)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'har2api-fifo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bin = resolve('dist/cli/main.js');

  it.each([
    ['plain', capture],
    ['gzip-compressed', gzipSync(capture)],
  ])('is read once, like stdin (%s)', (_, content) => {
    writeFileSync(join(dir, 'x.har'), content);
    // The writer is stopped whatever happens, so a run that never opens the pipe cannot hang the test.
    const script = `rm -rf "$D/out" "$D/pipe"; mkfifo "$D/pipe" || exit 99; cat "$D/x.har" > "$D/pipe" & writer=$!; "$NODE" "$BIN" "$D/pipe" -o "$D/out" -f json; status=$?; kill $writer 2>/dev/null; rm -f "$D/pipe"; exit $status`;
    const result = spawnSync('sh', ['-c', script], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, D: dir, NODE: process.execPath, BIN: bin } });
    expect(result.stderr).not.toContain('file not found');
    expect(result.status).toBe(0);
    const model = JSON.parse(readFileSync(join(dir, 'out', 'model.json'), 'utf8'));
    expect(model.endpoints).toHaveLength(1);
    expect(model.sources[0].file).toBe('pipe');
  });
});
