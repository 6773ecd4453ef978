/**
 * The pipeline. Each capture is read three times, so that no pass needs the others' data in
 * memory and a capture of any size runs with flat memory (a big file is streamed again each time;
 * a small one is parsed once and replayed from memory):
 *
 *   1. survey:   ingest ─> learn secrets (from every entry) · capture window
 *   2. shape:    select API traffic ─> redact URL paths ─> keep method, path, status, response keys
 *                ─> template paths (over all captures at once)
 *   3. describe: drop what no output shows ─> redact the rest, in capture order
 *                ─> infer, endpoint by endpoint ─> ApiModel
 *
 * Redaction still happens once per value and before anything downstream sees it: URL paths in
 * pass 2, everything else in pass 3, both after every secret has been learned in pass 1. The one
 * thing read before redaction is the key names of successful JSON responses, which templating
 * compares between sibling paths and never outputs.
 * Selection runs before redaction although DESIGN draws redaction first: it reads only the
 * method, URL, resource type and media type and reports only counts, so no value can leak
 * through it, and it spares redaction from scanning megabytes of scripts that are dropped anyway.
 */
import { randomBytes } from 'node:crypto';
import type { Context } from './context.js';
import type { Diagnostic } from './diagnostics.js';
import { Har2ApiError, isHar2ApiError } from './errors.js';
import type { Exchange, Payload } from './exchange.js';
import { type Capture, type InputFile, openCapture } from './ingest/index.js';
import { createEndpointAccumulator } from './infer/endpoint.js';
import { type ApiModel, type Endpoint, type Host, MODEL_VERSION } from './model.js';
import { type EndpointGroup, type PathSample, templatePaths } from './normalise/templates.js';
import { type Credential, CredentialSurvey } from './normalise/credentials.js';
import { minimiseExchange } from './normalise/minimise.js';
import { createTrafficFilter } from './normalise/traffic.js';
import { responseShape } from './normalise/trie.js';
import { type Options, type ResolvedOptions, resolveOptions } from './options.js';
import { createRedactor, type Redactor, unredactedSummary } from './redact/index.js';

export interface BuildResult {
  model: ApiModel;
  diagnostics: Diagnostic[];
}

export interface RunSettings {
  /** Key for the redaction tag map; random per run when absent. Never written anywhere. */
  redactionKey?: Uint8Array;
  /** Called every thousand exchanges of each pass, for a progress display. */
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  /** 1 reads and checks the captures, 2 templates paths, 3 redacts and describes endpoints. */
  pass: 1 | 2 | 3;
  file: string;
  /** Exchanges of this file done in this pass. */
  exchanges: number;
}

/**
 * Builds the model from one or more captures. A file that is not a usable HAR becomes an error
 * diagnostic and the others still count; when no file is usable, the first one's error is thrown,
 * the others' errors in its `others`.
 */
export async function buildModel(inputs: readonly InputFile[], options: Options = {}, settings: RunSettings = {}): Promise<BuildResult> {
  if (inputs.length === 0) throw new Har2ApiError('E_NO_INPUT', 'no input captures were given');
  const resolved = resolveOptions(options);
  const diagnostics: Diagnostic[] = [];
  const ctx: Context = { options: resolved, report: (d) => diagnostics.push(d) };
  const redactor = resolved.redact ? createRedactor(settings.redactionKey ?? randomBytes(32)) : null;

  const { captures, window } = await survey(inputs, ctx, redactor, settings, diagnostics);
  const shaped = await shape(captures, ctx, redactor, settings);
  const endpoints = await describe(captures, shaped, redactor, settings);

  const skipped = mergeCounts([...captures.map((c) => c.skipped), shaped.skipped]);
  const sources = captures.map((c) => c.source);
  const model: ApiModel = {
    modelVersion: MODEL_VERSION,
    title: resolved.title ?? deriveTitle(endpoints),
    sources,
    window,
    hosts: describeHosts(endpoints, shaped.schemes, shaped.apiRoots),
    endpoints,
    traffic: { entries: sources.reduce((n, s) => n + s.entries, 0), used: shaped.kept.length, skipped },
    redaction: redactor ? redactor.summary() : unredactedSummary(),
  };
  if (endpoints.length === 0) ctx.report({ severity: 'warning', code: 'no-endpoints', message: noEndpointsMessage(model, resolved) });
  return { model, diagnostics };
}

