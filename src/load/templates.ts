/**
 * The templates shipped in `templates/`, read from beside the package, and the same file names
 * from a folder of custom templates (`--templates <dir>`), each replacing its shipped one. This is
 * the library's edge: renderers take template text as an argument and never touch files; the CLI
 * and the library entry (index.ts) load them here and pass them in.
 */
import { readFileSync } from 'node:fs';
import type { Templates } from '../render/templates.js';

const TEMPLATE_DIR = new URL('../../templates/', import.meta.url);

/** Every template file a custom folder may hold, by the name it is passed under. */
export const TEMPLATE_FILES = {
  reference: 'reference.md.hbs',
  body: 'body.md.hbs',
  changelog: 'changelog.md.hbs',
  html: 'reference.html.hbs',
  htmlBody: 'body.html.hbs',
  style: 'html.css',
  script: 'html.js',
} as const;

type TemplateName = keyof typeof TEMPLATE_FILES;

/** Every shipped template, or the same names from another folder. */
export function loadTemplates(dir: URL = TEMPLATE_DIR): Templates {
  const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
  return assemble((name) => read(TEMPLATE_FILES[name]));
}

/**
 * The shipped templates with those `read` finds replacing them (`read` answers null for a file
 * the folder does not hold). `found` lists the file names that were replaced.
 */
export async function overrideTemplates(read: (file: string) => Promise<string | null>): Promise<{ templates: Templates; found: string[] }> {
  const shipped = loadTemplates();
  const found: string[] = [];
  const texts = {} as Record<TemplateName, string>;
  for (const name of Object.keys(TEMPLATE_FILES) as TemplateName[]) {
    const own = await read(TEMPLATE_FILES[name]);
    if (own !== null) found.push(TEMPLATE_FILES[name]);
    texts[name] = own ?? shippedText(shipped, name);
  }
  return { templates: assemble((name) => texts[name]), found };
}

function assemble(text: (name: TemplateName) => string): Templates {
  return {
    reference: text('reference'),
    partials: { body: text('body') },
    changelog: text('changelog'),
    html: { reference: text('html'), partials: { body: text('htmlBody') }, style: text('style'), script: text('script') },
  };
}

function shippedText(templates: Templates, name: TemplateName): string {
  const html = templates.html!;
  const texts: Record<TemplateName, string> = {
    reference: templates.reference,
    body: templates.partials.body!,
    changelog: templates.changelog,
    html: html.reference,
    htmlBody: html.partials.body!,
    style: html.style,
    script: html.script,
  };
  return texts[name];
}
