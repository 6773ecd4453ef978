#!/usr/bin/env node
// The same work as a whole har2api run (read, build the model, render every format; nothing
// written), done several times in one process through the library, so the last run pays no
// start-up and runs compiled, warm code: what the per-value work itself costs, against the
// floor. The difference to a whole run is start-up and the JIT's warm-up, which every fresh
// process pays. quicktype runs in this thread, as the library runs it.
//   node bench/warm.mjs <file.har> [runs=5]   → prints {"ms":…,"all":[…]} (ms: the fastest run)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, runs = '5'] = process.argv.slice(2);
const { buildModel, renderOutputs } = await import(pathToFileURL(resolve('dist/index.js')).href);
// The formats bench/har2api.mjs writes.
const formats = ['markdown', 'json', 'openapi', 'types', 'html'];
const all = [];
for (let i = 0; i < Number(runs); i++) {
  const start = performance.now();
  const text = readFileSync(file, 'utf8');
  const { model } = await buildModel([{ label: file, text }]);
  await renderOutputs(model, formats);
  all.push(Math.round(performance.now() - start));
}
console.log(JSON.stringify({ ms: Math.min(...all), all }));
