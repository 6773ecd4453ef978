/**
 * Renderers: the model to output files. Each format reads only the model; the Markdown templates
 * come in as text (the caller loads them: load/templates.ts), so rendering touches no file.
 */
import type { ApiModel } from '../model.js';
import { loadTemplateRuntime } from './handlebars.js';
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

/** Renders a format elsewhere (the CLI renders types.ts on its quicktype thread), or `undefined`: here. */
export type RenderElsewhere = (format: Format) => Promise<string> | undefined;

export async function renderOutputs(
  model: ApiModel,
  formats: readonly Format[],
  templates: ReferenceTemplates,
  elsewhere?: RenderElsewhere,
): Promise<OutputFile[]> {
  const wanted = FORMATS.filter((format) => formats.includes(format));
  // The formats rendered elsewhere start first, this thread renders the rest meanwhile, and only
  // then waits for them. Each result is kept settled, so a failure surfaces in format order, as
  // when they were rendered one after the other (and one elsewhere never goes unhandled).
  const settled = (content: Promise<string>): Promise<Settled> =>
    content.then(
      (text) => ({ text }),
      (error: unknown) => ({ error }),
    );
  const results = new Map<Format, Settled | Promise<Settled>>();
  for (const format of wanted) {
    const content = elsewhere?.(format);
    if (content) results.set(format, settled(content));
  }
  if (wanted.some((format) => (format === 'markdown' || format === 'html') && !results.has(format))) await loadTemplateRuntime();
  for (const format of wanted) if (!results.has(format)) results.set(format, await settled(renderFormat(model, format, templates)));
  const outputs: OutputFile[] = [];
  for (const format of wanted) {
    const result = await results.get(format)!;
    if ('error' in result) throw result.error;
    outputs.push({ name: OUTPUT_FILES[format], content: result.text });
  }
  return outputs;
}

type Settled = { text: string } | { error: unknown };

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
