/**
 * The pipeline. Each capture is read twice, so that no pass needs the other's data in memory
 * and a capture of any size runs with flat memory (a big file is streamed again; a small one is
 * parsed once and replayed from memory, a long text re-ingested from its parsed entries):
 *
 *   1. survey:   ingest ─> learn secrets (from every entry) · capture window
 *                ─> select API traffic ─> keep method, path, status, response keys
 *   2. shape:    template paths (over all captures at once, on the original paths)
 *                ─> show templates, path examples and templating's diagnostics through the gate
 *   3. describe: read again only the entries kept ─> drop what no output shows ─> infer,
 *                endpoint by endpoint, on the original values ─[gate]─> ApiModel
 *
 * Redaction happens at one gate into the model (infer/gate.ts), after pass 1 has learned every
 * secret: each value the model keeps (an example, an enum member, a path-parameter example, a
 * key that is data, a header, query or form value, an event sample, a diagnostic quoting input)
 * is redacted there, with its context (key path, siblings, header/cookie/query name, place). The
 * model's text fields that hold captured values have a type only the gate makes (`Shown`), so a
 * new output path cannot skip it. Everything else is decided on the original values: types,
 * formats, enums, templating and auth, so redaction never changes what the reference says about
 * the API, and values no output shows are never scanned.
 */
import { randomBytes } from 'node:crypto';
import type { Context } from './context.js';
import type { Diagnostic } from './diagnostics.js';
import { Har2ApiError, isHar2ApiError } from './errors.js';
import type { Exchange, Payload } from './exchange.js';
import { type Capture, type InputFile, openCapture } from './ingest/index.js';
import { createEndpointAccumulator, type ShownGroup } from './infer/endpoint.js';
import { createFlowObserver, type FlowFacts } from './infer/flows/observe.js';
import { createGate, type Gate } from './infer/gate.js';
import type { SchemaRunner } from './infer/quicktype.js';
import { CookieContents } from './infer/request-example.js';
import { describeHostAuth } from './infer/host-auth.js';
import { assignResources } from './infer/resource.js';
import { type ApiModel, type Endpoint, type Host, MODEL_VERSION, type TrafficSummary } from './model.js';
import { type EndpointGroup, type PathSample, templatePaths } from './normalise/templates.js';
import { type Credential, CredentialSurvey } from './normalise/credentials.js';
import { LeftOutAccumulator } from './normalise/left-out.js';
import { ListedIds } from './normalise/listed-ids.js';
import { createMinimiser } from './normalise/minimise.js';
import { createTrafficFilter } from './normalise/traffic.js';
import { FilterUsage } from './normalise/unmatched.js';
import { responseShape, ShapeNeeds } from './normalise/trie.js';
import { type Options, type ResolvedOptions, resolveOptions } from './options.js';
import { createRedactor, type Redactor, unredactedSummary } from './redact/index.js';
import { resolveRedactionRules } from './redact/rules.js';

export interface BuildResult {
  model: ApiModel;
  diagnostics: Diagnostic[];
}

export interface RunSettings {
  /** Key for the redaction tag map; random per run when absent. Never written anywhere. */
  redactionKey?: Uint8Array;
  /** Called every thousand exchanges of each pass, for a progress display. */
  onProgress?: (progress: Progress) => void;
  /**
   * Where quicktype's schema inference runs; default in this thread. With a runner (the CLI's
   * worker thread), every body schema starts as soon as the last exchange is in, so it runs
   * while this thread finishes earlier endpoints. Per run: two runs in one process may differ.
   */
  schemaRunner?: SchemaRunner;
}

export interface Progress {
  /**
   * 1 reads and checks the captures and selects API traffic, 2 selects again (only after a
   * capture failed part-way), 3 reads the kept entries again and describes endpoints.
   */
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
  const redactor = resolved.redact ? createRedactor(settings.redactionKey ?? randomBytes(32), resolveRedactionRules(resolved)) : null;
  const gate = createGate(redactor);