/** Pass 1: read every capture once (validating, counting), learn its secrets, find the window. */
async function survey(
  inputs: readonly InputFile[],
  ctx: Context,
  redactor: Redactor | null,
  settings: RunSettings,
  diagnostics: Diagnostic[],
): Promise<{ captures: Capture[]; window: ApiModel['window'] }> {
  const captures: Capture[] = [];
  const window: ApiModel['window'] = { start: null, end: null };
  const errors: Har2ApiError[] = [];
  for (const input of inputs) {
    const capture = openCapture(input, ctx);
    const tick = ticker(1, input.label, settings);
    // A capture's window only counts once the whole file has proved usable.
    const own: ApiModel['window'] = { start: null, end: null };
    try {
      for await (const exchange of capture.exchanges()) {
        redactor?.learn(exchange);
        widen(own, exchange.startedAt);
        tick.step();
      }
      tick.end();
      if (capture.source.entries === 0)
        throw new Har2ApiError('E_EMPTY', 'the capture has no entries (log.entries is empty); record some traffic first', input.label);
      captures.push(capture);
      widen(window, own.start);
      widen(window, own.end);
    } catch (error) {
      if (!isHar2ApiError(error)) throw error;
      errors.push(error);
      diagnostics.push({ severity: 'error', code: error.code, message: error.message });
    }
  }
  if (captures.length === 0) {
    const [first, ...others] = errors;
    first!.others = others;
    throw first!;
  }
  return { captures, window };
}

interface Shaped {
  /** Kept exchanges in capture order, reduced to what templating reads, with redacted paths. */
  kept: PathSample[];
  /** Per capture, the entry indices kept, in order. */
  keptEntries: number[][];
  /** Endpoint group of each kept exchange, by position in `kept`. */
  groupOf: Int32Array;
  groups: EndpointGroup<PathSample>[];
  apiRoots: Record<string, string>;
  schemes: Map<string, Set<string>>;
  skipped: Record<string, number>;
  /** Credentials each kept exchange sent, by position in `kept` (decided on original values). */
  credentials: Credential[][];
}

/** Pass 2: select API traffic, redact URL paths, and template paths over every kept exchange. */
async function shape(captures: readonly Capture[], ctx: Context, redactor: Redactor | null, settings: RunSettings): Promise<Shaped> {
  const skipReason = createTrafficFilter(ctx.options);
  const kept: PathSample[] = [];
  const keptEntries: number[][] = [];
  const schemes = new Map<string, Set<string>>();
  const skipped: Record<string, number> = {};
  const shapes = new Map<string, Payload>();
  const survey = new CredentialSurvey();
  const sent: Credential[][] = [];
  for (const capture of captures) {
    const entries: number[] = [];
    const tick = ticker(2, capture.label, settings);
    for await (const exchange of capture.exchanges()) {
      tick.step();
      const reason = skipReason(exchange);
      if (reason !== null) {
        skipped[reason] = (skipped[reason] ?? 0) + 1;
        continue;
      }
      entries.push(exchange.entry);
      kept.push(pathSample(exchange, redactor ? redactor.redactPath(exchange) : exchange.url.path, shapes));
      sent.push(survey.add(exchange));
      let set = schemes.get(exchange.url.host);
      if (!set) schemes.set(exchange.url.host, (set = new Set()));
      set.add(exchange.url.scheme);
    }
    keptEntries.push(entries);
  }
  const { groups, apiRoots } = templatePaths(kept, ctx);
  const position = new Map<PathSample, number>(kept.map((sample, i) => [sample, i]));
  const groupOf = new Int32Array(kept.length).fill(-1);
  groups.forEach((group, g) => {
    for (const sample of group.exchanges) groupOf[position.get(sample)!] = g;
  });
  const credentials = sent.map((candidates, i) => survey.credentialsOf(kept[i]!.url.host, candidates));
  return { kept, keptEntries, groupOf, groups, apiRoots, schemes, skipped, credentials };
}

