/**
 * The Markdown templates shipped in `templates/`, read once from beside the package. This is
 * the renderer's only I/O and happens before any rendering.
 */
import { readFileSync } from 'node:fs';

export interface Templates {
  reference: string;
  partials: Record<string, string>;
}

const TEMPLATE_DIR = new URL('../../templates/', import.meta.url);

export function loadTemplates(dir: URL = TEMPLATE_DIR): Templates {
  const read = (name: string): string => readTemplate(name, dir);
  return { reference: read('reference.md.hbs'), partials: { body: read('body.md.hbs') } };
}

/** One template file by name, for renderers with a template of their own (the diff changelog). */
export function readTemplate(name: string, dir: URL = TEMPLATE_DIR): string {
  return readFileSync(new URL(name, dir), 'utf8');
}
