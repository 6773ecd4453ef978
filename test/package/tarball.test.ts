/**
 * The package as a user gets it: `npm pack` makes the tarball, `npm install -g` puts it into an
 * empty prefix, and the installed `har2api` runs (--version, a conversion that needs the shipped
 * templates), and the library loads with `import` and with `require`. Catches a `files` list,
 * `bin` path or `exports` map that works in the clone but not once installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve('.');
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const work = mkdtempSync(join(tmpdir(), 'har2api-pack-'));
const prefix = join(work, 'prefix');
const bin = join(prefix, 'bin', 'har2api');
const npm = (...args: string[]) => execFileSync('npm', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the packed tarball, installed globally', { timeout: 300_000 }, () => {
  beforeAll(() => {
    // `npm test` builds dist/ first; packing must not rebuild it under the other tests' feet.
    expect(existsSync('dist/cli/main.js'), 'run npm run build first').toBe(true);
    npm('pack', '--ignore-scripts', '--silent', '--pack-destination', work);
    const [tarball] = readdirSync(work).filter((f) => f.endsWith('.tgz'));
    expect(tarball).toBe(`har2api-${version}.tgz`);
    npm('install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball!));
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('runs har2api --version', () => {
    const run = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(version);
    expect(run.status).toBe(0);
  });

  it('converts a capture with the shipped templates', () => {
    const out = join(work, 'out');
    const run = spawnSync(bin, [join(root, 'samples', 'chatgpt.har'), '-o', out, '-f', 'markdown,types', '-q'], { encoding: 'utf8', cwd: work });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(join(out, 'reference.md'), 'utf8')).toBe(readFileSync('out/reference.md', 'utf8'));
  });

  it('loads the library with import and with require', () => {
    const cwd = join(prefix, 'lib');
    const esm = spawnSync(process.execPath, ['--input-type=module', '-e', "const m = await import('har2api'); console.log(typeof m.buildModel)"], {
      cwd,
      encoding: 'utf8',
    });
    expect(esm.stdout.trim()).toBe('function');
    const cjs = spawnSync(process.execPath, ['-e', "console.log(typeof require('har2api').buildModel)"], { cwd, encoding: 'utf8' });
    expect(cjs.stderr).not.toMatch(/Error/);
    expect(cjs.stdout.trim()).toBe('function');
  });

  it('ships no tests, sources or local files', () => {
    const files = readdirSync(join(prefix, 'lib', 'node_modules', 'har2api'));
    expect(files).toEqual(expect.arrayContaining(['README.md', 'dist', 'package.json', 'templates']));
    for (const local of ['test', 'src', 'samples', 'bench', 'out', '.ci']) expect(files).not.toContain(local);
  });
});
