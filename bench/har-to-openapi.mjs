#!/usr/bin/env node
// The peer on the same file, when it is installed (`npm install --no-save har-to-openapi`):
// read, parse, and generate its OpenAPI document, as its README shows.
//   node bench/har-to-openapi.mjs <file.har>   → prints {"ms":…,"cpuMs":…,"maxRssMb":…}
import { readFile } from 'node:fs/promises';

const file = process.argv[2];
const { generateSpec } = await import('har-to-openapi');
const started = performance.now();
const har = JSON.parse(await readFile(file, 'utf8'));
await generateSpec(har, { relaxedMethods: true });
const ms = performance.now() - started;
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({ ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
);