  const { captures, window, selected } = await survey(inputs, ctx, redactor, settings, diagnostics);
  const shaped = await shape(captures, selected, ctx, gate, settings);
  const { endpoints, flows } = await describe(captures, shaped, gate, settings);

  const skipped = mergeCounts([...captures.map((c) => c.skipped), shaped.skipped]);
  const sources = captures.map((c) => c.source);
  const model: ApiModel = {
    modelVersion: MODEL_VERSION,
    title: resolved.title ?? deriveTitle(endpoints),
    sources,
    window,
    hosts: describeHosts(endpoints, shaped.schemes, shaped.apiRoots, flows),
    endpoints,
    traffic: { entries: sources.reduce((n, s) => n + s.entries, 0), used: shaped.kept.length, skipped, ...withIngestReasons(shaped.left, skipped) },
    redaction: redactor ? { ...redactor.summary(), report: gate.report() } : unredactedSummary(),
    links: flows.links,
  };
  if (endpoints.length === 0) ctx.report({ severity: 'warning', code: 'no-endpoints', message: noEndpointsMessage(model, resolved) });
  return { model, diagnostics };
}

/**
 * Pass 1: read every capture once (validating, counting), learn its secrets, find the window,
 * and select its API traffic. Selection is left undone (null) when a capture failed part-way
 * after some of its exchanges were selected: shape then selects again from the usable captures.
 */
async function survey(
  inputs: readonly InputFile[],
  ctx: Context,
  redactor: Redactor | null,
  settings: RunSettings,
  diagnostics: Diagnostic[],
): Promise<{ captures: Capture[]; window: ApiModel['window']; selected: Selection | null }> {
  const captures: Capture[] = [];
  const window: ApiModel['window'] = { start: null, end: null };
  const errors: Har2ApiError[] = [];
  let selection: Selection | null = createSelection(ctx.options);
  for (const input of inputs) {
    const capture = openCapture(input, ctx);
    const tick = ticker(1, input.label, settings);
    // A capture's window only counts once the whole file has proved usable.
    const own: ApiModel['window'] = { start: null, end: null };
    const selecting = selection?.capture();
    let yielded = false;
    try {
      for await (const exchange of capture.exchanges()) {
        yielded = true;
        redactor?.learn(exchange);
        widen(own, exchange.startedAt);
        selecting?.add(exchange);
        tick.step();
      }
      tick.end();
      if (capture.source.entries === 0)
        throw new Har2ApiError('E_EMPTY', 'the capture has no entries (log.entries is empty); record some traffic first', input.label);
      captures.push(capture);
      selecting?.end();
      widen(window, own.start);
      widen(window, own.end);
    } catch (error) {
      if (!isHar2ApiError(error)) throw error;
      if (yielded) selection = null;
      errors.push(error);
      diagnostics.push({ severity: 'error', code: error.code, message: error.message });
    }
  }
  if (captures.length === 0) {
    const [first, ...others] = errors;
    first!.others = others;
    throw first!;
  }
  return { captures, window, selected: selection };
}

interface Shaped {
  /** Kept exchanges in capture order, reduced to what templating reads (original paths). */
  kept: PathSample[];
  /** Per capture, the entry indices kept, in order. */
  keptEntries: number[][];
  /** Endpoint group of each kept exchange, by position in `kept`. */
  groupOf: Int32Array;
  groups: ShownGroup[];
  apiRoots: Record<string, string>;
  schemes: Map<string, Set<string>>;
  skipped: Record<string, number>;
  /** Credentials each kept exchange sent, by position in `kept` (decided on original values). */
  credentials: Credential[][];
  /** What selection left out, shown through the gate. */
  left: Pick<TrafficSummary, 'leftOut' | 'telemetry' | 'trackers'>;
  /** The values every request of the capture sent inside cookies (request examples leave out query values that echo one). */
  cookies: CookieContents;
}

