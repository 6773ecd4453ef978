#!/usr/bin/env node
// `npm run bench`: for each size (10 MB and 100 MB by default; `-- --size 1g`, or
// `-- --sizes 10m,100m,1g`), generates an API-heavy capture, then runs the floor (read + parse +
// parse bodies) and a whole har2api run (all formats), alternated, each in a fresh process so peak
// memory is its own (3 runs each by default, `--runs N`), and prints the medians, the ratio in
// wall and CPU time, peak memory, what the same work costs warm in one process (bench/warm.mjs:
// the part that is per-value work, not start-up or the JIT's warm-up), where the time goes (one
// CPU-profiled run, bench/stages.mjs; `--no-stages` skips it) and har-to-openapi on the same file
// when it is installed. First, the start-up: both on a 20 KB capture, where nearly all is fixed cost.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { generateHar, parseSize } from './generate.mjs';
import { profileStages } from './stages.mjs';

const args = process.argv.slice(2);
const value = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const sizes = (value('--sizes') ?? value('--size') ?? '10m,100m').split(',').map((s) => s.trim().toLowerCase());
const runs = Number(value('--runs') ?? 3);
const withStages = !args.includes('--no-stages');
const peer = (() => {
  try {
    import.meta.resolve('har-to-openapi');
    return true;
  } catch {
    return false;
  }
})();

function once(script, file) {
  const run = spawnSync(process.execPath, [script, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

const median = (results, key) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
const summary = (results) => ({
  ms: median(results, 'ms'),
  cpuMs: median(results, 'cpuMs'),
  maxRssMb: median(results, 'maxRssMb'),
  all: results.map((r) => r.ms),
});
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function capture(size) {
  const file = `bench/data/api-${size}.har`;
  if (!existsSync(file)) {
    process.stderr.write(`generating ${file} …\n`);
    await generateHar(parseSize(size), file);
  }
  return file;
}

/** The floor and a whole run, alternated, so a change in the machine's load hits both sides alike. */
function alternated(file) {
  const floorRuns = [];
  const toolRuns = [];
  for (let i = 0; i < runs; i++) {
    floorRuns.push(once('bench/floor.mjs', file));
    toolRuns.push(once('bench/har2api.mjs', file));
  }
  return { floor: summary(floorRuns), tool: summary(toolRuns) };
}

mkdirSync('bench/data', { recursive: true });
{
  const { floor, tool } = alternated(await capture('20k'));
  console.log(`\nstart-up: a 20 KB capture, ${runs} alternated runs each, medians`);
  console.log(`  floor ${seconds(floor.ms)}, har2api ${seconds(tool.ms)} wall: about ${seconds(tool.ms - floor.ms)} of fixed cost in every run`);
}
for (const size of sizes) {
  const file = await capture(size);
  const mb = (statSync(file).size / 1e6).toFixed(0);
  const { floor, tool } = alternated(file);
  console.log(`\ncapture: ${file} (${mb} MB), ${runs} alternated runs each, medians`);
  console.log(
    `  floor   (read + parse + parse bodies): ${seconds(floor.ms)} wall, ${seconds(floor.cpuMs)} CPU, peak RSS ${floor.maxRssMb} MB  [wall ms: ${floor.all.join(', ')}]`,
  );
  console.log(
    `  har2api (whole run, all formats):      ${seconds(tool.ms)} wall, ${seconds(tool.cpuMs)} CPU, peak RSS ${tool.maxRssMb} MB  [wall ms: ${tool.all.join(', ')}]`,
  );
  console.log(
    `  ratio: ${(tool.ms / floor.ms).toFixed(2)}x the floor in wall time, ${(tool.cpuMs / floor.cpuMs).toFixed(2)}x in CPU time; peak memory ${(tool.maxRssMb / floor.maxRssMb).toFixed(2)}x the floor's`,
  );
  // A capture streamed (over 256 MB) is never held as one text, so it has no warm in-process run here.
  if (statSync(file).size < 256 * 1024 * 1024) {
    const warm = once('bench/warm.mjs', file);
    console.log(
      `  warm (the same work 5 times in one process, fastest run: no start-up, compiled code): ${seconds(warm.ms)}, ${(warm.ms / floor.ms).toFixed(2)}x the floor  [ms: ${warm.all.join(', ')}]`,
    );
  }
  if (peer) {
    const other = once('bench/har-to-openapi.mjs', file);
    console.log(
      `  har-to-openapi: ${seconds(other.ms)} wall, ${seconds(other.cpuMs)} CPU, peak RSS ${other.maxRssMb} MB (${(other.ms / floor.ms).toFixed(1)}x the floor)`,
    );
  } else {
    console.log('  har-to-openapi: not installed (npm install --no-save har-to-openapi to compare)');
  }
  if (withStages) {
    const { stages, totalMs } = profileStages(file);
    const rows = Object.entries(stages).sort((a, b) => b[1] - a[1]);
    console.log(`  where the time goes (one CPU-profiled run, ${seconds(totalMs)} of samples):`);
    for (const [stage, ms] of rows)
      console.log(`    ${stage.padEnd(20)} ${String(Math.round(ms)).padStart(6)} ms  ${((100 * ms) / totalMs).toFixed(1).padStart(5)} %`);
  }
}
