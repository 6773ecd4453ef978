#!/usr/bin/env node
// The CPU time of redaction alone on a capture: every exchange is read and minimised as pass 3
// does, kept in memory, and then learned and redacted (paths, then the rest) in a timed loop.
// Reading and parsing are outside the timing, so the number is redaction's own cost.
//   node bench/redaction.mjs <file.har> [runs]  → prints {"cpuMs":[…],"medianCpuMs":…}
import { readFileSync } from 'node:fs';
import { decodeCaptureBytes } from '../dist/ingest/decode.js';
import { ingestHar } from '../dist/ingest/index.js';
import { minimiseExchange } from '../dist/normalise/minimise.js';
import { resolveOptions } from '../dist/options.js';
import { createRedactor } from '../dist/redact/index.js';
import { selectTraffic } from '../dist/normalise/traffic.js';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
const ctx = { options: resolveOptions({}), report: () => {} };
const ingested = await ingestHar({ label: file, text: decodeCaptureBytes(readFileSync(file), file) }, ctx);
const exchanges = selectTraffic(ingested.exchanges, ctx.options).exchanges.map(minimiseExchange);
const cpu = [];
for (let run = 0; run < runs; run++) {
  const before = process.cpuUsage();
  const redactor = createRedactor(new Uint8Array(32).fill(run + 1));
  for (const exchange of ingested.exchanges) redactor.learn(exchange);
  for (const exchange of exchanges) redactor.redact(exchange, redactor.redactPath(exchange));
  const used = process.cpuUsage(before);
  cpu.push(Math.round((used.user + used.system) / 1000));
}
const sorted = [...cpu].sort((a, b) => a - b);
console.log(JSON.stringify({ exchanges: exchanges.length, cpuMs: cpu, medianCpuMs: sorted[Math.floor(sorted.length / 2)] }));
