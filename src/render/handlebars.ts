/**
 * Adapter for Handlebars (the only file that imports it). Output is Markdown, not HTML, so
 * Handlebars' HTML escaping is off; the view builder escapes for Markdown instead. Captured
 * values are data to Handlebars, never template source, so `{{x}}` inside a body stays text.
 */
import Handlebars from 'handlebars';

export type Template = (view: object) => string;

export function compileTemplate(source: string, partials: Record<string, string> = {}): Template {
  const hb = Handlebars.create();
  for (const [name, partial] of Object.entries(partials)) hb.registerPartial(name, hb.compile(partial, { noEscape: true }));
  const template = hb.compile(source, { noEscape: true });
  // No prototype access: a captured `__proto__` or `constructor` key is plain data.
  return (view) => template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}
