/**
 * Real consumers of the generated files, for tests: the Redocly validator (the one
 * openapi-typescript, Redoc and the Redocly CLI run), openapi-typescript (imports an OpenAPI
 * document into TypeScript the way client code does), and the TypeScript compiler under
 * `--strict`, all in memory.
 */
import { dirname, join, resolve } from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

export interface LintResult {
  errors: string[];
  warnings: string[];
}

/**
 * Redocly's `recommended` rules, with the ones about capture quality rather than validity off
 * (a capture may have no 4xx and no licence, and keeps the trailing slashes it saw) and the ones
 * about consistency (examples fit their schemas, enums fit their types, every component is
 * referenced from the document proper, not only from an `x-` extension) raised to errors.
 */
const RULES = {
  'info-license': 'off',
  'info-license-strict': 'off',
  'operation-2xx-response': 'off',
  'operation-4xx-response': 'off',
  'no-server-example.com': 'off',
  'no-ambiguous-paths': 'off',
  // A path is documented as the client sent it: `/api/login/` is a different route from `/api/login`.
  'no-path-trailing-slash': 'off',
  'tag-description': 'error',
  'no-invalid-media-type-examples': 'error',
  'no-invalid-parameter-examples': 'error',
  'no-invalid-schema-examples': 'error',
  'no-schema-type-mismatch': 'error',
  'no-enum-type-mismatch': 'error',
  'no-unused-components': 'error',
} as const;

/** `name` says how the text is read: `openapi.yaml` as YAML. */
export async function lintOpenApi(document: string, name = 'openapi.json'): Promise<LintResult> {
  const config = await createConfig({ extends: ['recommended'], rules: RULES });
  const problems = await lintFromString({ source: document, absoluteRef: resolve(name), config });
  const describe = (p: (typeof problems)[number]) => `${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`;
  return {
    errors: problems.filter((p) => p.severity === 'error').map(describe),
    warnings: problems.filter((p) => p.severity === 'warn').map(describe),
  };
}

/**
 * Component schemas that no `$ref` outside `x-` extensions points to (a reference from an
 * extension is no reference to any tool). Independent of Redocly's own rule, which could change.
 */
export function unreferencedComponents(document: string): string[] {
  const parsed = JSON.parse(document) as { components?: { schemas?: Record<string, unknown> } };
  const refs = new Set<string>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) continue;
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) refs.add(decodeURIComponent(value.slice(21)));
      else walk(value);
    }
  };
  walk(parsed);
  return Object.keys(parsed.components?.schemas ?? {}).filter((name) => !refs.has(name));
}

/**
 * The document as openapi-typescript's `paths`/`components` declarations, with its default
 * options, as a client would run it: an object only ever seen empty must already say "any keys"
 * (`additionalProperties: {}`), or it would come out as `Record<string, never>`.
 */
export async function importOpenApi(document: string): Promise<string> {
  return astToString(await openapiTS(JSON.parse(document) as Parameters<typeof openapiTS>[0], { silent: true }));
}

/**
 * Type-checks in-memory files (`name.ts` or `dir/name.ts` → text) under `--strict`, as one
 * program; returns the diagnostics.
 */
export function compileTypeScript(files: Record<string, string>): string[] {
  const root = resolve('.virtual-ts');
  const virtual = new Map(Object.entries(files).map(([name, text]) => [join(root, name), text]));
  const options: ts.CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts'],
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (path) => virtual.get(path) ?? read(path);
  host.fileExists = (path) => virtual.has(path) || exists(path);
  host.getSourceFile = (path, language) => {
    const text = host.readFile(path);
    return text === undefined ? undefined : ts.createSourceFile(path, text, language, true);
  };
  const directories = new Set([...virtual.keys()].flatMap((path) => ancestors(dirname(path), root)));
  host.directoryExists = (path) => directories.has(path) || ts.sys.directoryExists(path);
  const program = ts.createProgram([...virtual.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file && d.start !== undefined ? `${d.file.fileName.replace(`${root}/`, '')}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

function ancestors(directory: string, root: string): string[] {
  const found = [directory];
  while (directory !== root && directory.startsWith(root)) found.push((directory = dirname(directory)));
  return found;
}

/**
 * A module that fails to compile unless each named body type in types.ts and the same
 * component schema as openapi-typescript reads it from openapi.json accept each other's values.
 */
export function agreementCheck(names: readonly string[]): string {
  return [
    "import type { components } from './openapi';",
    "import type * as T from './types';",
    'type Accepts<A, B extends A> = B;',
    ...names.flatMap((name, i) => [
      `export type A${i} = Accepts<T.${name}, components['schemas']['${name}']>;`,
      `export type B${i} = Accepts<components['schemas']['${name}'], T.${name}>;`,
    ]),
    '',
  ].join('\n');
}