/**
 * What path templating reads of an exchange (method, host, redacted path, status, the keys of a
 * successful JSON response) and nothing more, so a million of them fit in memory. Responses of
 * the same shape share one object.
 */
function pathSample(exchange: Exchange, path: string, shapes: Map<string, Payload>): PathSample {
  const { status, body } = exchange.response;
  let shape: Payload | null = null;
  if (body !== null && body.content.kind === 'json' && status >= 200 && status <= 299) {
    const value = responseShape(body.content.value);
    const key = JSON.stringify(value);
    shape = shapes.get(key) ?? null;
    if (shape === null) shapes.set(key, (shape = { mediaType: body.mediaType, size: 0, content: { kind: 'json', value } }));
  }
  return { method: exchange.method, url: { host: exchange.url.host, path }, response: { status, body: shape } };
}

/**
 * Pass 3: drop what no output shows, redact everything but the URL, in capture order, and feed
 * each exchange to its endpoint's accumulator, which keeps bounded evidence and lets it go.
 */
async function describe(captures: readonly Capture[], shaped: Shaped, redactor: Redactor | null, settings: RunSettings): Promise<Endpoint[]> {
  const accumulators = shaped.groups.map(({ exchanges: _, ...group }) => createEndpointAccumulator(group));
  let seq = 0;
  for (const [c, capture] of captures.entries()) {
    const entries = shaped.keptEntries[c]!;
    let next = 0;
    const tick = ticker(3, capture.label, settings);
    for await (const exchange of capture.exchanges()) {
      tick.step();
      if (next >= entries.length || exchange.entry !== entries[next]) continue;
      next++;
      const path = shaped.kept[seq]!.url.path;
      const credentials = shaped.credentials[seq]!;
      const group = shaped.groupOf[seq++]!;
      const minimised = minimiseExchange(exchange);
      accumulators[group]!.add(redactor ? redactor.redact(minimised, path) : minimised, credentials);
    }
  }
  const endpoints: Endpoint[] = [];
  for (const accumulator of accumulators) endpoints.push(await accumulator.finish());
  return endpoints;
}

/** Counts exchanges and reports progress every thousand, and once more at the end of the pass. */
function ticker(pass: Progress['pass'], file: string, settings: RunSettings): { step(): void; end(): void } {
  const report = settings.onProgress;
  let exchanges = 0;
  return {
    step() {
      if (++exchanges % 1000 === 0) report?.({ pass, file, exchanges });
    },
    end() {
      report?.({ pass, file, exchanges });
    },
  };
}

function widen(window: ApiModel['window'], time: string | null): void {
  if (time === null) return;
  if (window.start === null || time < window.start) window.start = time;
  if (window.end === null || time > window.end) window.end = time;
}

function describeHosts(endpoints: readonly Endpoint[], schemes: ReadonlyMap<string, Set<string>>, apiRoots: Readonly<Record<string, string>>): Host[] {
  const hosts = new Map<string, Host>();
  for (const endpoint of endpoints) {
    const host = hosts.get(endpoint.host) ?? {
      name: endpoint.host,
      schemes: [...(schemes.get(endpoint.host) ?? [])].sort(),
      apiRoot: apiRoots[endpoint.host] ?? '',
      endpoints: 0,
      observed: 0,
    };
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

/** Selection's reasons: only these can change with the flags (the others are unusable entries). */
const FILTERED = ['host-filter', 'path-filter'];
const LEFT_OUT = ['cors-preflight', 'telemetry', 'static-asset', 'document'];

function noEndpointsMessage(model: ApiModel, options: ResolvedOptions): string {
  const skipped = model.traffic.skipped;
  const reasons = Object.entries(skipped)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
  const hint = FILTERED.some((r) => skipped[r])
    ? 'check --host/--include/--exclude'
    : !options.all && LEFT_OUT.some((r) => skipped[r])
      ? 'use --all to keep static assets, documents and telemetry'
      : 'no entry is a usable HTTP exchange';
  return `no API endpoints found in ${model.traffic.entries} entries${reasons ? ` (skipped: ${reasons})` : ''}; ${hint}`;
}
