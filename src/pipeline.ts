/**
 * The pipeline, in order:
 *
 *   ingest ─> select API traffic ─> redact ─> template paths ─> infer ─> ApiModel
 *
 * Selection runs before redaction although DESIGN draws redaction first: it reads only the
 * method, URL, resource type and media type and reports only counts, so no value can leak
 * through it, and it spares redaction from scanning megabytes of scripts that are dropped anyway.
 * Everything here is pure; the random redaction key is made once per run by `buildModel`.
 */
import { randomBytes } from 'node:crypto';
import type { Context } from './context.js';
import type { Diagnostic } from './diagnostics.js';
import { Har2ApiError, isHar2ApiError } from './errors.js';
import type { Exchange } from './exchange.js';
import { type Ingested, type InputFile, ingestHar } from './ingest/index.js';
import { inferEndpoint } from './infer/endpoint.js';
import { type ApiModel, type Endpoint, type Host, MODEL_VERSION, type Source } from './model.js';
import { templatePaths } from './normalise/templates.js';
import { selectTraffic } from './normalise/traffic.js';
import { type Options, type ResolvedOptions, resolveOptions } from './options.js';
import { redactExchanges, unredactedSummary } from './redact/index.js';

export interface BuildResult {
  model: ApiModel;
  diagnostics: Diagnostic[];
}

export interface RunSettings {
  /** Key for the redaction tag map; random per run when absent. Never written anywhere. */
  redactionKey?: Uint8Array;
  /** Called now and then while a streamed capture is read, with the entries read so far. */
  onEntries?: (file: string, entries: number) => void;
}

/**
 * Builds the model from one or more captures. A file that is not a usable HAR becomes an error
 * diagnostic and the others still count; when no file is usable, its error is thrown.
 */
export async function buildModel(inputs: readonly InputFile[], options: Options = {}, settings: RunSettings = {}): Promise<BuildResult> {
  if (inputs.length === 0) throw new Har2ApiError('E_NO_INPUT', 'no input captures were given');
  const resolved = resolveOptions(options);
  const diagnostics: Diagnostic[] = [];
  const ctx: Context = { options: resolved, report: (d) => diagnostics.push(d) };

  const ingested: Ingested[] = [];
  let firstError: Har2ApiError | undefined;
  for (const input of inputs) {
    try {
      const onEntries = settings.onEntries;
      const result = await ingestHar(input, ctx, onEntries && ((n) => onEntries(input.label, n)));
      if (result.source.entries === 0) throw new Har2ApiError('E_EMPTY', 'the capture has no entries (log.entries is empty); record some traffic first', input.label);
      ingested.push(result);
    } catch (error) {
      if (!isHar2ApiError(error)) throw error;
      firstError ??= error;
      diagnostics.push({ severity: 'error', code: error.code, message: error.message });
    }
  }
  if (ingested.length === 0) throw firstError!;
  return { model: await modelFromIngested(ingested, ctx, settings.redactionKey ?? randomBytes(32)), diagnostics };
}

/** The stages after ingest, shared by the whole-file and the streaming readers. */
export async function modelFromIngested(ingested: readonly Ingested[], ctx: Context, redactionKey: Uint8Array): Promise<ApiModel> {
  const all = ingested.flatMap((i) => i.exchanges);
  const selected = selectTraffic(all, ctx.options);
  const redaction = ctx.options.redact ? redactExchanges(selected.exchanges, redactionKey, all) : { exchanges: selected.exchanges, summary: unredactedSummary() };
  const { groups, apiRoots } = templatePaths(redaction.exchanges, ctx);
  const endpoints: Endpoint[] = [];
  for (const group of groups) endpoints.push(await inferEndpoint(group));

  const skipped = mergeCounts([...ingested.map((i) => i.skipped), selected.skipped]);
  const sources: Source[] = ingested.map((i) => i.source);
  const model: ApiModel = {
    modelVersion: MODEL_VERSION,
    title: ctx.options.title ?? deriveTitle(endpoints),
    sources,
    window: captureWindow(all),
    hosts: describeHosts(endpoints, redaction.exchanges, apiRoots),
    endpoints,
    traffic: { entries: sources.reduce((n, s) => n + s.entries, 0), used: redaction.exchanges.length, skipped },
    redaction: redaction.summary,
  };
  if (endpoints.length === 0) {
    ctx.report({ severity: 'warning', code: 'no-endpoints', message: noEndpointsMessage(model, ctx.options) });
  }
  return model;
}

function captureWindow(exchanges: readonly Exchange[]): ApiModel['window'] {
  let start: string | null = null;
  let end: string | null = null;
  for (const { startedAt } of exchanges) {
    if (startedAt === null) continue;
    if (start === null || startedAt < start) start = startedAt;
    if (end === null || startedAt > end) end = startedAt;
  }
  return { start, end };
}

function describeHosts(endpoints: readonly Endpoint[], exchanges: readonly Exchange[], apiRoots: Readonly<Record<string, string>>): Host[] {
  const schemes = new Map<string, Set<string>>();
  for (const exchange of exchanges) {
    const set = schemes.get(exchange.url.host) ?? new Set<string>();
    set.add(exchange.url.scheme);
    schemes.set(exchange.url.host, set);
  }
  const hosts = new Map<string, Host>();
  for (const endpoint of endpoints) {
    const host = hosts.get(endpoint.host) ?? { name: endpoint.host, schemes: [...(schemes.get(endpoint.host) ?? [])].sort(), apiRoot: apiRoots[endpoint.host] ?? '', endpoints: 0, observed: 0 };
    host.endpoints++;
    host.observed += endpoint.observed;
    hosts.set(endpoint.host, host);
  }
  return [...hosts.values()].sort((a, b) => b.observed - a.observed || (a.name < b.name ? -1 : 1));
}

function deriveTitle(endpoints: readonly Endpoint[]): string {
  const counts = new Map<string, number>();
  for (const e of endpoints) counts.set(e.host, (counts.get(e.host) ?? 0) + e.observed);
  const main = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  return main ? `${main} API reference` : 'API reference';
}

function mergeCounts(records: readonly Record<string, number>[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const record of records) for (const [key, n] of Object.entries(record)) merged[key] = (merged[key] ?? 0) + n;
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function noEndpointsMessage(model: ApiModel, options: ResolvedOptions): string {
  const reasons = Object.entries(model.traffic.skipped).map(([reason, n]) => `${reason} ${n}`).join(', ');
  const hint = options.all ? 'check --host/--include/--exclude' : 'use --all to keep static assets, documents and telemetry';
  return `no API endpoints found in ${model.traffic.entries} entries${reasons ? ` (skipped: ${reasons})` : ''}; ${hint}`;
}
