/**
 * What every stage receives besides its input: the resolved options and a way to report
 * diagnostics. Built once per run by the pipeline; stages keep no state of their own.
 */
import type { Report } from './diagnostics.js';
import type { ResolvedOptions } from './options.js';

export interface Context {
  readonly options: ResolvedOptions;
  readonly report: Report;
}
