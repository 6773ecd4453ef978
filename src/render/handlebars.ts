/**
 * Adapter for Handlebars (the only file that imports it). Handlebars' HTML escaping is off: the
 * presentation view escapes every captured value for its format (Markdown or HTML) before a
 * template sees it. Captured values are data to Handlebars, never template source, so `{{x}}`
 * inside a body stays text. A template that does not compile or fails to render (a custom one,
 * `--templates`) is one `Har2ApiError` naming it, never a stack trace.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type HandlebarsModule from 'handlebars';
import { Har2ApiError } from '../errors.js';

// Required on the first compile, not at start-up (`--help`, JSON-only runs and JSON diffs never
// compile a template). Handlebars is CommonJS, so a synchronous require gives the same object
// the default import did and keeps `compileTemplate` synchronous.
const require = createRequire(import.meta.url);
let handlebars: typeof HandlebarsModule | undefined;
function loadHandlebars(): typeof HandlebarsModule {
  handlebars ??= require('handlebars') as typeof HandlebarsModule;
  return handlebars;
}

// Only the runtime (no parser, no compiler) when every template of a render was precompiled.
let runtime: typeof HandlebarsModule | undefined;
function loadRuntime(): typeof HandlebarsModule {
  runtime ??= require('handlebars/runtime') as typeof HandlebarsModule;
  return runtime;
}

/**
 * Loads the runtime ahead of a render that can wait for it (`renderOutputs`). Imported, not
 * required, it is inside the bundle (a chunk of its own): requiring it found, read and compiled
 * nine CommonJS files of node_modules, some 15 ms of every run that writes Markdown or HTML.
 * A render that did not wait (the synchronous changelog) requires it on first compile, as before.
 * (`.js`: the package has no `exports` map, so an import names the file.)
 */
export async function loadTemplateRuntime(): Promise<void> {
  runtime ??= ((await import('handlebars/runtime.js')) as unknown as { default: typeof HandlebarsModule }).default;
}

/**
 * The shipped templates compiled to JavaScript at build time (scripts/precompile-templates.mjs
 * writes dist/render/precompiled-templates.cjs, with the same options as `compile` below):
 * compiling them at run time took about a sixth of a run on a 10 MB capture. Keyed by the
 * template's whole text, so a custom template, or one that differs by a character, is compiled
 * at run time as before. Absent when running from the sources (tests), which compile as before.
 * The path is the same from dist/render/ and from the bundle's dist/bin/.
 */
let precompiled: ReadonlyMap<string, TemplateSpecification> | null | undefined;
function precompiledSpec(source: string): TemplateSpecification | undefined {
  if (precompiled === undefined) {
    try {
      precompiled = require(fileURLToPath(new URL('../render/precompiled-templates.cjs', import.meta.url))) as ReadonlyMap<string, TemplateSpecification>;
    } catch {
      precompiled = null;
    }
  }
  return precompiled?.get(source);
}

export type Template = (view: object) => string;

/** `name` says which template failed (`reference.md.hbs`) in the error. */
export function compileTemplate(source: string, partials: Record<string, string> = {}, name = 'template'): Template {
  const specs = new Map([source, ...Object.values(partials)].map((text) => [text, precompiledSpec(text)]));
  const hb = ([...specs.values()].every((spec) => spec !== undefined) ? loadRuntime() : loadHandlebars()).create();
  const build = (text: string): HandlebarsTemplateDelegate => {
    const spec = specs.get(text);
    return spec === undefined ? hb.compile(text, { noEscape: true }) : hb.template(spec);
  };
  // The one helper templates need to pick words by a view's kind: `{{#if (eq kind "sse")}}`.
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  for (const [partial, text] of Object.entries(partials)) hb.registerPartial(partial, build(text));
  const template = build(source);
  // No prototype access: a captured `__proto__` or `constructor` key is plain data.
  return (view) => {
    try {
      return template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    } catch (error) {
      // Handlebars compiles on first use, so a syntax error of the template or a partial shows here.
      // Its parse errors span lines (the place, a caret, what was expected): the first and last say it.
      const lines = (error as Error).message
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      const message = lines.length > 1 ? `${lines[0]} ${lines.at(-1)}` : (lines[0] ?? 'unknown error');
      throw new Har2ApiError('E_TEMPLATE', `cannot render with the template ${name}: ${message}`);
    }
  };
}
