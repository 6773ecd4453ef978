#!/usr/bin/env node
// Output snapshot for performance work: a change that only makes har2api faster must not change
// one byte of what it writes. Runs the built CLI (dist/) in-process over samples/ (together, as
// `npm start` does, and each file alone) and over every capture in ../shared/corpus and
// ../shared/corpus-apps (each alone, skipped when absent), with every format, and writes each
// run's files plus its exit code and stderr into <dir>/<run>/. Snapshot before a change, again
// after, and compare:
//   node bench/snapshot.mjs /tmp/before && (change, npm run build) && node bench/snapshot.mjs /tmp/after
//   diff -r /tmp/before /tmp/after
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { nodeIo } from '../dist/cli/io.js';
import { runCli } from '../dist/cli/run.js';
import { FORMATS } from '../dist/render/index.js';

const dir = resolve(process.argv[2] ?? 'bench/data/snapshot');
const captures = (folder) =>
  existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => /\.(har|har\.gz|zhar|harp)$/.test(f))
        .sort()
        .map((f) => join(folder, f))
    : [];
const samples = captures('samples');
const runs = [
  ['samples', samples],
  ...samples.map((f) => [`samples-${basename(f)}`, [f]]),
  ...['../shared/corpus', '../shared/corpus-apps'].flatMap((folder) => captures(folder).map((f) => [`${basename(folder)}-${basename(f)}`, [f]])),
];

const base = nodeIo();
rmSync(dir, { recursive: true, force: true });
for (const [name, files] of runs) {
  const out = join(dir, name);
  mkdirSync(out, { recursive: true });
  let stderr = '';
  const io = {
    ...base,
    stdout: () => {},
    stderr: (text) => {
      stderr += text;
    },
    stderrIsTTY: false,
    writeFilesAtomically: async (written) => {
      for (const file of written) writeFileSync(join(out, basename(file.path)), file.content);
    },
  };
  const code = await runCli([...files, '-o', out, '-f', FORMATS.join(',')], io);
  writeFileSync(join(out, 'exit-and-stderr.txt'), `exit ${code}\n${stderr.replaceAll(out, '<out>')}`);
}
process.stderr.write(`${runs.length} runs written to ${dir}\n`);
