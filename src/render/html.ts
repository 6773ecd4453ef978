/**
 * The HTML reference: the model's presentation view (escaped for HTML) into
 * `templates/reference.html.hbs`, one self-contained page. Its style and script are inlined and a
 * Content-Security-Policy allows exactly those two (by hash) and nothing else: no request leaves
 * the page, from `file://` or a web server, and a captured value that got past escaping still
 * could not run. Deterministic: the same model and templates give the same bytes.
 */
import { createHash } from 'node:crypto';
import { Har2ApiError } from '../errors.js';
import type { ApiModel } from '../model.js';
import { htmlEscaper } from './escaper.js';
import { compileTemplate } from './handlebars.js';
import type { ReferenceTemplates } from './templates.js';
import { buildReferenceView } from './view.js';

export function renderHtml(model: ApiModel, templates: ReferenceTemplates): string {
  const html = templates.html;
  if (!html) throw new Har2ApiError('E_TEMPLATE', 'no HTML templates were given (loadTemplates() returns the shipped ones)');
  for (const [name, text, tag] of [
    ['html.css', html.style, 'style'],
    ['html.js', html.script, 'script'],
  ] as const) {
    if (new RegExp(`</${tag}`, 'i').test(text)) throw new Har2ApiError('E_TEMPLATE', `${name} must not contain </${tag}>`);
  }
  const render = compileTemplate(html.reference, html.partials, 'reference.html.hbs (or a partial)');
  const view = { ...buildReferenceView(model, htmlEscaper), style: html.style, script: html.script, csp: contentSecurityPolicy(html.style, html.script) };
  return `${render(view).trimEnd()}\n`;
}

/** Nothing but the inlined style and script, and `data:` images; no base, form or frame target. */
function contentSecurityPolicy(style: string, script: string): string {
  const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  return `default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; img-src data:; base-uri 'none'; form-action 'none'`;
}
