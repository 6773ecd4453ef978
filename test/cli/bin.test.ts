/**
 * The installed executable, run as a user would: the committed out/ must be current for
 * samples/ (the CI guard against stale docs), and errors must be one line without a stack. The
 * bundled command (dist/bin/har2api.js, what `npm install` puts on the PATH, with the templates
 * precompiled at build time) and the unbundled dist/cli/main.js must behave alike.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/load/templates.js';

for (const entry of ['dist/cli/main.js', 'dist/bin/har2api.js']) {
  const bin = (...args: string[]) => spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8' });

  describe(entry, () => {
    it('finds out/ up to date for samples/ (--check), every format', () => {
      const run = bin('samples/*.har', '-o', 'out', '-f', 'markdown,json,openapi,types,html', '--check');
      expect(run.stderr).toContain('up to date');
      expect(run.status).toBe(0);
    });

    it('reports a missing file in one line and exits 1', () => {
      const run = bin('no-such-capture.har');
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe('har2api: no-such-capture.har: file not found');
    });
  });
}

// The bundle makes string-width's segmenter on first use (scripts/bundle.mjs); help text is what measures widths with it.
// In English: yargs translates its own words from locale files the bundle does not find (the bundled help stays English).
describe('the bundle', () => {
  it.each([['--help'], ['diff', '--help']])('prints the help of the sources for %s', (...args) => {
    const env = { ...process.env, LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' };
    const run = (entry: string) => spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', env });
    const bundled = run('dist/bin/har2api.js');
    expect(bundled.status).toBe(0);
    expect(bundled.stdout).toContain('Options:');
    expect(bundled.stdout).toBe(run('dist/cli/main.js').stdout);
  });
});

// Built ASCII only (scripts/bundle.mjs, scripts/precompile-templates.mjs): Node decodes such a source faster.
describe('the built files', () => {
  it.each([...readdirSync('dist/bin').map((name) => `dist/bin/${name}`), 'dist/render/precompiled-templates.cjs'])('%s is ASCII only', (path) => {
    expect([...readFileSync(path)].filter((byte) => byte > 127)).toEqual([]);
  });

  it('hold every shipped template precompiled, keyed by its text as written', () => {
    const precompiled = createRequire(import.meta.url)('../../dist/render/precompiled-templates.cjs') as Map<string, unknown>;
    const shipped = loadTemplates();
    const texts = [shipped.reference, ...Object.values(shipped.partials), shipped.changelog, shipped.html!.reference, ...Object.values(shipped.html!.partials)];
    expect(texts.some((text) => /[^\x00-\x7f]/.test(text))).toBe(true);
    for (const text of texts) expect(precompiled.has(text)).toBe(true);
  });
});

// quicktype-core's language list holds only the two languages har2api uses (scripts/bundle.mjs).
describe('the bundle’s quicktype', () => {
  it('has the JSON Schema and TypeScript languages and none of the others quicktype-core lists', () => {
    const list = readFileSync('node_modules/quicktype-core/dist/esm/language/All.js', 'utf8');
    const languages = [...list.matchAll(/^ {4}new (\w+)\(\),$/gm)].map((m) => m[1]!);
    expect(languages.length).toBeGreaterThan(20);
    const chunks = readdirSync('dist/bin')
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join('dist/bin', file), 'utf8'))
      .join('\n');
    const bundled = languages.filter((name) => new RegExp(`\\b${name}\\b`).test(chunks));
    expect(bundled.sort()).toEqual(['JSONSchemaTargetLanguage', 'TypeScriptTargetLanguage']);
  });
});