/** API traffic selected from the captures, reduced to what templating and describing need. */
interface Selection {
  /** Starts a capture; its exchanges count once `end` says the whole capture was usable. */
  capture(): { add(exchange: Exchange): void; end(): void };
  kept: PathSample[];
  keptEntries: number[][];
  schemes: Map<string, Set<string>>;
  skipped: Record<string, number>;
  leftOut: LeftOutAccumulator;
  survey: CredentialSurvey;
  sent: Credential[][];
  usage: FilterUsage;
  listed: ListedIds;
  /** The values every request sent inside cookies, kept or not (request examples leave out query values that echo one). */
  cookies: CookieContents;
}

function createSelection(options: ResolvedOptions): Selection {
  const skipReason = createTrafficFilter(options);
  const shapes = new Map<string, Payload>();
  const needs = new ShapeNeeds();
  const hosts = new Map<string, string>();
  const sameList = interner();
  const ownHost = (host: string): string => {
    let own = hosts.get(host);
    if (own === undefined) hosts.set(host, (own = ownText(host)));
    return own;
  };
  const selection: Selection = {
    kept: [],
    keptEntries: [],
    schemes: new Map(),
    skipped: {},
    leftOut: new LeftOutAccumulator(),
    survey: new CredentialSurvey(),
    sent: [],
    usage: new FilterUsage(options),
    listed: new ListedIds(),
    cookies: new CookieContents(),
    capture() {
      const entries: number[] = [];
      return {
        add(exchange) {
          selection.usage.observe(exchange.url.host, exchange.url.path);
          selection.cookies.remember(exchange);
          const reason = skipReason(exchange);
          if (reason !== null) {
            selection.skipped[reason] = (selection.skipped[reason] ?? 0) + 1;
            selection.leftOut.add(reason, exchange);
            return;
          }
          selection.usage.observeKept(exchange.url.host, exchange.url.path);
          entries.push(exchange.entry);
          selection.kept.push(
            pathSample(
              exchange,
              ownHost(exchange.url.host),
              ownText(exchange.url.path),
              needs.needsShape(exchange.url.host, exchange.url.path) ? shapes : null,
            ),
          );
          selection.listed.add(exchange);
          selection.sent.push(sameList(selection.survey.add(exchange)));
          let set = selection.schemes.get(exchange.url.host);
          if (!set) selection.schemes.set(exchange.url.host, (set = new Set()));
          set.add(exchange.url.scheme);
        },
        end() {
          selection.keptEntries.push(entries);
        },
      };
    },
  };
  return selection;
}

/**
 * Pass 2: template paths over every kept exchange, on the original paths (a redaction guess
 * must never make a template); then show the templates through the gate. The selection comes
 * from pass 1; only when a capture failed part-way is it made again, from a read of the others.
 */
async function shape(captures: readonly Capture[], selected: Selection | null, ctx: Context, gate: Gate, settings: RunSettings): Promise<Shaped> {
  let selection = selected;
  if (selection === null) {
    selection = createSelection(ctx.options);
    for (const capture of captures) {
      const tick = ticker(2, capture.label, settings);
      const selecting = selection.capture();
      for await (const exchange of capture.exchanges()) {
        tick.step();
        selecting.add(exchange);
      }
      selecting.end();
    }
  }
  const { kept, keptEntries, schemes, skipped, leftOut, survey, sent, usage, listed, cookies } = selection;
  // Templating's diagnostics quote paths: they leave through the gate.
  const { groups: templated, apiRoots } = templatePaths(kept, { ...ctx, report: (d) => ctx.report(gate.diagnostic(d)) }, listed);
  const groups = templated.map((group) => showGroup(group, gate));
  const prefixes = groups.length > 0 ? [] : usage.seenPrefixes().map((p) => ({ host: p.host, path: gate.path(p.path) }));
  for (const d of usage.finish(
    groups.map((g) => ({ host: g.host, path: g.path })),
    prefixes,
  ))
    ctx.report(d);
  const position = new Map<PathSample, number>(kept.map((sample, i) => [sample, i]));
  const groupOf = new Int32Array(kept.length).fill(-1);
  templated.forEach((group, g) => {
    for (const sample of group.exchanges) groupOf[position.get(sample)!] = g;
  });
  // Lists are interned (`interner`): each distinct one is filtered once per host.
  const filtered = new Map<Credential[], Map<string, Credential[]>>();
  const credentials = sent.map((candidates, i) => {
    const host = kept[i]!.url.host;
    let byHost = filtered.get(candidates);
    if (byHost === undefined) filtered.set(candidates, (byHost = new Map()));
    let confirmed = byHost.get(host);
    if (confirmed === undefined) byHost.set(host, (confirmed = survey.credentialsOf(host, candidates)));
    return confirmed;
  });
  const left = showLeftOut(leftOut.finish(schemes.keys()), gate);
  return { kept, keptEntries, groupOf, groups, apiRoots, schemes, skipped, credentials, left, cookies };
}

