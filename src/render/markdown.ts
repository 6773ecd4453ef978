/**
 * The Markdown reference: the model's presentation view (escaped for Markdown) into
 * `templates/reference.md.hbs`.
 * Deterministic: the same model gives the same bytes (no clock, sorted everything).
 */
import type { ApiModel } from '../model.js';
import { compileTemplate } from './handlebars.js';
import { markdownEscaper } from './escaper.js';
import type { ReferenceTemplates } from './templates.js';
import { buildReferenceView } from './view.js';

export function renderMarkdown(model: ApiModel, templates: ReferenceTemplates): string {
  const render = compileTemplate(templates.reference, templates.partials, 'reference.md.hbs (or a partial)');
  return tidy(render(buildReferenceView(model, markdownEscaper)));
}

/**
 * At most one blank line in a row, and exactly one newline at the end. Blank lines inside a
 * fenced example are part of the example and stay as captured.
 */
function tidy(markdown: string): string {
  const lines: string[] = [];
  let fence = 0;
  let blank = false;
  for (const line of markdown.split('\n')) {
    const ticks = /^(`{3,})\s*$/.exec(line)?.[1]?.length ?? 0;
    if (fence > 0) {
      if (ticks >= fence) fence = 0;
    } else {
      const isBlank = line.trim() === '';
      if (isBlank && blank) continue;
      blank = isBlank;
      const open = /^`{3,}/.exec(line)?.[0].length ?? 0;
      if (open > 0) fence = open;
    }
    lines.push(line);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
