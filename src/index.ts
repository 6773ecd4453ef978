/**
 * har2api as a library: build the model from HAR text, render it, diff two models.
 *
 * ```ts
 * import { buildModel, renderOutputs } from 'har2api';
 * const { model, diagnostics } = await buildModel([{ label: 'capture.har', text }]);
 * const files = await renderOutputs(model, ['markdown', 'json']);
 * ```
 */
export { buildModel, type BuildResult, type RunSettings } from './pipeline.js';
export { renderOutputs, FORMATS, OUTPUT_FILES, type Format, type OutputFile } from './render/index.js';
export type { InputFile } from './ingest/index.js';
export type { Options } from './options.js';
export type { Diagnostic, Severity, Place } from './diagnostics.js';
export { formatDiagnostic } from './diagnostics.js';
export { Har2ApiError, type ErrorCode } from './errors.js';
export { diffModels, loadSide, renderDiff, renderChangelog, parseIgnoreList, DIFF_FORMATS, type DiffFormat, type DiffOptions, type LoadedSide } from './diff/index.js';
export type { Change, ChangeArea, ChangeKind, ChangeLevel, ModelDiff, DiffSide } from './diff/change.js';
export * from './model.js';
