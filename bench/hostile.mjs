#!/usr/bin/env node
// `node bench/hostile.mjs` (after `npm run build`): time on hostile inputs grows linearly. Each
// family of hostile capture is built at sizes n, 2n, 4n and 8n and run through the library
// (build the model, render Markdown and JSON; median of 3). Linear work gives a last/first ratio
// near 8; quadratic work gives ~64. Prints one line per family; exits 1 if any ratio passes 20.
//   node bench/hostile.mjs [--only name] [--scale 2]
import { buildModel, renderOutputs } from '../dist/index.js';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const scale = args.includes('--scale') ? Number(args[args.indexOf('--scale') + 1]) : 1;

const entry = (url, { request = {}, response = {} } = {}) => ({
  startedDateTime: '2025-01-01T00:00:00.000Z',
  request: { method: 'POST', url, headers: [], ...request },
  response: { status: 200, headers: [], content: { mimeType: 'application/json', text: '{"ok":true}' }, ...response },
});
const one = (e) => [e];
const api = 'https://api.example.com/v1';

/** name → (n) => entries; n is the size knob, chosen so the smallest run takes some milliseconds. */
const FAMILIES = {
  'header value (chars)': [250_000, (n) => one(entry(`${api}/x`, { request: { headers: [{ name: 'x-big', value: 'h'.repeat(n) }] } }))],
  'cookie pairs': [25_000, (n) => one(entry(`${api}/x`, { request: { headers: [{ name: 'cookie', value: 'a=b; '.repeat(n) }] } }))],
  'duplicate headers': [
    10_000,
    (n) => one(entry(`${api}/x`, { request: { headers: Array.from({ length: n }, (_, i) => ({ name: 'x-dup', value: String(i) })) } })),
  ],
  'path segment (chars)': [250_000, (n) => one(entry(`${api}/${'s'.repeat(n)}`))],
  'email-shaped segment': [100_000, (n) => one(entry(`${api}/a@${'b.'.repeat(n)}@`))],
  'query parameters': [10_000, (n) => one(entry(`${api}/x?${'q=1&'.repeat(n)}`))],
  'JSON keys in a body': [
    10_000,
    (n) =>
      one(
        entry(`${api}/x`, {
          response: { content: { mimeType: 'application/json', text: JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))) } },
        }),
      ),
  ],
  'JSON nesting (levels)': [
    25_000,
    (n) => one(entry(`${api}/x`, { response: { content: { mimeType: 'application/json', text: `${'['.repeat(n)}${']'.repeat(n)}` } } })),
  ],
  'backticks in a text body': [250_000, (n) => one(entry(`${api}/x`, { response: { content: { mimeType: 'text/plain', text: '`'.repeat(n) } } }))],
  'SSE events': [5_000, (n) => one(entry(`${api}/x`, { response: { content: { mimeType: 'text/event-stream', text: 'data: {"a":1}\n\n'.repeat(n) } } }))],
  'multipart parts': [
    2_000,
    (n) =>
      one(
        entry(`${api}/x`, {
          request: {
            postData: { mimeType: 'multipart/form-data; boundary=b', text: `${'--b\r\nContent-Disposition: form-data; name="f"\r\n\r\nv\r\n'.repeat(n)}--b--` },
          },
        }),
      ),
  ],
  'entries failing the HAR schema': [1_000, (n) => Array.from({ length: n }, (_, i) => entry(`${api}/items/${i}`))],
  'entries, one endpoint': [
    1_000,
    (n) =>
      Array.from({ length: n }, (_, i) =>
        entry(`${api}/items/${i}`, { response: { content: { mimeType: 'application/json', text: JSON.stringify({ id: i, name: `n${i}` }) } } }),
      ),
  ],
};

async function time(text) {
  const started = performance.now();
  const { model } = await buildModel([{ label: 'hostile.har', text }], {}, { redactionKey: new Uint8Array(32) });
  await renderOutputs(model, ['markdown', 'json']);
  return performance.now() - started;
}

let worst = 0;
await time(JSON.stringify({ log: { entries: [entry(`${api}/warm`)] } })); // load quicktype once
for (const [name, [base, make]] of Object.entries(FAMILIES)) {
  if (only && !name.includes(only)) continue;
  const times = [];
  for (const factor of [1, 2, 4, 8]) {
    const text = JSON.stringify({ log: { version: '1.2', creator: { name: 'bench', version: '1' }, entries: make(base * factor * scale) } });
    const runs = [await time(text), await time(text), await time(text)].sort((a, b) => a - b);
    times.push(runs[1]);
  }
  const ratio = times[3] / Math.max(times[0], 1);
  worst = Math.max(worst, ratio);
  console.log(
    `${name.padEnd(32)} n=${String(base * scale).padStart(7)}  ${times.map((t) => `${t.toFixed(0).padStart(6)} ms`).join(' ')}  8n/n = ${ratio.toFixed(1)}`,
  );
}
console.log(`worst growth 8n/n = ${worst.toFixed(1)} (linear ≈ 8, quadratic ≈ 64)`);
process.exitCode = worst > 20 ? 1 : 0;
