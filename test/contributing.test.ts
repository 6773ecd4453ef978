/**
 * CONTRIBUTING.md stays true: every repository path it names exists, and its table of
 * diagnostic codes lists exactly the codes the stages report (read from `src/` at run time).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const text = readFileSync('CONTRIBUTING.md', 'utf8');
const ROOTS = /^(src|test|templates|bench|samples|out|\.ci)\/|^(package\.json|biome\.json|tsconfig(\.test)?\.json|README\.md|vitest\.config\.ts)$/;

/** Every `code span` that is a path in the repository (not ../shared, not a glob). */
function namedPaths(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim());
  return [...new Set(spans.flatMap((span) => span.split(/[\s,]+/)).filter((token) => ROOTS.test(token) && !token.includes('*')))];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('CONTRIBUTING.md', () => {
  it('names only paths that exist', () => {
    const paths = namedPaths(text);
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((path) => !existsSync(path))).toEqual([]);
  });

  it('would notice a path that does not exist', () => {
    expect(namedPaths('see `src/nowhere.ts` and `test/x/`').filter((path) => !existsSync(path))).toEqual(['src/nowhere.ts', 'test/x/']);
  });

  it('lists every diagnostic code the stages report, and no other', () => {
    const reported = new Set<string>();
    for (const file of sourceFiles('src')) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(?:\bcode: |\bskip\(|\breason: )'([a-z][a-z0-9-]+)'/g)) reported.add(m[1]!);
    }
    const table = text.slice(text.indexOf('## Diagnostic codes'), text.indexOf('## Adding a real capture'));
    const listed = new Set([...table.matchAll(/^\| `([a-z][a-z0-9-]+)` \|/gm)].map((m) => m[1]!));
    expect(reported.size).toBeGreaterThan(10);
    expect([...reported].filter((code) => !listed.has(code)).sort()).toEqual([]);
    expect([...listed].filter((code) => !reported.has(code)).sort()).toEqual([]);
  });

  it('lists every error code', () => {
    const codes = [...readFileSync('src/errors.ts', 'utf8').matchAll(/'(E_[A-Z_]+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(text).toContain(`\`${code}\``);
  });
});
