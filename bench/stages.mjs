#!/usr/bin/env node
// Where a har2api run spends its time, by stage: runs bench/har2api.mjs once (on the unbundled
// dist/cli/main.js, whose file paths name the stages) under the V8 CPU profiler, and gives each
// sample of the main thread (quicktype's worker thread runs beside it) to the stage of the
// nearest frame that names one (a JSON.parse called by ingest is ingest's; a regex run by
// redaction is redaction's). Module loading and garbage collection are stages of their own, as
// the profile sees them.
//   node bench/stages.mjs <file.har>   → prints {"stages":{"ingest":ms,…},"totalMs":…}
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Dependencies by the stage that loads them (their own dependencies included). */
const PACKAGE_STAGES = Object.fromEntries(
  Object.entries({
    quicktype: [
      'quicktype-core',
      '@glideapps/ts-necessities',
      'collection-utils',
      'unicode-properties',
      'unicode-trie',
      'tiny-inflate',
      'lodash',
      'urijs',
      'pluralize',
      'js-base64',
      'pako',
      'browser-or-node',
      'readable-stream',
      'base64-js',
      'buffer',
      'is-url',
      'wordwrap',
      'cross-fetch',
    ],
    'har-validator': ['har-validator', 'har-schema', 'ajv', 'uri-js', 'fast-deep-equal', 'json-schema-traverse', 'fast-json-stable-stringify'],
    rendering: ['handlebars', 'source-map', 'neo-async', 'minimist'],
    cli: [
      'yargs',
      'yargs-parser',
      'cliui',
      'y18n',
      'string-width',
      'wrap-ansi',
      'strip-ansi',
      'ansi-regex',
      'ansi-styles',
      'escalade',
      'get-caller-file',
      'emoji-regex',
      'get-east-asian-width',
      'fast-glob',
    ],
  }).flatMap(([stage, names]) => names.map((name) => [name, stage])),
);

/** Stage of one frame, or null when the frame says nothing (a builtin, an anonymous callback). */
export function stageOf(url, functionName) {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)' || functionName === '(idle)') return 'other';
  if (url.startsWith('node:internal/modules') || functionName === 'compileFunction' || functionName === 'wrapSafe') return 'module loading';
  // har-validator's checks, generated into the sources (scripts/generate-har-schema-check.mjs).
  if (url.endsWith('/dist/ingest/har-schema-check.js')) return 'har-validator';
  const own = /\/dist\/(ingest|redact|normalise|infer|render|diff|cli|load)\//.exec(url);
  if (own)
    return { ingest: 'ingest', redact: 'redaction', normalise: 'templating', infer: 'inference', render: 'rendering', diff: 'diff', cli: 'cli', load: 'cli' }[
      own[1]
    ];
  if (url.includes('/dist/pipeline.js')) return 'pipeline';
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return PACKAGE_STAGES[pkg[1]] ?? 'other packages';
  return null;
}

/** Milliseconds per stage in one `.cpuprofile`. */
export function stagesOfProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageCache = new Map();
  const stageOfNode = (id) => {
    if (stageCache.has(id)) return stageCache.get(id);
    let stage = null;
    for (let at = id; at !== undefined && stage === null; at = parent.get(at)) {
      const { url, functionName } = byId.get(at).callFrame;
      stage = stageOf(url, functionName);
    }
    stageCache.set(id, stage ?? 'other');
    return stage ?? 'other';
  };
  const stages = {};
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const stage = stageOfNode(id);
    stages[stage] = (stages[stage] ?? 0) + ms;
    totalMs += ms;
  });
  return { stages, totalMs };
}

export function profileStages(file) {
  const dir = mkdtempSync(join(tmpdir(), 'har2api-prof-'));
  try {
    const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, 'bench/har2api.mjs', file, 'dist/cli/main.js'], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0) throw new Error(`profiled run failed: ${run.stderr}`);
    // The main thread's profile (thread id 0): the quicktype worker thread writes its own.
    const name = readdirSync(dir).find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
    return stagesOfProfile(JSON.parse(readFileSync(join(dir, name), 'utf8')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { stages, totalMs } = profileStages(process.argv[2]);
  const rounded = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v)]));
  console.log(JSON.stringify({ stages: rounded, totalMs: Math.round(totalMs) }));
}
