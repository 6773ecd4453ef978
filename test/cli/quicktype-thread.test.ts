/**
 * quicktype on its worker thread gives what it gives in this thread: the same schema text, the
 * same types.ts, the same errors. The thread runs the built files (dist/): a worker cannot load
 * the TypeScript sources vitest runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Har2ApiError as Har2ApiErrorType } from '../../src/errors.js';
import type { JsonSchema } from '../../src/model.js';
import { jsonBody, makeEndpoint, makeModel } from '../support/model.js';

type ThreadModule = typeof import('../../src/cli/quicktype-thread.js');
type QuicktypeModule = typeof import('../../src/infer/quicktype.js');
type TypesModule = typeof import('../../src/render/types.js');
const built = async <T>(path: string) => (await import(pathToFileURL(resolve(path)).href)) as T;
const { mayNeedQuicktypeThread, quicktypeThread, rebuiltError, stopQuicktypeThread } = await built<ThreadModule>('dist/cli/quicktype-thread.js');
const { quicktypeSchemaText } = await built<QuicktypeModule>('dist/infer/quicktype.js');
const { renderTypes } = await built<TypesModule>('dist/render/types.js');
const { Har2ApiError } = await built<typeof import('../../src/errors.js')>('dist/errors.js');

const settle = (run: () => Promise<string>) =>
  run().then(
    (text) => ({ text }),
    (error: Error) => ({ error: `${error.name}: ${error.message}` }),
  );

describe('the quicktype thread', () => {
  it.each([
    ['one object', ['{"id":1,"name":"a"}']],
    ['merged samples, a null and a missing field', ['{"id":1,"tags":["x"]}', '{"id":2,"tags":null,"extra":true}']],
    ['an array of unions', ['[1,"two",{"three":3}]']],
    ['a `__proto__` key under its stand-in', ['{"__har2api_proto_key__":{"a":1}}']],
    ['text that is not JSON (an error)', ['{"id":']],
  ])('infers the same schema as this thread: %s', async (_, samples) => {
    const thread = quicktypeThread();
    expect(await settle(() => thread.schema(samples))).toEqual(await settle(() => quicktypeSchemaText(samples)));
  });

  it('renders the same types.ts', async () => {
    const schema: JsonSchema = { type: 'object', properties: { id: { type: 'integer' }, name: { type: ['string', 'null'] } }, required: ['id'] };
    const model = makeModel([
      makeEndpoint({ path: '/items', responses: [{ status: 200, seen: 1, bodies: [jsonBody(schema)] }] }),
      makeEndpoint({ method: 'POST', path: '/items', requestBodies: [jsonBody({ type: 'array', items: schema })] }),
    ]);
    const text = await quicktypeThread().types(model);
    expect(text).toBe(await renderTypes(model));
    expect(text).toContain('export interface');
  });

  it('answers requests sent together, each with its own result', async () => {
    const thread = quicktypeThread();
    const samples = ['{"a":1}', '{"b":"x"}', '{"c":[true]}'];
    expect(await Promise.all(samples.map((s) => thread.schema([s])))).toEqual(await Promise.all(samples.map((s) => quicktypeSchemaText([s]))));
  });
});

type Reply = { name: string; message: string; stack: string; code?: string; file?: string };

describe('the command with its quicktype thread', () => {
  it.each(['dist/bin/har2api.js', 'dist/cli/main.js'])('%s exits when the run fails before the thread had work', (bin) => {
    const dir = mkdtempSync(join(tmpdir(), 'har2api-thread-'));
    writeFileSync(join(dir, 'broken.har'), '{"log": {"entries": [');
    // The thread is started before the capture is read; an idle thread must not keep the process
    // alive (the timeout only stops a hang from stalling the suite: it is no measure of speed).
    const run = spawnSync(process.execPath, [bin, join(dir, 'broken.har'), '-o', join(dir, 'out')], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('broken.har: not valid JSON');
  });

  // The thread starts before the flags are parsed (main.ts), on a guess: a usage error must still exit at once.
  it.each([
    ['an unknown flag', ['capture.har', '--no-such-flag']],
    ['a bad format', ['capture.har', '-f', 'pdf']],
  ])('exits on a usage error after starting the thread early: %s', (_, args) => {
    const run = spawnSync(process.execPath, ['dist/bin/har2api.js', ...args], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^har2api: /);
  });
});

describe('starting the thread before the command has loaded', () => {
  it.each([
    ['a capture', ['capture.har'], true],
    ['captures and flags', ['-o', 'docs', 'a.har', 'b.har', '--quiet'], true],
    ['stdin', ['-'], true],
    ['nothing', [], false],
    ['help', ['--help'], false],
    ['help after a capture', ['capture.har', '-h'], false],
    ['the version', ['--version'], false],
    ['the version, short', ['-v'], false],
    ['diff', ['diff', 'a.har', 'b.har'], false],
    ['the completion script', ['completion'], false],
    ['completions', ['--get-yargs-completions', 'har2api', '--f'], false],
  ])('%s: %j → %s', (_, argv, expected) => {
    expect(mayNeedQuicktypeThread(argv)).toBe(expected);
  });

  it('a run that needs no thread ends the one started early, and a new one can start', async () => {
    quicktypeThread();
    stopQuicktypeThread();
    stopQuicktypeThread();
    const thread = quicktypeThread();
    expect(await thread.schema(['{"id":1}'])).toBe(await quicktypeSchemaText(['{"id":1}']));
  });

  it('a run that needs no thread leaves alone one that is answering another run', async () => {
    const thread = quicktypeThread();
    const answer = thread.schema(['{"id":1,"name":"a"}']);
    stopQuicktypeThread();
    expect(await answer).toBe(await quicktypeSchemaText(['{"id":1,"name":"a"}']));
  });
});

describe('rebuiltError', () => {
  it.each<[Reply, string, string]>([
    [
      { name: 'Har2ApiError', message: 'a.har: the capture is empty', stack: '', code: 'E_EMPTY', file: 'a.har' },
      'Har2ApiError',
      'a.har: the capture is empty',
    ],
    [{ name: 'Har2ApiError', message: 'no file named', stack: '', code: 'E_MODEL' }, 'Har2ApiError', 'no file named'],
    [{ name: 'RangeError', message: 'Maximum call stack size exceeded', stack: 'RangeError: …' }, 'RangeError', 'Maximum call stack size exceeded'],
  ])('rebuilds %o as this thread would have thrown it', (reply, name, message) => {
    const error = rebuiltError(reply);
    expect([error.name, error.message]).toEqual([name, message]);
    if (name === 'Har2ApiError') {
      expect(error).toBeInstanceOf(Har2ApiError);
      expect([(error as Har2ApiErrorType).code, (error as Har2ApiErrorType).file]).toEqual([reply.code, reply.file]);
    }
  });
});
