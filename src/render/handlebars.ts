/**
 * Adapter for Handlebars (the only file that imports it). Handlebars' HTML escaping is off: the
 * presentation view escapes every captured value for its format (Markdown or HTML) before a
 * template sees it. Captured values are data to Handlebars, never template source, so `{{x}}`
 * inside a body stays text. A template that does not compile or fails to render (a custom one,
 * `--templates`) is one `Har2ApiError` naming it, never a stack trace.
 */
import { createRequire } from 'node:module';
import type HandlebarsModule from 'handlebars';
import { Har2ApiError } from '../errors.js';

// Required on the first compile, not at start-up (`--help`, JSON-only runs and JSON diffs never
// compile a template). Handlebars is CommonJS, so a synchronous require gives the same object
// the default import did and keeps `compileTemplate` synchronous.
let handlebars: typeof HandlebarsModule | undefined;
function loadHandlebars(): typeof HandlebarsModule {
  handlebars ??= createRequire(import.meta.url)('handlebars') as typeof HandlebarsModule;
  return handlebars;
}

export type Template = (view: object) => string;

/** `name` says which template failed (`reference.md.hbs`) in the error. */
export function compileTemplate(source: string, partials: Record<string, string> = {}, name = 'template'): Template {
  const hb = loadHandlebars().create();
  // The one helper templates need to pick words by a view's kind: `{{#if (eq kind "sse")}}`.
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  for (const [partial, text] of Object.entries(partials)) hb.registerPartial(partial, hb.compile(text, { noEscape: true }));
  const template = hb.compile(source, { noEscape: true });
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
