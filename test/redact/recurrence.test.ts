/**
 * A value found personal in one place is redacted everywhere it recurs (issue 13): pass 1 learns
 * the values a JSON body, a form or a query shows to be personal (by key words, by a same-shaped
 * personal sibling, below a personal key), and every other place the same value appears (a path
 * segment, a query value, a header, another body under a neutral key, prose) shows a placeholder.
 * Each value here is invented and is found by nothing but its first place, so every row fails
 * without the learning. A value that only a parameter's name made a secret (`?key=sticker2`)
 * never changes a literal segment of a displayed path, nor the authentication.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, renderOutputs } from '../../src/index.js';
import { FORMATS } from '../../src/render/index.js';
import { redactPhrases } from '../../src/redact/phrases.js';
import { harEntry, harLog } from '../support/har.js';
import { freshScope } from './fresh-scope.js';
import { findLeaks } from './leak-check.js';

const API = 'https://api.recur.test';

async function outputsOf(entries: ReturnType<typeof harEntry>[]): Promise<{ name: string; text: string }[]> {
  const { model } = await buildModel([{ label: 'recur.har', text: JSON.stringify(harLog(entries)) }]);
  const files = await renderOutputs(model, FORMATS);
  return files.map((f) => ({ name: f.name, text: f.content }));
}

/** Where the value recurs: a path segment, a query value, a header, a neutral JSON key, prose. */
function recurrences(value: string): ReturnType<typeof harEntry>[] {
  return [
    harEntry({ url: `${API}/v1/directory/${encodeURIComponent(value)}/cards`, json: { ok: true } }),
    harEntry({ url: `${API}/v1/search?q=${encodeURIComponent(value)}`, json: { label: value, count: 2 } }),
    harEntry({ url: `${API}/v1/notes`, requestHeaders: [['X-On-Behalf-Of', value]], json: { note: `Ticket opened for ${value}, call back today.` } }),
    harEntry({ url: `${API}/v1/export.txt`, content: { mimeType: 'text/plain', text: `line 1\nholder=${value}\n` } }),
  ];
}

describe('a personal value found once is redacted where it recurs', () => {
  it.each<[string, string, ReturnType<typeof harEntry>]>([
    ['a name under a personal key', 'Quillon Verbecke', harEntry({ url: `${API}/v1/billing`, json: { account_holder: 'Quillon Verbecke', plan: 'pro' } })],
    [
      'a name under a bare `name` beside an email',
      'Ysolde Marranck',
      harEntry({ url: `${API}/v1/me`, json: { name: 'Ysolde Marranck', email: 'y@mail.recur.test' } }),
    ],
    [
      'a national phone beside a redacted phone (same shape)',
      '650 555 0143',
      harEntry({ url: `${API}/v1/sms`, json: { to_number: '415 555 0100', relay: '650 555 0143', status: 'sent' } }),
    ],
    ['a leaf below a personal parent', 'Varnholt Kade 7', harEntry({ url: `${API}/v1/ship`, json: { billing_address: { line: 'Varnholt Kade 7' } } })],
    ['an account number under a bank key', 'QX-4821-3977', harEntry({ url: `${API}/v1/payout`, json: { bank_account_number: 'QX-4821-3977' } })],
    [
      'a name in a request body',
      'Orrin Thawle',
      harEntry({ method: 'POST', url: `${API}/v1/contacts`, requestJson: { contact_name: 'Orrin Thawle' }, json: { id: 7 } }),
    ],
    [
      'a name in a form field',
      'Pelagia Strunk',
      harEntry({ method: 'POST', url: `${API}/v1/signup`, form: [['full_name', 'Pelagia Strunk']], json: { id: 8 } }),
    ],
    ['a name in a joined script', '虞婉清', harEntry({ url: `${API}/v1/staff`, json: { employeeName: '虞婉清' } })],
    [
      'a name in a WebSocket frame',
      'Thaddeus Prunell',
      harEntry({
        url: 'wss://api.recur.test/socket',
        status: 101,
        resourceType: 'websocket',
        webSocket: [{ type: 'receive', opcode: 1, data: JSON.stringify({ type: 'presence', user: { display_name: 'Thaddeus Prunell' } }) }],
      }),
    ],
    [
      'a name in an event stream',
      'Marisol Quenby',
      harEntry({
        url: `${API}/v1/stream`,
        content: { mimeType: 'text/event-stream', text: `data: ${JSON.stringify({ sender_name: 'Marisol Quenby', delta: 'hi' })}\n\n` },
      }),
    ],
  ])('%s', async (_label, value, first) => {
    const outputs = await outputsOf([first, ...recurrences(value)]);
    expect(findLeaks(outputs, [{ id: 'v', kind: 'recurring', value }]).map((l) => `${l.where} (${l.form})`)).toEqual([]);
  });

  it('finds the value without the learning when redaction is off (the check can fail)', async () => {
    const { model } = await buildModel([{ label: 'r.har', text: JSON.stringify(harLog(recurrences('Quillon Verbecke'))) }], { redact: false });
    const files = await renderOutputs(model, ['markdown']);
    expect(files[0]!.content).toContain('Quillon Verbecke');
  });
});

