/**
 * Renderers: the model to output files. Each format reads only the model; the Markdown templates
 * come in as text (the caller loads them: load/templates.ts), so rendering touches no file.
 */
import type { ApiModel } from '../model.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { buildCatalog } from './openapi/catalog.js';
import { buildOpenApi, renderOpenApi } from './openapi/document.js';
import type { ReferenceTemplates } from './templates.js';
import { renderTypes } from './types.js';

export const FORMATS = ['markdown', 'json', 'openapi', 'openapi-yaml', 'types', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export const OUTPUT_FILES: Record<Format, string> = {
  markdown: 'reference.md',
  json: 'model.json',
  openapi: 'openapi.json',
  'openapi-yaml': 'openapi.yaml',
  types: 'types.ts',
  html: 'reference.html',
};

export interface OutputFile {
  /** File name inside the output folder. */
  name: string;
  content: string;
}

export async function renderOutputs(model: ApiModel, formats: readonly Format[], templates: ReferenceTemplates): Promise<OutputFile[]> {
  const outputs: OutputFile[] = [];
  for (const format of FORMATS) {
    if (!formats.includes(format)) continue;
    outputs.push({ name: OUTPUT_FILES[format], content: await renderFormat(model, format, templates) });
  }
  return outputs;
}

async function renderFormat(model: ApiModel, format: Format, templates: ReferenceTemplates): Promise<string> {
  switch (format) {
    case 'markdown':
      return renderMarkdown(model, templates);
    case 'json':
      return `${JSON.stringify(model, null, 2)}\n`;
    case 'openapi':
      return renderOpenApi(model);
    case 'openapi-yaml': {
      // The same document as openapi.json, written as YAML (the library loads only when asked for).
      const { toYaml } = await import('../yaml.js');
      return toYaml(buildOpenApi(model, (await buildCatalog(model)).catalog));
    }
    case 'types':
      return renderTypes(model);
    case 'html':
      return renderHtml(model, templates);
  }
}
