/**
 * The layering CONTRIBUTING.md describes, checked on the import statements of `src/`: stages do no file
 * I/O, no stage reaches back into a later one, renderers and diff read only the model, and each
 * third-party library has exactly one adapter file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every `import … from '…'`, `export … from '…'` and `import('…')` of a file, type-only ones included. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const statements = [...text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gms)];
  const dynamic = [...text.matchAll(/\bimport\('([^']+)'\)/g)];
  return [...statements, ...dynamic].map((m) => m[1]!);
}

/** `src/`-relative path of a relative import, without the `.js` suffix. */
function target(file: string, specifier: string): string {
  return relative(SRC, resolve(dirname(file), specifier)).replace(/\.js$/, '');
}

const files = sourceFiles(SRC).map((path) => ({
  path: relative(SRC, path).replace(/\.ts$/, ''),
  imports: importsOf(path).map((s) => ({ specifier: s, local: s.startsWith('.') ? target(path, s) : null })),
}));

/** Pipeline order: a stage may use what comes before it, never what comes after. */
const STAGES = ['ingest', 'redact', 'normalise', 'infer', 'render', 'diff'];
const stageOf = (path: string): number => STAGES.indexOf(path.split('/')[0]!);

describe('architecture', () => {
  it('finds the source files and their imports', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.find((f) => f.path === 'pipeline')?.imports.some((i) => i.local === 'ingest/index')).toBe(true);
  });

  it('stages do no file I/O (only the CLI and the edge modules in load/ touch files)', () => {
    const offenders = files
      .filter((f) => stageOf(f.path) !== -1 && f.imports.some((i) => /^(?:node:)?fs(?:\/promises)?$/.test(i.specifier)))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('no stage imports from a later stage, nor from the pipeline, the edge or the CLI', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const own = stageOf(file.path);
      if (own === -1) continue;
      for (const { local } of file.imports) {
        if (local === null) continue;
        const other = stageOf(local);
        if (other > own || local === 'pipeline' || local === 'index' || /^(?:cli|load)\//.test(local)) offenders.push(`${file.path} -> ${local}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('renderers and diff read only the model (from the earlier stages, only the quicktype adapter)', () => {
    const offenders: string[] = [];
    for (const file of files.filter((f) => /^(?:render|diff)\//.test(f.path))) {
      for (const { local } of file.imports) {
        if (local !== null && stageOf(local) !== -1 && stageOf(local) < stageOf('render') && local !== 'infer/quicktype')
          offenders.push(`${file.path} -> ${local}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it.each([
    ['yargs', 'cli/yargs'],
    ['handlebars', 'render/handlebars'],
    ['quicktype-core', 'infer/quicktype'],
    ['fast-glob', 'cli/inputs'],
    ['yaml', 'yaml'],
    ['jsonpath-rfc9535', 'overlay/jsonpath'],
  ])('only one adapter file imports %s (or a file inside it)', (library, adapter) => {
    const isLibrary = (specifier: string) => specifier === library || specifier.startsWith(`${library}/`);
    expect(files.filter((f) => f.imports.some((i) => isLibrary(i.specifier))).map((f) => f.path)).toEqual([adapter]);
  });

  it('no source file loads har-validator or ajv at run time: its checks are generated code (scripts/generate-har-schema-check.mjs)', () => {
    expect(files.filter((f) => f.imports.some((i) => /^(?:har-validator|ajv|har-schema)(?:\/|$)/.test(i.specifier))).map((f) => f.path)).toEqual([]);
    expect(files.find((f) => f.path === 'ingest/har-validator')?.imports.map((i) => i.local)).toContain('ingest/har-schema-check');
  });

  it('no source file loads @faker-js/faker at run time: its person names are generated into the sources (scripts/generate-name-lists.mjs)', () => {
    expect(files.filter((f) => f.imports.some((i) => /^@faker-js\/faker(?:\/|$)/.test(i.specifier))).map((f) => f.path)).toEqual([]);
    expect(readFileSync(join(SRC, 'redact', 'name-dataset.ts'), 'utf8')).not.toMatch(/faker\/locale|createRequire/);
    expect(files.find((f) => f.path === 'redact/name-dataset')?.imports.map((i) => i.local)).toContain('redact/name-lists');
  });

  it('only the redaction gate makes model text (`Shown`), with one cast', () => {
    const casts = (text: string) => [...text.matchAll(/\bas\s+(?:unknown\s+as\s+)?Shown(?:Scalar|Json)?\b|<Shown(?:Scalar|Json)?>/g)].length;
    const byFile = sourceFiles(SRC)
      .map((path) => ({ path: relative(SRC, path), casts: casts(readFileSync(path, 'utf8')) }))
      .filter((f) => f.casts > 0);
    expect(byFile).toEqual([{ path: join('infer', 'gate.ts'), casts: 1 }]);
    // The brand itself is declared once, in the model, and named nowhere else.
    const brands = sourceFiles(SRC).filter((path) => /\bSHOWN\b/.test(readFileSync(path, 'utf8')));
    expect(brands.map((path) => relative(SRC, path))).toEqual(['model.ts']);
  });

  it('the cast check would see a cast elsewhere', () => {
    const casts = (text: string) => [...text.matchAll(/\bas\s+(?:unknown\s+as\s+)?Shown(?:Scalar|Json)?\b|<Shown(?:Scalar|Json)?>/g)].length;
    expect(casts('const a = raw as Shown; const b = x as unknown as ShownJson;')).toBe(2);
  });
});
