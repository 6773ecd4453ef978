#!/usr/bin/env node
// One whole har2api run over a file, as the CLI does it (read, build the model, render every
// format), writing nothing. Timed from before the read to after the last render.
//   node bench/har2api.mjs <file.har>   → prints {"ms":…,"maxRssMb":…,"endpoints":…}
import { runCli } from '../dist/cli/run.js';
import { nodeIo } from '../dist/cli/io.js';
import { FORMATS } from '../dist/render/index.js';

const file = process.argv[2];
const io = { ...nodeIo(), stdout: () => {}, stderr: () => {}, writeFilesAtomically: async () => {} };
const started = performance.now();
const code = await runCli([file, '-o', 'bench/data/out', '-f', FORMATS.join(','), '--quiet'], io);
const ms = performance.now() - started;
if (code !== 0) throw new Error(`har2api exited ${code}`);
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({ ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
);
