/**
 * Adapter for Handlebars (the only file that imports it). Output is Markdown, not HTML, so
 * Handlebars' HTML escaping is off; the view builder escapes for Markdown instead. Captured
 * values are data to Handlebars, never template source, so `{{x}}` inside a body stays text.
 */
import { createRequire } from 'node:module';
import type HandlebarsModule from 'handlebars';

// Required on the first compile, not at start-up (`--help`, JSON-only runs and JSON diffs never
// compile a template). Handlebars is CommonJS, so a synchronous require gives the same object
// the default import did and keeps `compileTemplate` synchronous.
let handlebars: typeof HandlebarsModule | undefined;
function loadHandlebars(): typeof HandlebarsModule {
  handlebars ??= createRequire(import.meta.url)('handlebars') as typeof HandlebarsModule;
  return handlebars;
}

export type Template = (view: object) => string;

export function compileTemplate(source: string, partials: Record<string, string> = {}): Template {
  const hb = loadHandlebars().create();
  for (const [name, partial] of Object.entries(partials)) hb.registerPartial(name, hb.compile(partial, { noEscape: true }));
  const template = hb.compile(source, { noEscape: true });
  // No prototype access: a captured `__proto__` or `constructor` key is plain data.
  return (view) => template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}
