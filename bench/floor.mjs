#!/usr/bin/env node
// The floor: the least work any HAR-to-API tool must do. Read the file, parse it, parse every
// JSON body once. Files past V8's string limit are split entry by entry with the same scanner
// har2api streams with, so the floor for a 1 GB file is still "read + parse + parse bodies".
// Timed from the start of the process (node's own start-up included, as for har2api).
//   node bench/floor.mjs <file.har>   → prints {"ms":…,"cpuMs":…,"maxRssMb":…,"entries":…}
import { readFile, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';

const file = process.argv[2];
let entries = 0;
const parseBodies = (entry) => {
  entries++;
  for (const body of [entry.request?.postData, entry.response?.content]) {
    if (!body?.text || !/json/.test(body.mimeType ?? '')) continue;
    try {
      JSON.parse(body.encoding === 'base64' ? Buffer.from(body.text, 'base64').toString() : body.text);
    } catch {}
  }
};
if ((await stat(file)).size < 400e6) {
  const har = JSON.parse(await readFile(file, 'utf8'));
  for (const entry of har.log.entries) parseBodies(entry);
} else {
  const { splitHarStream } = await import('../dist/ingest/stream.js');
  for await (const item of splitHarStream(createReadStream(file))) if (item.type === 'entry') parseBodies(JSON.parse(item.text));
}
const ms = performance.now();
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    entries,
  }),
);
