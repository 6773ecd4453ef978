/**
 * The Markdown reference: the model through the view builder into `templates/reference.md.hbs`.
 * Deterministic: the same model gives the same bytes (no clock, sorted everything).
 */
import type { ApiModel } from '../model.js';
import { compileTemplate } from './handlebars.js';
import { buildReferenceView } from './markdown-view.js';
import type { Templates } from './templates.js';

export function renderMarkdown(model: ApiModel, templates: Templates): string {
  const render = compileTemplate(templates.reference, templates.partials);
  return tidy(render(buildReferenceView(model)));
}

/** At most one blank line in a row, and exactly one newline at the end. */
function tidy(markdown: string): string {
  return `${markdown.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
