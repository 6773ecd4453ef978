/**
 * Locks the public library API, as remark does: the names `src/index.ts` exports at run time,
 * and the type of every export (functions' signatures, interfaces' members, type aliases), as
 * the TypeScript checker prints them, against `test/api/public-api.txt`. A change to the API,
 * deliberate or not, fails here until the file is regenerated and the diff is read:
 *
 *   UPDATE_API=1 npx vitest run test/api
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LOCK = 'test/api/public-api.txt';
const FLAGS = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType | ts.TypeFormatFlags.WriteArrowStyleSignature;

/** One block per export, sorted by name: `function x: (a: A) => B`, `interface Y { … }`, `type Z = …`. */
function describeApi(entry: string): { text: string; values: string[] } {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(entry)!;
  const blocks: string[] = [];
  const values: string[] = [];
  const members = (type: ts.Type, at: ts.Node): string[] =>
    checker
      .getPropertiesOfType(type)
      .map((p) => `  ${p.name}${p.flags & ts.SymbolFlags.Optional ? '?' : ''}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(p, at), at, FLAGS)};`);
  for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    if (!declaration) continue;
    const name = exported.name;
    if (symbol.flags & ts.SymbolFlags.Class) {
      values.push(name);
      const instance = checker.getDeclaredTypeOfSymbol(symbol);
      const classType = checker.getTypeOfSymbolAtLocation(symbol, declaration);
      const signatures = classType.getConstructSignatures().map((s) => `  new ${checker.signatureToString(s, declaration, FLAGS)};`);
      blocks.push(`class ${name} {\n${[...signatures, ...members(instance, declaration)].join('\n')}\n}`);
    } else if (symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable)) {
      values.push(name);
      const kind = symbol.flags & ts.SymbolFlags.Function ? 'function' : 'const';
      blocks.push(`${kind} ${name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, declaration), declaration, FLAGS)}`);
    }
    if (symbol.flags & ts.SymbolFlags.Interface) {
      blocks.push(`interface ${name} {\n${members(checker.getDeclaredTypeOfSymbol(symbol), declaration).join('\n')}\n}`);
    } else if (symbol.flags & ts.SymbolFlags.TypeAlias) {
      const type = checker.getDeclaredTypeOfSymbol(symbol);
      blocks.push(`type ${name} = ${checker.typeToString(type, declaration, FLAGS | ts.TypeFormatFlags.InTypeAlias)}`);
    }
  }
  return { text: `${blocks.join('\n\n')}\n`, values };
}

describe('the public API (src/index.ts)', () => {
  const api = describeApi('src/index.ts');

  it(`matches ${LOCK}`, () => {
    if (process.env.UPDATE_API) writeFileSync(LOCK, api.text);
    expect(existsSync(LOCK), `${LOCK} is missing: run UPDATE_API=1 npx vitest run test/api`).toBe(true);
    expect(api.text, `the public API changed: if that is meant, run UPDATE_API=1 npx vitest run test/api and commit ${LOCK}`).toBe(readFileSync(LOCK, 'utf8'));
  });

  it('exports at run time exactly the values the types declare', async () => {
    const module = await import('../../src/index.js');
    expect(Object.keys(module).sort()).toEqual([...api.values].sort());
  });

  it('would see a changed signature', () => {
    expect(api.text).toMatch(/^function buildModel: \(inputs: /m);
    expect(api.text).toMatch(/^interface Options \{\n(?: {2}.+\n)+\}/m);
  });
});
