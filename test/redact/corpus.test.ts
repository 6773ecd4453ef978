/**
 * Real captures, read in place from ../shared/corpus, and the committed samples: the cookie
 * values and credentials each raw HAR holds are extracted here (independently of the redaction
 * rules) and none of them may appear in any output format of a run with `--all`. The corpus
 * suite is skipped, visibly, where the folder is absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel, FORMATS, Har2ApiError, renderOutputs } from '../../src/index.js';
import { findLeaks, type Planted } from './leak-check.js';

const CORPUS = '../shared/corpus';
const corpus = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.har')).sort() : [];

/** Header and parameter names whose values are credentials, whatever the redactor thinks. */
const CREDENTIAL_NAME = /token|api[-_]?key|secret|session|sess_?id|csrf|xsrf|(^|[-_])auth([-_]|$)|authorization|password|passwd|signature|^sig$|^key$|^code$|^state$/i;

interface RawPair {
  name?: unknown;
  value?: unknown;
}

/** Cookie values and credentials found in a raw HAR, 8+ characters (shorter ones are words). */
export function secretsOf(text: string): Planted[] {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  const entries = (document as { log?: { entries?: unknown } }).log?.entries;
  if (!Array.isArray(entries)) return [];
  const found = new Map<string, string>();
  const add = (kind: string, value: unknown): void => {
    if (typeof value !== 'string') return;
    const trimmed = value.trim().replace(/^"(.*)"$/, '$1');
    if (trimmed.length >= 8 && !found.has(trimmed)) found.set(trimmed, kind);
  };
  const pairs = (list: unknown): RawPair[] => (Array.isArray(list) ? (list as RawPair[]) : []);
  for (const entry of entries as { request?: Record<string, unknown>; response?: Record<string, unknown> }[]) {
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
  return [...found].map(([value, kind], i) => ({ id: `S${i + 1}`, kind, value }));
}

async function leaksOf(label: string, text: string): Promise<{ secrets: number; leaks: string[] }> {
  const secrets = secretsOf(text);
  let outputs: { name: string; text: string }[];
  try {
    const { model } = await buildModel([{ label, text }], { all: true });
    outputs = (await renderOutputs(model, FORMATS)).map((o) => ({ name: o.name, text: o.content }));
  } catch (error) {
    if (error instanceof Har2ApiError) return { secrets: secrets.length, leaks: [] };
    throw error;
  }
  return { secrets: secrets.length, leaks: findLeaks(outputs, secrets).map((l) => `${l.kind} in ${l.where} (${l.form})`) };
}

describe('samples/ hold no real secret, and the reference built from them shows none of theirs', () => {
  const samples = readdirSync('samples').filter((f) => f.endsWith('.har'));
  it.each(samples)('%s', async (file) => {
    const text = readFileSync(`samples/${file}`, 'utf8');
    const { secrets, leaks } = await leaksOf(file, text);
    expect(secrets).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
    const committed = readdirSync('out').map((name) => ({ name, text: readFileSync(`out/${name}`, 'utf8') }));
    expect(findLeaks(committed, secretsOf(text)).map((l) => `${l.kind} in ${l.where}`)).toEqual([]);
  });
});

describe.skipIf(corpus.length === 0)(`real captures (${CORPUS}): no cookie or credential in any output`, () => {
  it.each(corpus)('%s', async (file) => {
    const { leaks } = await leaksOf(file, readFileSync(`${CORPUS}/${file}`, 'utf8'));
    expect(leaks).toEqual([]);
  });

  it('had cookies and credentials to look for', () => {
    const total = corpus.reduce((n, file) => n + secretsOf(readFileSync(`${CORPUS}/${file}`, 'utf8')).length, 0);
    expect(total).toBeGreaterThan(100);
  });
});
