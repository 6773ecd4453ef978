/**
 * har2api as a library: build the model from HAR text, render it, diff two models.
 *
 * ```ts
 * import { buildModel, renderOutputs } from 'har2api';
 * const { model, diagnostics } = await buildModel([{ label: 'capture.har', text }]);
 * const files = await renderOutputs(model, ['markdown', 'json']);
 * ```
 *
 * This entry is an edge, like the CLI: `renderOutputs`, `renderDiff` and `renderChangelog` here
 * use the Markdown templates shipped in `templates/` unless given others (`loadTemplates()`
 * returns the shipped ones to start from); the renderers behind them never read a file.
 */
import type { ModelDiff } from './diff/change.js';
import { type DiffFormat, renderChangelog as renderChangelogWith, renderDiff as renderDiffWith } from './diff/changelog.js';
import { loadTemplates } from './load/templates.js';
import type { ApiModel } from './model.js';
import { type Format, type OutputFile, renderOutputs as renderOutputsWith } from './render/index.js';
import type { ReferenceTemplates } from './render/templates.js';

/** The output files of `formats` (`reference.md`, `model.json`, …), in a fixed order. */
export function renderOutputs(model: ApiModel, formats: readonly Format[], templates: ReferenceTemplates = loadTemplates()): Promise<OutputFile[]> {
  return renderOutputsWith(model, formats, templates);
}

/** A diff as a Markdown changelog or JSON; `template` is the changelog's Handlebars source. */
export function renderDiff(diff: ModelDiff, format: DiffFormat, template: string = loadTemplates().changelog): string {
  return renderDiffWith(diff, format, template);
}

export function renderChangelog(diff: ModelDiff, template: string = loadTemplates().changelog): string {
  return renderChangelogWith(diff, template);
}

export { buildModel, type BuildResult, type RunSettings } from './pipeline.js';
export type { SchemaRunner } from './infer/quicktype.js';
export { FORMATS, OUTPUT_FILES, type Format, type OutputFile } from './render/index.js';
export { loadTemplates } from './load/templates.js';
export type { ReferenceTemplates, Templates } from './render/templates.js';
export { loadSide, type LoadedSide } from './load/side.js';
export { applyOverlays, parseOverlay, readOverlay, starterOverlay, type Overlay, type OverlayAction } from './overlay/index.js';
export type { InputFile } from './ingest/index.js';
export type { Options } from './options.js';
export type { Diagnostic, Severity, Place } from './diagnostics.js';
export { formatDiagnostic } from './diagnostics.js';
export { Har2ApiError, type ErrorCode } from './errors.js';
export { diffModels, parseIgnoreList, DIFF_FORMATS, type DiffFormat, type DiffOptions } from './diff/index.js';
export type { Change, ChangeArea, ChangeKind, ChangeLevel, ModelDiff, DiffSide } from './diff/change.js';
export * from './model.js';