/** Left-out evidence as the model shows it: example URLs and telemetry paths through the gate. */
function showLeftOut(left: ReturnType<LeftOutAccumulator['finish']>, gate: Gate): Shaped['left'] {
  const url = (hostPath: string) => {
    const slash = hostPath.indexOf('/');
    return slash === -1 ? hostPath : `${hostPath.slice(0, slash)}${gate.urlPath(hostPath.slice(slash))}`;
  };
  return {
    leftOut: left.leftOut.map((tally) => ({ ...tally, examples: tally.examples.map(url) })),
    telemetry: left.telemetry.map((call) => ({ ...call, path: gate.urlPath(call.path) })),
    trackers: left.trackers,
  };
}

/** Entries ingest could not use (no request, a bad URL) are left out too, without examples. */
function withIngestReasons(left: Shaped['left'], skipped: Record<string, number>): Shaped['left'] {
  const listed = new Set((left.leftOut ?? []).map((l) => l.reason));
  const more = Object.entries(skipped)
    .filter(([reason]) => !listed.has(reason))
    .map(([reason, count]) => ({ reason, count, examples: [] }));
  const leftOut = [...(left.leftOut ?? []), ...more].sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  return { ...left, leftOut };
}

/** A template as the model shows it: literal segments, examples and reasons through the gate. */
function showGroup(group: EndpointGroup<PathSample>, gate: Gate): ShownGroup {
  const segments = group.path.split('/');
  return {
    ...group,
    path: gate.path(group.path),
    pathParams: group.pathParams.map(({ example, ...param }) => {
      const shown = example === undefined ? undefined : gate.pathExample(example, segments[param.position] ?? '', param);
      return { ...param, ...(shown === undefined ? {} : { example: shown }), reason: gate.message(param.reason) };
    }),
  };
}

/**
 * What path templating reads of an exchange (method, host, path, status, the keys of a
 * successful JSON response) and nothing more, so a million of them fit in memory. Responses of
 * the same shape share one object; with no `shapes`, templating will not read this one's (`ShapeNeeds`).
 */
function pathSample(exchange: Exchange, host: string, path: string, shapes: Map<string, Payload> | null): PathSample {
  const { status, body } = exchange.response;
  let shape: Payload | null = null;
  if (shapes !== null && body !== null && body.content.kind === 'json' && status >= 200 && status <= 299) {
    const value = responseShape(body.content.value);
    const key = JSON.stringify(value);
    shape = shapes.get(key) ?? null;
    if (shape === null) shapes.set(key, (shape = { mediaType: body.mediaType, size: 0, content: { kind: 'json', value } }));
  }
  return { method: exchange.method, url: { host, path }, response: { status, body: shape } };
}

/**
 * One shared array per distinct list of credentials (they are the survey's own objects, so equal
 * lists hold the same ones): nearly every call of a capture sends the same few, and an array
 * made by pushing holds room for 17, so one per kept entry was most of what pass 1 keeps.
 */
