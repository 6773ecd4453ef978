/**
 * Every curl example is run, for real, against a local server that replays the capture: it
 * answers the recorded status of the exchange the example was built from when method, path,
 * query and body match what was recorded (placeholders standing for the values the variables
 * are set to), and 599 otherwise. Runs on the samples, a held-out synthetic capture and the real
 * app captures in ../shared/corpus-apps (skipped, visibly, where that folder is absent).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../../src/model.js';
import { buildModel } from '../../src/pipeline.js';
import { curlCommand } from '../../src/render/curl.js';
import { har, jsonEntry } from '../support/har.js';

const run = promisify(execFile);
const APPS = '../shared/corpus-apps';

interface Recorded {
  method: string;
  path: string;
  query: string[];
  body: string | null;
  status: number;
}

/** Requests the server accepts, by `host method path`; set per model under test. */
let recorded = new Map<string, Recorded>();
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://replay');
      const host = req.headers['x-replay-host'];
      const want = recorded.get(`${host} ${req.method} ${url.pathname}`);
      const raw = Buffer.concat(chunks).toString('utf8');
      // A form is compared field by field: curl encodes a space as %20, a browser as +.
      const body = req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ? formText([...new URLSearchParams(raw)]) : raw;
      const query = [...url.searchParams].map(([n, v]) => `${n}=${v}`);
      const matches = want !== undefined && sameList(query, want.query) && (want.body === null ? body === '' : body === want.body);
      res.statusCode = matches ? want.status : 599;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function formText(fields: [string, string][]): string {
  return new URLSearchParams(fields).toString();
}

function sameList(a: string[], b: string[]): boolean {
  return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}

/** Replays every example of a model: the recorded status for each, or what curl got instead. */
async function replay(model: ApiModel): Promise<{ ran: number; mismatches: string[] }> {
  recorded = new Map();
  const runs: { key: string; command: string; env: Record<string, string>; status: number }[] = [];
  for (const endpoint of model.endpoints) {
    const host = model.hosts.find((h) => h.name === endpoint.host)!;
    const curl = curlCommand(endpoint, host);
    const example = endpoint.example;
    // A recorder's status 0 or a protocol switch (101) is no answer a server can replay.
    if (!curl || !example || example.status < 200 || example.status > 599) continue;
    const env: Record<string, string> = {};
    let fill = (text: string) => text;
    for (const v of curl.variables) {
      env[v.name] = `v-${v.name.toLowerCase()}`;
      const previous = fill;
      fill = (text) => previous(text).replaceAll(v.placeholder, env[v.name]!);
    }
    const path = decodeURIComponent(fill(example.path));
    recorded.set(`${endpoint.host} ${endpoint.method} ${path}`, {
      method: endpoint.method,
      path,
      query: example.query.map((q) => `${q.name}=${fill(q.value)}`),
      body:
        example.body?.text !== undefined
          ? fill(example.body.text)
          : example.body?.fields
            ? formText(example.body.fields.map((f) => [f.name, fill(f.value)]))
            : null,
      status: example.status,
    });
    const base = host.baseUrl.slice(0, host.baseUrl.length - host.apiRoot.length);
    // The base URL is pointed at the replay server; everything else is the command as printed.
    const command = `${curl.command.replace(`'${base}`, `'${origin}`)} -H 'x-replay-host: ${endpoint.host}' -s -o /dev/null -w '%{http_code}' --max-time 10`;
    expect(curl.command).toContain(`'${base}`);
    runs.push({ key: endpoint.key, command, env, status: example.status });
  }
  const mismatches: string[] = [];
  for (const r of runs) {
    const { stdout } = await run('sh', ['-c', r.command], { env: { ...process.env, ...r.env } });
    if (Number(stdout) !== r.status) mismatches.push(`${r.key}: recorded ${r.status}, curl got ${stdout}`);
  }
  return { ran: runs.length, mismatches };
}

describe('curl examples against a replay server', () => {
  it('samples/chatgpt.har: every example gets its recorded status', async () => {
    const { model } = await buildModel([{ label: 'chatgpt.har', text: readFileSync('samples/chatgpt.har', 'utf8') }]);
    const { ran, mismatches } = await replay(model);
    expect(mismatches).toEqual([]);
    expect(ran).toBe(model.endpoints.length);
  });

  it('a held-out capture with quotes, credentials, form and query placeholders', async () => {
    const entries = [
      jsonEntry(
        'POST',
        'https://api.example.test/v1/notes?tag=it%27s%20%22quoted%22',
        { id: 'n_1a2b3c4d5e' },
        {
          status: 201,
          request: { text: 'it\'s "quoted" $HOME `id`', owner: 'alex.rivera@example.com' },
          headers: [
            { name: 'authorization', value: 'Bearer tok_Zx81Qp02Lm77Hq2Lx9Rt4Ab' },
            { name: 'content-type', value: 'application/json' },
          ],
        },
      ),
      jsonEntry('DELETE', 'https://api.example.test/v1/notes/n_1a2b3c4d5e?api_key=k_9f8a7b6c5d4e3f2a1b0c', {}, { status: 204 }),
      jsonEntry('HEAD', 'https://api.example.test/v1/health', {}, { status: 200 }),
    ];
    const { model } = await buildModel([{ label: 'held-out.har', text: har(entries) }]);
    const { ran, mismatches } = await replay(model);
    expect(mismatches).toEqual([]);
    expect(ran).toBe(3);
    const text = model.endpoints.map((e) => curlCommand(e, model.hosts[0]!)!.command).join('\n');
    expect(text).toContain('"$BEARER_TOKEN"');
    expect(text).not.toMatch(/<[a-z-]+:\d+/);
  });

  const apps = existsSync(APPS)
    ? readdirSync(APPS)
        .filter((f) => f.endsWith('.har'))
        .sort()
    : [];
  describe.skipIf(apps.length === 0)('../shared/corpus-apps', () => {
    it.each(apps)(
      '%s',
      async (file) => {
        const text = readFileSync(`${APPS}/${file}`, 'utf8');
        let model: ApiModel;
        try {
          model = (await buildModel([{ label: file, text }])).model;
        } catch {
          return; // not a HAR (an LFS pointer): corpus.test.ts pins those outcomes
        }
        const { mismatches } = await replay(model);
        expect(mismatches).toEqual([]);
        for (const endpoint of model.endpoints) {
          const curl = curlCommand(endpoint, model.hosts.find((h) => h.name === endpoint.host)!);
          if (curl) expect(curl.command).not.toMatch(/<[a-z][a-z-]*:\d+/);
        }
      },
      60_000,
    );
  });
});
