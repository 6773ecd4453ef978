#!/usr/bin/env node
// `npm run bench`: generates an API-heavy capture (100 MB by default; `-- --size 1g` for 1 GB),
// then runs the floor (read + parse + parse bodies) and har2api on it, each in a fresh process so
// peak memory is its own, three times each, and prints the medians and the ratio.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { generateHar, parseSize } from './generate.mjs';

const args = process.argv.slice(2);
const sizeArg = args.includes('--size') ? args[args.indexOf('--size') + 1] : '100m';
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
const bytes = parseSize(sizeArg);
mkdirSync('bench/data', { recursive: true });
const file = `bench/data/api-${sizeArg.toLowerCase()}.har`;
if (!existsSync(file)) {
  process.stderr.write(`generating ${file} …\n`);
  await generateHar(bytes, file);
}
const mb = (statSync(file).size / 1e6).toFixed(0);

function measure(script) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const run = spawnSync(process.execPath, [script, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`);
    results.push(JSON.parse(run.stdout.trim().split('\n').pop()));
  }
  const median = (key) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
  return { ms: median('ms'), cpuMs: median('cpuMs'), maxRssMb: median('maxRssMb'), all: results.map((r) => r.ms) };
}

const floor = measure('bench/floor.mjs');
const tool = measure('bench/har2api.mjs');
const ratio = tool.ms / floor.ms;
console.log(`capture: ${file} (${mb} MB)`);
console.log(
  `floor   (read + parse + parse bodies): ${floor.ms} ms wall, ${floor.cpuMs} ms CPU, peak RSS ${floor.maxRssMb} MB  [wall: ${floor.all.join(', ')}]`,
);
console.log(`har2api (whole run, all formats):      ${tool.ms} ms wall, ${tool.cpuMs} ms CPU, peak RSS ${tool.maxRssMb} MB  [wall: ${tool.all.join(', ')}]`);
console.log(`ratio: ${ratio.toFixed(2)}x the floor in wall time, ${(tool.cpuMs / floor.cpuMs).toFixed(2)}x in CPU time (budget 2x)`);
