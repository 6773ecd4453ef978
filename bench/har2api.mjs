#!/usr/bin/env node
// One whole har2api run over a file, as a user runs it: the installed command (the bundle,
// dist/bin/har2api.js, or another entry given as the second argument, e.g. dist/cli/main.js),
// loading its modules, reading, building the model, rendering and writing every format.
// Timed from the start of the process to the end of the run, as the floor is.
//   node bench/har2api.mjs <file.har> [entry]   → prints {"ms":…,"cpuMs":…,"maxRssMb":…}
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, entry = 'dist/bin/har2api.js'] = process.argv.slice(2);
const out = resolve('bench/data/out');
process.argv = [process.argv[0], resolve(entry), file, '-o', out, '-f', 'markdown,json,openapi,types,html', '--quiet'];
await import(pathToFileURL(resolve(entry)).href);
const ms = performance.now();
if (process.exitCode) throw new Error(`har2api exited ${process.exitCode}`);
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({ ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
);
