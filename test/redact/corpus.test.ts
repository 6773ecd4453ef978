/**
 * Real captures, read in place from ../shared/corpus, and the committed samples: the cookie
 * values and credentials each raw HAR holds are extracted here (independently of the redaction
 * rules) and none of them may appear in any output format of a run with `--all`. Captures are
 * read as bytes and decoded as the CLI decodes them (a compressed file too), and only the files
 * that are not HARs at all may be refused: any other refusal fails, so no capture is skipped
 * silently. The corpus suite is skipped, visibly, where the folder is absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCaptureBytes } from '../../src/ingest/decode.js';
import { buildModel, FORMATS, Har2ApiError, renderOutputs } from '../../src/index.js';
import { findLeaks, type Planted } from './leak-check.js';
import { personalValuesOf } from './personal-values.js';
import { plantedValues, rawHarEntries } from './raw-har.js';

const CORPUS = '../shared/corpus';
const APPS = '../shared/corpus-apps';
const apps = existsSync(APPS)
  ? readdirSync(APPS)
      .filter((f) => f.endsWith('.har'))
      .sort()
  : [];
const corpus = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith('.har'))
      .sort()
  : [];

/** The captures that are refused whole (broken JSON, not a HAR, no entries), as test/corpus.test.ts pins them. */
const REFUSED: Record<string, string> = {
  'janodvarko__harviewer__selenium__tests__hars__not-json.har': 'E_JSON',
  'janodvarko__harviewer__selenium__tests__hars__not-valid.har': 'E_NOT_HAR',
  'jonluca__har-to-openapi__test__data__no-entries.har': 'E_EMPTY',
  'mitmproxy__mitmproxy__test__mitmproxy__data__corrupted_har__brokenfile.har': 'E_JSON',
  'postmanlabs__har-to-postman__test__data__invalidHARFiles__noLog.har': 'E_NOT_HAR',
};

/** A corpus file as text, decoded from its bytes the way the CLI reads it (compressed files included). */
function corpusText(file: string): string {
  return decodeCaptureBytes(readFileSync(`${CORPUS}/${file}`), file);
}

/** Header and parameter names whose values are credentials, whatever the redactor thinks. */
const CREDENTIAL_NAME =
  /token|api[-_]?key|secret|session|sess_?id|csrf|xsrf|(^|[-_])auth([-_]|$)|authorization|password|passwd|signature|^sig$|^key$|^code$|^state$/i;

interface RawPair {
  name?: unknown;
  value?: unknown;
}

/** Cookie values and credentials found in a raw HAR, 8+ characters (shorter ones are words). */
export function secretsOf(text: string): Planted[] {
  const found = plantedValues('S', (value) => {
    const trimmed = value.trim().replace(/^"(.*)"$/, '$1');
    return trimmed.length >= 8 ? trimmed : null;
  });
  const add = found.add;
  const pairs = (list: unknown): RawPair[] => (Array.isArray(list) ? (list as RawPair[]) : []);
  for (const entry of rawHarEntries(text)) {
    for (const side of [entry.request, entry.response]) {
      if (!side) continue;
      for (const cookie of pairs(side.cookies)) add('cookie', cookie.value);
      for (const header of pairs(side.headers)) {
        const name = String(header.name ?? '').toLowerCase();
        const value = typeof header.value === 'string' ? header.value : '';
        if (name === 'cookie') for (const pair of value.split(';')) add('cookie header', pair.slice(pair.indexOf('=') + 1));
        else if (name === 'set-cookie') for (const line of value.split('\n')) add('set-cookie', line.split(';')[0]!.slice(line.indexOf('=') + 1));
        else if (name === 'authorization' || name === 'proxy-authorization') add('authorization', value.slice(value.indexOf(' ') + 1));
        else if (CREDENTIAL_NAME.test(name)) add(`header ${name}`, value);
      }
    }
    for (const param of pairs(entry.request?.queryString)) if (CREDENTIAL_NAME.test(String(param.name ?? ''))) add(`query ${String(param.name)}`, param.value);
  }
  return found.list();
}

