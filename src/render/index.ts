/**
 * Renderers: the model to output files. Each format reads only the model.
 */
import type { ApiModel } from '../model.js';
import { renderMarkdown } from './markdown.js';
import { loadTemplates } from './templates.js';

export const FORMATS = ['markdown', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const OUTPUT_FILES: Record<Format, string> = {
  markdown: 'reference.md',
  json: 'model.json',
};

export interface OutputFile {
  /** File name inside the output folder. */
  name: string;
  content: string;
}

export async function renderOutputs(model: ApiModel, formats: readonly Format[]): Promise<OutputFile[]> {
  const outputs: OutputFile[] = [];
  for (const format of FORMATS) {
    if (!formats.includes(format)) continue;
    outputs.push({ name: OUTPUT_FILES[format], content: await renderFormat(model, format) });
  }
  return outputs;
}

async function renderFormat(model: ApiModel, format: Format): Promise<string> {
  switch (format) {
    case 'markdown':
      return renderMarkdown(model, loadTemplates());
    case 'json':
      return `${JSON.stringify(model, null, 2)}\n`;
  }
}