describe('phrases are found at word boundaries only', () => {
  const scope = () => {
    const s = freshScope();
    s.tags.rememberPhrase('name', 'Ada Quist');
    s.tags.rememberPhrase('name', 'Ingersoll');
    s.tags.rememberPhrase('phone', '+1 415 555 0100');
    s.tags.rememberPhrase('name', '陈静怡');
    return s;
  };
  it.each([
    ['Met Ada Quist today.', 'Met <name:1> today.'],
    ['{"who":"Ada Quist","n":1}', '{"who":"<name:1>","n":1}'],
    ['(Ingersoll)', '(<name:1>)'],
    ['Ingersollville and Ada Quisting stay', 'Ingersollville and Ada Quisting stay'],
    ['call +1 415 555 0100, now', 'call <phone:1>, now'],
    ['我是陈静怡。', '我是<name:1>。'],
    ['ada quist in lower case is another word', 'ada quist in lower case is another word'],
  ])('%s', (text, expected) => {
    expect(redactPhrases(text, scope())).toBe(expected);
  });

  it('plain lower-case words and short values are not remembered', () => {
    const s = freshScope();
    expect(s.tags.rememberPhrase('name', 'support')).toBe(false);
    expect(s.tags.rememberPhrase('name', 'Bo')).toBe(false);
    expect(s.tags.rememberPhrase('zip', '94107')).toBe(false);
    expect(s.tags.rememberPhrase('phone', '4155550123')).toBe(true);
  });
});

describe('a guess from a name alone never changes a displayed path or the auth', () => {
  it('`?key=sticker2` keeps the literal `sticker2` in the path, its query example is still hidden, and no apiKey auth is claimed', async () => {
    const entries = [
      harEntry({ url: `${API}/v1/sticker2/packs?key=sticker2`, json: { packs: [] } }),
      harEntry({ url: `${API}/v1/stickers`, json: { items: [] } }),
    ];
    const { model } = await buildModel([{ label: 'k.har', text: JSON.stringify(harLog(entries)) }]);
    const endpoint = model.endpoints.find((e) => e.path.startsWith('/v1/sticker2'));
    expect(endpoint?.path).toBe('/v1/sticker2/packs');
    expect(endpoint?.auth).toEqual([]);
    expect(endpoint?.queryParams.find((q) => q.name === 'key')?.example).not.toBe('sticker2');
  });

  it('a credential-shaped value under `key` is still replaced where it recurs as a literal segment', async () => {
    const key = 'Q7R2K-PLMN4-ZX8CV-BNMAS-DFGHJ';
    const entries = [harEntry({ url: `${API}/v1/licence?key=${key}`, json: { ok: true } }), harEntry({ url: `${API}/activate/${key}`, json: { ok: true } })];
    const { model } = await buildModel([{ label: 'k.har', text: JSON.stringify(harLog(entries)) }]);
    expect(JSON.stringify(model)).not.toContain(key);
  });

  it('a real secret as a literal segment is still replaced', async () => {
    const token = 'tk_9fQ2xLmZ7vR4tY1uW8pN3sB6';
    const entries = [harEntry({ url: `${API}/v1/hooks/${token}/ping?key=${token}`, json: { ok: true } })];
    const { model } = await buildModel([{ label: 'k.har', text: JSON.stringify(harLog(entries)) }]);
    expect(JSON.stringify(model)).not.toContain(token);
  });
});
