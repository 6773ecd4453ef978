/**
 * Every real capture in ../shared/corpus, run through the real command (in-process, files read
 * as bytes in place): each one either yields a reference (exit 0) or one clear line naming the
 * file, what is wrong and what to do (exit 1), and the outcome per file is pinned below, so a
 * regression in either direction fails. The pinned outcomes are checked against what
 * MANIFEST.tsv says of each file. A capture with no API traffic (a web page, images) writes
 * nothing and says so in one line (exit 1); it is then run with `--all`, which keeps every usable
 * entry. References are also parsed as Markdown (no raw HTML, every table row as wide as its
 * header) and regenerated to check they are byte-identical.
 *
 * Where the corpus is absent the suite is skipped, visibly.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.js';
import type { ApiModel } from '../src/model.js';
import { level3Headings, parseStructure } from './support/markdown-structure.js';
import { memoryIo } from './support/memory-io.js';

const CORPUS = '../shared/corpus';
const files = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith('.har'))
      .sort()
  : [];

/** Files with no usable HTTP exchange at all: with `--all` too, they give no endpoint. */
const UNUSABLE = new Set(['janodvarko__harviewer__selenium__tests__hars__data-url.har', 'jonluca__har-to-openapi__test__data__invalid-url.har']);

/** The files that must fail, with their error code and the start of their message; every other file must give a reference. */
const FAILURES: Record<string, { code: string; message: string }> = {
  'janodvarko__harviewer__selenium__tests__hars__not-json.har': {
    code: 'E_JSON',
    message: "not valid JSON at line 8, column 5 (expected ',' or '}' after property value); is this a complete HAR export?",
  },
  'janodvarko__harviewer__selenium__tests__hars__not-valid.har': {
    code: 'E_NOT_HAR',
    message: 'not a HAR: "log.entries" is missing or not an array; export the capture again as HAR',
  },
  'jonluca__har-to-openapi__test__data__no-entries.har': {
    code: 'E_EMPTY',
    message: 'the capture has no entries (log.entries is empty); record some traffic first',
  },
  'mitmproxy__mitmproxy__test__mitmproxy__data__corrupted_har__brokenfile.har': {
    code: 'E_JSON',
    message: "not valid JSON at line 5, column 1 (expected ',' or '}' after property value); is this a complete HAR export?",
  },
  'postmanlabs__har-to-postman__test__data__invalidHARFiles__noLog.har': {
    code: 'E_NOT_HAR',
    message: 'JSON but not a HAR: there is no top-level "log" object (the top level is an empty object); export the capture as HAR',
  },
};

interface ManifestRow {
  entries: string;
  jsonApiEntries: number;
  features: string;
}

function readManifest(): Map<string, ManifestRow> {
  const [head, ...rows] = readFileSync(`${CORPUS}/MANIFEST.tsv`, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t'));
  const column = (name: string): number => head!.indexOf(name);
  return new Map(
    rows.map((row) => [
      row[column('file')]!,
      { entries: row[column('entries')]!, jsonApiEntries: Number(row[column('json_api_entries')]) || 0, features: row[column('notable_features')]! },
    ]),
  );
}

/** What MANIFEST.tsv says a file must give: an error code, or a reference (with at least one endpoint when it lists JSON API entries). */
function expectedFromManifest(row: ManifestRow): { code: string } | { minEndpoints: number } {
  if (row.features.includes('INVALID JSON')) return { code: 'E_JSON' };
  if (row.features.includes('INVALID')) return { code: 'E_NOT_HAR' };
  if (row.entries === '0') return { code: 'E_EMPTY' };
  return { minEndpoints: row.jsonApiEntries > 0 ? 1 : 0 };
}

async function run(file: string, ...flags: string[]) {
  const io = memoryIo({}, { disk: [`${CORPUS}/${file}`] });
  const before = io.files.size;
  const code = await runCli([`${CORPUS}/${file}`, '-o', 'out', '-f', 'markdown,json', '-q', ...flags], io);
  return {
    code,
    stderr: io.err.join(''),
    written: io.files.size - before,
    markdown: io.files.get('/virtual/out/reference.md'),
    json: io.files.get('/virtual/out/model.json'),
  };
}

describe.skipIf(files.length === 0)(`corpus (${CORPUS})`, () => {
  const manifest = files.length > 0 ? readManifest() : new Map<string, ManifestRow>();

  it('pins outcomes only for files that exist, and they agree with MANIFEST.tsv', () => {
    for (const file of Object.keys(FAILURES)) expect(files).toContain(file);
    for (const file of files) {
      const row = manifest.get(file);
      expect(row, `${file} is in MANIFEST.tsv`).toBeDefined();
      const expected = expectedFromManifest(row!);
      expect('code' in expected ? expected.code : 'reference', file).toBe(FAILURES[file]?.code ?? 'reference');
    }
  });

  it.each(files)('%s', async (file) => {
    let flags: string[] = [];
    let result = await run(file);
    const failure = FAILURES[file];
    if (failure) {
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`har2api: ${file}: ${failure.message}\n`);
      expect(result.written).toBe(0);
      return;
    }
    const expected = expectedFromManifest(manifest.get(file)!);
    if (result.code === 1 && result.stderr.startsWith('har2api: no API endpoints found')) {
      // Only a capture MANIFEST.tsv lists without JSON API entries may hold no endpoint.
      expect('minEndpoints' in expected && expected.minEndpoints).toBe(0);
      expect(result.stderr).toMatch(/^har2api: no API endpoints found in \d+ entries \(skipped: [^)]+\); [^;\n]+; nothing written, out is left as it was\n$/);
      expect(result.written).toBe(0);
      flags = ['--all'];
      result = await run(file, ...flags);
      if (UNUSABLE.has(file)) {
        expect(result.stderr).toMatch(/; no entry is a usable HTTP exchange; nothing written/);
        expect(result.written).toBe(0);
        return;
      }
    }
    expect(UNUSABLE.has(file)).toBe(false);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const model = JSON.parse(result.json!) as ApiModel;
    expect(model.endpoints.length).toBeGreaterThanOrEqual('minEndpoints' in expected ? Math.max(1, expected.minEndpoints) : 0);

    const structure = parseStructure(result.markdown!);
    expect(structure.html).toEqual([]);
    expect(structure.headings.filter((h) => h.level === 3).length).toBe(level3Headings(model));
    for (const table of structure.tables) {
      expect(table.rows.every((cells) => cells === table.header)).toBe(true);
      expect(table.parsedRows).toBe(table.rows.length);
    }

    const again = await run(file, ...flags);
    expect(again.markdown).toBe(result.markdown);
    expect(again.json).toBe(result.json);
  });
});