/** The leaks of a run with `--all`, or the code it was refused with (then nothing was output, so nothing was checked). */
async function leaksOf(label: string, text: string): Promise<{ secrets: number; leaks: string[]; refused: string | null }> {
  const secrets = secretsOf(text);
  let outputs: { name: string; text: string }[];
  try {
    const { model } = await buildModel([{ label, text }], { all: true });
    outputs = (await renderOutputs(model, FORMATS)).map((o) => ({ name: o.name, text: o.content }));
  } catch (error) {
    if (error instanceof Har2ApiError) return { secrets: secrets.length, leaks: [], refused: error.code };
    throw error;
  }
  expect(outputs.map((o) => o.name)).toHaveLength(FORMATS.length);
  return { secrets: secrets.length, leaks: findLeaks(outputs, secrets).map((l) => `${l.kind} in ${l.where} (${l.form})`), refused: null };
}

describe('samples/ hold no real secret, and the reference built from them shows none of theirs', () => {
  const samples = readdirSync('samples').filter((f) => f.endsWith('.har'));
  it.each(samples)('%s', async (file) => {
    const text = readFileSync(`samples/${file}`, 'utf8');
    const { secrets, leaks, refused } = await leaksOf(file, text);
    expect(refused).toBeNull();
    expect(secrets).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
    const committed = readdirSync('out').map((name) => ({ name, text: readFileSync(`out/${name}`, 'utf8') }));
    expect(committed.map((o) => o.name).sort()).toEqual(['model.json', 'openapi.json', 'reference.html', 'reference.md', 'types.ts']);
    expect(findLeaks(committed, secretsOf(text)).map((l) => `${l.kind} in ${l.where}`)).toEqual([]);
  });
});

describe.skipIf(corpus.length === 0)(`real captures (${CORPUS}): no cookie or credential in any output`, () => {
  it('pins refusals only for files that exist', () => {
    for (const file of Object.keys(REFUSED)) expect(corpus).toContain(file);
  });

  it.each(corpus)('%s', async (file) => {
    const { leaks, refused } = await leaksOf(file, corpusText(file));
    expect(refused).toBe(REFUSED[file] ?? null);
    expect(leaks).toEqual([]);
  });

  it('had cookies and credentials to look for in the captures it built', () => {
    const built = corpus.filter((file) => !(file in REFUSED));
    expect(built.length).toBeGreaterThan(30);
    const total = built.reduce((n, file) => n + secretsOf(corpusText(file)).length, 0);
    expect(total).toBeGreaterThan(100);
  });
});

/**
 * Personal data: every value found under a personal key or with a personal shape in the input
 * (personal-values.ts, derived at run time) is absent from every output of a run with `--all`.
 */
async function personalLeaksOf(label: string, text: string): Promise<{ values: number; leaks: string[]; refused: string | null }> {
  const values = personalValuesOf(text);
  try {
    const { model } = await buildModel([{ label, text }], { all: true });
    const outputs = (await renderOutputs(model, FORMATS)).map((o) => ({ name: o.name, text: o.content }));
    return { values: values.length, leaks: findLeaks(outputs, values).map((l) => `${l.kind} in ${l.where} (${l.form})`), refused: null };
  } catch (error) {
    if (error instanceof Har2ApiError) return { values: values.length, leaks: [], refused: error.code };
    throw error;
  }
}

/** The app captures that are not HARs at all (see corpus-apps/MANIFEST.tsv). */
const APPS_REFUSED: Record<string, string> = { 'joganubaid__omniexporter-ai-fixed-v2__claude.ai.har': 'E_JSON' };

describe.skipIf(corpus.length === 0 && apps.length === 0)('real captures: no personal value in any output', () => {
  const files = [...corpus.map((f) => [`${CORPUS}/${f}`, REFUSED[f] ?? null] as const), ...apps.map((f) => [`${APPS}/${f}`, APPS_REFUSED[f] ?? null] as const)];
  it.each(files)('%s', async (path, refusal) => {
    const { leaks, refused } = await personalLeaksOf(path, decodeCaptureBytes(readFileSync(path), path));
    expect(refused).toBe(refusal);
    expect(leaks).toEqual([]);
  });

  it('had personal values to look for', () => {
    const total = files.reduce((n, [path]) => n + personalValuesOf(decodeCaptureBytes(readFileSync(path), path)).length, 0);
    expect(total).toBeGreaterThan(200);
  });
});