function interner(): (list: Credential[]) => Credential[] {
  const ids = new Map<Credential, number>();
  const lists = new Map<string, Credential[]>();
  return (list) => {
    let key = '';
    for (const credential of list) {
      let id = ids.get(credential);
      if (id === undefined) ids.set(credential, (id = ids.size));
      key += `${id},`;
    }
    let same = lists.get(key);
    if (same === undefined) lists.set(key, (same = list.slice()));
    return same;
  };
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * A copy of a URL part that holds only its own characters. A part split off a URL by a pattern
 * (ingest/url.ts) is, in V8, a slice that keeps the whole URL, query and all, alive; a path
 * sample lives to the end of the run, one per kept entry of a capture of any size, so it holds
 * copies (of hosts, which repeat, one each). URL parts are ASCII: the parser escapes the rest.
 */
function ownText(text: string): string {
  return ASCII.test(text) ? Buffer.from(text, 'latin1').toString('latin1') : text;
}

/**
 * Pass 3: drop what no output shows and feed each exchange, with its original values, to its
 * endpoint's accumulator, which keeps bounded evidence, shows what it keeps through the gate,
 * and lets the exchange go.
 */
async function describe(captures: readonly Capture[], shaped: Shaped, gate: Gate, settings: RunSettings): Promise<{ endpoints: Endpoint[]; flows: FlowFacts }> {
  const resources = assignResources(shaped.groups, shaped.apiRoots);
  const accumulators = shaped.groups.map((group, g) =>
    createEndpointAccumulator(group, gate, { resource: resources[g], cookies: shaped.cookies, schemaRunner: settings.schemaRunner }),
  );
  const flowEndpoints = shaped.groups.map((g) => ({ key: `${g.method} ${g.host} ${g.path}`, host: g.host, pathParams: g.pathParams }));
  // Flows compare the original values and keep only names and counts (infer/flows/observe.ts).
  const flows = createFlowObserver();
  const minimise = createMinimiser();
  let seq = 0;
  for (const [c, capture] of captures.entries()) {
    const entries = shaped.keptEntries[c]!;
    let next = 0;
    const tick = ticker(3, capture.label, settings);
    for await (const exchange of capture.exchanges(entries)) {
      tick.step();
      if (next >= entries.length || exchange.entry !== entries[next]) continue;
      next++;
      const credentials = shaped.credentials[seq]!;
      const group = shaped.groupOf[seq++]!;
      flows.observe(exchange, flowEndpoints[group]!);
      accumulators[group]!.add(minimise(exchange), credentials);
    }
  }
  // Every body schema starts now (on quicktype's thread, when it has one); each endpoint then
  // finishes in order, so the gate sees its values in the same order as ever.
  for (const accumulator of accumulators) accumulator.prepare();
  const endpoints: Endpoint[] = [];
  for (const accumulator of accumulators) endpoints.push(await accumulator.finish());
  return { endpoints, flows: flows.finish() };
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

function describeHosts(
  endpoints: readonly Endpoint[],
  schemes: ReadonlyMap<string, Set<string>>,
  apiRoots: Readonly<Record<string, string>>,
  flows: FlowFacts,
): Host[] {
  const hosts = new Map<string, Host>();
  const byHost = new Map<string, Endpoint[]>();
  for (const endpoint of endpoints) {
    const list = byHost.get(endpoint.host);
    if (list) list.push(endpoint);
    else byHost.set(endpoint.host, [endpoint]);
  }
  for (const endpoint of endpoints) {
    const seen = [...(schemes.get(endpoint.host) ?? [])].sort();
    const apiRoot = apiRoots[endpoint.host] ?? '';
    const host = hosts.get(endpoint.host) ?? {
      name: endpoint.host,
      schemes: seen,
      apiRoot,
      endpoints: 0,
      observed: 0,
      baseUrl: `${baseScheme(seen)}://${endpoint.host}${apiRoot}`,
      auth: describeHostAuth(endpoint.host, byHost.get(endpoint.host)!, flows),
    };
    host.endpoints++;
    host.observed += endpoint.observed;
    hosts.set(endpoint.host, host);
  }
  return [...hosts.values()].sort((a, b) => b.observed - a.observed || (a.name < b.name ? -1 : 1));
}

/** `https` when the host was reached over TLS (also for `wss`) or the scheme is unknown, else `http`. */
function baseScheme(schemes: readonly string[]): string {
  return schemes.length === 0 || schemes.some((s) => s === 'https' || s === 'wss') ? 'https' : 'http';
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
