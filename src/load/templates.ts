/**
 * The Markdown templates shipped in `templates/`, read from beside the package. This is the
 * library's edge: renderers take template text as an argument and never touch files; the CLI
 * and the library entry (index.ts) load them here and pass them in.
 */
import { readFileSync } from 'node:fs';
import type { Templates } from '../render/templates.js';

const TEMPLATE_DIR = new URL('../../templates/', import.meta.url);

/** Every shipped template, or the same names from another folder. */
export function loadTemplates(dir: URL = TEMPLATE_DIR): Templates {
  const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');
  return { reference: read('reference.md.hbs'), partials: { body: read('body.md.hbs') }, changelog: read('changelog.md.hbs') };
}
