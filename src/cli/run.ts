/**
 * The command line: parse flags, read inputs, call the library, write outputs, print
 * diagnostics, return an exit code. No logic of its own beyond that. `runCli` is the single
 * entry: it picks the subcommand (`diff`, in `diff.ts`, or the default convert command here)
 * and maps every failure to an exit code.
 *
 * Exit codes: 0 done, 1 bad input / stale output / diff failed its gate, 2 usage error.
 */
import { isAbsolute, join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { Har2ApiError, isHar2ApiError } from '../errors.js';
import { handOver } from '../ingest/hand-over.js';
import type { InputFile } from '../ingest/index.js';
import { loadTemplates } from '../load/templates.js';
import type { Options } from '../options.js';
import type { BuildResult } from '../pipeline.js';
import { FORMATS, type Format, renderOutputs } from '../render/index.js';
import { redactionLine, redactionReport } from '../render/redaction-text.js';
import { COMPLETIONS_FLAG, printCompletionScript, printCompletions } from './completion.js';
import { type KnownOptions, parseWithSettings, type Settings } from './config.js';
import { findOverlays, OVERLAY_FILE } from './overlays.js';
import { parser as diffParser, runDiff } from './diff.js';
import { unifiedDiff } from './unified-diff.js';
import { expandInputs, inputLabels, readInput, refuseOutputsOverInputs, STREAM_THRESHOLD_BYTES } from './inputs.js';
import type { Io } from './io.js';
import { asOneLine, printDiagnostics } from './print.js';
import { SELECTION_VALUE_FLAGS, type SelectionFlags, selectionOptions, withSelectionFlags } from './selection.js';
import { createProgress } from './progress.js';
import { customTemplates } from './templates.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, isUsageError, listOption, markStdin, unmarkStdin } from './usage.js';
import { createParser, knownOptions, withConventions } from './yargs.js';
import { quicktypeThread, stopQuicktypeThread } from './quicktype-thread.js';

export { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './usage.js';

const VALUE_FLAGS = new Set(['-o', '--out', '-f', '--format', '--title', '--templates', '--overlay', '--write-overlay', ...SELECTION_VALUE_FLAGS]);

interface ConvertArgs extends SelectionFlags {
  har: string[];
  out: string;
  format: string[];
  title?: string;
  templates?: string;
  overlay?: (string | boolean)[] | boolean;
  writeOverlay?: string;
  check: boolean;
  explain: boolean;
  redactionReport: boolean;
  redact: boolean;
  quiet: boolean;
  verbose: boolean;
}

export function parser(argv: readonly string[]) {
  const list = listOption;
  const outputs = createParser(argv)
    .scriptName('har2api')
    .usage(
      '$0 <har...> [options]\n$0 diff <old> <new> [options]   what changed between two captures (har2api diff --help)\n\nTurn HAR captures into an API reference (Markdown, JSON model, OpenAPI 3.1, TypeScript types).',
    )
    .command('$0 <har..>', false, (y) => y.positional('har', { type: 'string', array: true, describe: 'HAR files, directories, globs, or - for stdin' }))
    .option('out', { alias: 'o', type: 'string', nargs: 1, default: 'out', describe: 'Output folder (- writes a single format to stdout)' })
    .option('format', {
      alias: 'f',
      type: 'string',
      array: true,
      default: ['markdown'],
      coerce: list,
      describe: `Formats, comma-separated: ${FORMATS.join(', ')}`,
    })
    .option('title', { type: 'string', describe: 'Reference title (default: derived from the main host)' })
    .option('templates', {
      type: 'string',
      describe: 'Folder of custom templates (reference.md.hbs, body.md.hbs, reference.html.hbs, …) replacing the shipped ones',
    })
    .option('overlay', {
      type: 'string',
      array: true,
      describe: `OpenAPI Overlay 1.0 file whose summaries, descriptions, tags and parameter descriptions every format shows; repeatable (default: ${OVERLAY_FILE} beside the settings file or the captures; --no-overlay: none)`,
    })
    .option('write-overlay', {
      type: 'string',
      nargs: 1,
      describe: 'Write a starter overlay listing every operation and parameter to this file (- for stdout) instead of the reference',
    })
    .option('check', { type: 'boolean', default: false, describe: 'Regenerate in memory; exit 1 if the files in --out differ (for CI)' });
  return withConventions(
    withSelectionFlags(outputs)
      .option('explain', { type: 'boolean', default: false, describe: 'Say why each path segment became a parameter' })
      .option('redact', { type: 'boolean', default: true, describe: 'Replace secrets and personal data (--no-redact turns it off)' })
      .option('redaction-report', {
        type: 'boolean',
        default: false,
        describe: 'List what was redacted, by place, key path and kind, with counts (never a value) on stderr',
      })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print only errors' })
      .option('verbose', { type: 'boolean', default: false, describe: 'Print every diagnostic, not a summary' })
      .example('$0 capture.har', 'Write out/reference.md')
      .example('$0 "captures/*.har" -o docs -f markdown,json', 'Merge captures; write docs/reference.md and docs/model.json')
      .example('$0 "captures/*.har" -o docs --check', 'In CI: fail when docs/ is stale')
      .strict(),
    { lists: ['har'] },
  );
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const diff = argv[0] === 'diff';
  const usage = (message: string): number => {
    io.stderr(`har2api: ${message}\nRun 'har2api ${diff ? 'diff ' : ''}--help' for usage.\n`);
    return EXIT_USAGE;
  };
  try {
    if (argv[0] === 'completion' && argv.length === 1) return printCompletionScript(io);
    if (argv[0] === COMPLETIONS_FLAG) return await printCompletions(argv, { convert: parser, diff: diffParser }, io);
    return diff ? await runDiff(argv.slice(1), io, settingsKeys) : await runConvert(argv, io);
  } catch (error) {
    if (isUsageError(error)) return usage((error as Error).message);
    if (isHar2ApiError(error) && error.code === 'E_USAGE') return usage(error.message);
    if (isHar2ApiError(error)) return printReadErrors([error, ...error.others], io);
    throw error;
  }
}

/** The keys a settings file may have: a parser of their own, built only when there is a file. */
function settingsKeys(): KnownOptions {
  return knownOptions(parser([]));
}

async function runConvert(argv: readonly string[], io: Io): Promise<number> {
  const marked = markStdin(argv, VALUE_FLAGS);
  const harArgs = (args: ConvertArgs) => args.har.map(unmarkStdin);
  const parsed = await parseWithSettings<ConvertArgs>(parser, marked, harArgs, io, settingsKeys);
  if (parsed.output) {
    io.stdout(`${parsed.output}\n`);
    return EXIT_OK;
  }
  if (parsed.settings && !parsed.args.quiet) io.stderr(`har2api: settings from ${parsed.settings.label}\n`);
  return convert({ ...parsed.args, har: harArgs(parsed.args) }, parsed.settings, io);
}

async function convert(args: ConvertArgs, settings: Settings | null, io: Io): Promise<number> {
  const formats = checkFormats(args.format);
  const toStdout = args.out === '-';
  if (toStdout && formats.length !== 1) throw new UsageError('--out - writes one format to stdout; pick one with --format');
  if (toStdout && args.check) throw new UsageError('--check compares files in a folder; it cannot be used with --out -');

  const selection = selectionOptions(args);
  const templates = args.templates !== undefined ? await customTemplates(args.templates, io) : loadTemplates();
  const starter = args.writeOverlay;
  if (starter !== undefined && args.check) throw new UsageError('--write-overlay writes a file; it cannot be used with --check');
  if (starter !== undefined && starter !== '-' && (await io.statPath(resolve(io.cwd, starter)))) {
    throw new UsageError(`--write-overlay ${starter}: the file exists; it may hold your words, so it is never overwritten (choose another name)`);
  }
  // A starter lists what the captures hold, not what an overlay already says.
  const { overlays, found } = starter !== undefined ? { overlays: [], found: null } : await findOverlays(args.overlay, settings, args.har, io);
  if (found && !args.quiet) io.stderr(`har2api: overlay from ${found}\n`);

  const diagnostics: Diagnostic[] = [];
  const inputs: InputFile[] = [];
  const readErrors: Har2ApiError[] = [];
  const paths = await expandInputs(args.har, io, (message) => diagnostics.push({ severity: 'warning', code: 'folder-unreadable', message }));
  const labels = inputLabels(paths);
  // The pipeline's modules start loading now, so compiling them overlaps reading the captures
  // (the read waits on the disk, the compile on the CPU) instead of following it. A run whose
  // inputs all fail never awaits it.
  const pipeline = import('../pipeline.js');
  pipeline.catch(() => undefined);
  const sizes = await Promise.all(paths.map(async (path) => (path === '-' ? 0 : ((await io.statPath(path))?.size ?? 0))));
  const total = sizes.reduce((a, b) => a + b, 0);
  // quicktype's thread starts loading it now too (see quicktype-thread.ts), except for captures
  // big enough to stream: there its second heap counts against the memory budget, and its
  // fixed-cost saving is a small share of the run.
  const thread = io.quicktypeThread && total <= STREAM_THRESHOLD_BYTES ? quicktypeThread() : undefined;
  // Started early by main.ts for what looked like a conversion: a streamed run keeps one heap.
  if (!thread) stopQuicktypeThread();
  const progress = createProgress(io, total, !args.quiet);
  let offset = 0;
  for (const [i, path] of paths.entries()) {
    const before = offset;
    offset += sizes[i]!;
    try {
      // Handed over: the pipeline frees a capture's text once it is parsed (a 200 MB capture's
      // text is 200 MB or more that would otherwise live through the whole run).
      inputs.push(handOver(await readInput(path, io, (bytes, label) => progress.bytes(before + bytes, label), labels.get(path))));
    } catch (error) {
      if (!isHar2ApiError(error)) throw error;
      readErrors.push(error);
      diagnostics.push({ severity: 'error', code: error.code, message: error.message });
    }
  }
  if (inputs.length === 0) {
    progress.done();
    return printReadErrors(readErrors, io);
  }

  const options: Options = {
    ...(args.title !== undefined ? { title: args.title } : {}),
    ...selection,
    redact: args.redact,
  };
  if (!args.redact)
    diagnostics.push({
      severity: 'warning',
      code: 'redaction-off',
      message: 'redaction is off (--no-redact): the output may contain tokens, cookies and personal data; do not publish it',
    });
  let built: BuildResult | undefined;
  let outputs: Awaited<ReturnType<typeof renderOutputs>> = [];
  try {
    // Loaded once the flags are read and the inputs found: `--help`, `--version`, usage errors
    // and missing files never need the pipeline's modules.
    const { buildModel } = await pipeline;
    try {
      // Body schemas on quicktype's thread when it has one, so this thread never loads quicktype-core.
      built = await buildModel(inputs, options, { onProgress: (p) => progress.pass(p), ...(thread ? { schemaRunner: thread.schema } : {}) });
    } catch (error) {
      // No capture was usable: one line for every input that failed, however it failed.
      if (!isHar2ApiError(error)) throw error;
      readErrors.push(error, ...error.others);
    }
    if (built && overlays.length > 0) {
      const { applyOverlays } = await import('../overlay/index.js');
      const overlaid = applyOverlays(built.model, overlays);
      built = { ...built, model: overlaid.model, diagnostics: [...built.diagnostics, ...overlaid.diagnostics] };
    }
    if (built && built.model.endpoints.length > 0 && starter === undefined) {
      progress.step(`rendering ${formats.join(', ')}`);
      const model = built.model;
      outputs = await renderOutputs(model, formats, templates, thread && ((format) => (format === 'types' ? thread.types(model) : undefined)));
    }
  } finally {
    progress.done();
  }
  if (built === undefined) return printReadErrors(readErrors, io);
  const { model } = built;
  // An empty reference is never what was wanted (the wrong capture, a filter too strict): like a
  // run with no usable input, it writes nothing and fails, and --out keeps what it holds.
  const empty = model.endpoints.length === 0;
  diagnostics.push(...built.diagnostics.filter((d) => !(empty && d.code === 'no-endpoints')));

  printDiagnostics(diagnostics, args, io);
  if (args.explain) printExplanations(model, diagnostics, io);
  if (args.redactionReport) io.stderr(redactionReport(model.redaction));
  if (empty) {
    const reason = built.diagnostics.find((d) => d.code === 'no-endpoints')?.message ?? 'no API endpoints found';
    const kept = toStdout ? 'nothing written' : args.check ? 'nothing checked' : `nothing written, ${args.out} is left as it was`;
    io.stderr(`har2api: ${asOneLine(reason)}; ${kept}\n`);
    return EXIT_FAILED;
  }
  const failed = diagnostics.filter((d) => d.severity === 'error').length;

  if (starter !== undefined) return writeStarter((await import('../overlay/index.js')).starterOverlay(model), starter, paths, io, args.quiet, failed);
  if (toStdout) {
    io.stdout(outputs[0]!.content);
    if (!args.quiet && model.redaction.enabled) io.stderr(`${redactionLine(model.redaction)}\n`);
    return failed > 0 ? EXIT_FAILED : EXIT_OK;
  }
  const outDir = isAbsolute(args.out) ? args.out : resolve(io.cwd, args.out);
  if (args.check) return checkOutputs(outputs, outDir, args.out, io, failed, args.quiet);

  const files = outputs.map((o) => ({ path: join(outDir, o.name), content: o.content }));
  refuseOutputsOverInputs(
    files.map((f) => f.path),
    paths,
  );
  await io.writeFilesAtomically(files);
  if (!args.quiet) {
    const written = outputs.map((o) => join(args.out, o.name)).join(', ');
    const redacted = model.redaction.enabled ? `, ${model.redaction.total} value(s) redacted` : ', redaction off';
    io.stderr(`har2api: wrote ${written} (${model.endpoints.length} endpoint(s) from ${model.traffic.used} of ${model.traffic.entries} entries${redacted})\n`);
    if (model.redaction.enabled) io.stderr(`${redactionLine(model.redaction)}\n`);
  }
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}

async function writeStarter(text: string, file: string, inputs: readonly string[], io: Io, quiet: boolean, failed: number): Promise<number> {
  if (file === '-') io.stdout(text);
  else {
    const path = resolve(io.cwd, file);
    refuseOutputsOverInputs([path], inputs);
    await io.writeFilesAtomically([{ path, content: text }]);
    if (!quiet) io.stderr(`har2api: wrote ${file}, a starter overlay; fill in the texts, then run without --write-overlay\n`);
  }
  return failed > 0 ? EXIT_FAILED : EXIT_OK;
}

/** Every input failed: one line for each, not only the first, and nothing is written. */
function printReadErrors(errors: readonly Har2ApiError[], io: Io): number {
  if (errors.length === 0) throw new Har2ApiError('E_NO_INPUT', 'no input captures were given');
  for (const error of errors) io.stderr(`har2api: ${asOneLine(error.message)}\n`);
  return EXIT_FAILED;
}

function checkFormats(requested: readonly string[]): Format[] {
  const unknown = requested.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0) throw new UsageError(`unknown format ${unknown.join(', ')}; expected ${FORMATS.join(', ')}`);
  if (requested.length === 0) throw new UsageError('--format needs at least one format');
  return [...new Set(requested)] as Format[];
}

/**
 * Compares the regenerated outputs with the files in --out. An input that failed fails the
 * check too: what is compared is then a reference without it, so "up to date" would be a guess.
 */
async function checkOutputs(
  outputs: readonly { name: string; content: string }[],
  outDir: string,
  shown: string,
  io: Io,
  failedInputs: number,
  quiet: boolean,
): Promise<number> {
  const stale: string[] = [];
  const diffs: string[] = [];
  for (const output of outputs) {
    const path = join(outDir, output.name);
    const current = (await io.statPath(path))?.isFile ? await io.readText(path) : null;
    if (current === output.content) continue;
    stale.push(`${join(shown, output.name)}${current === null ? ' (missing)' : ''}`);
    // What changed, so a CI log shows it without a second run (not for a missing file: all new).
    if (current !== null) diffs.push(unifiedDiff(current, output.content, join(shown, output.name)));
  }
  if (stale.length === 0 && failedInputs > 0) {
    io.stderr(
      `har2api: --check compared ${outputs.map((o) => join(shown, o.name)).join(', ')} with the readable inputs only; ${failedInputs} input(s) failed (see above)\n`,
    );
    return EXIT_FAILED;
  }
  if (stale.length === 0) {
    if (!quiet) io.stderr(`har2api: ${outputs.map((o) => join(shown, o.name)).join(', ')} up to date\n`);
    return EXIT_OK;
  }
  for (const diff of diffs) io.stderr(diff);
  io.stderr(`har2api: stale output: ${stale.join(', ')}; run the same command without --check to regenerate\n`);
  return EXIT_FAILED;
}

/** One line per templated position (`host/prefix/{name}`), however many endpoints share it. */
function printExplanations(model: import('../model.js').ApiModel, diagnostics: readonly Diagnostic[], io: Io): void {
  const positions = new Map<string, { reason: string; patterns: Set<string>; distinct: number; endpoints: number }>();
  for (const endpoint of model.endpoints) {
    for (const param of endpoint.pathParams) {
      const where = `${endpoint.host}/${endpoint.path
        .split('/')
        .slice(1, param.position + 2)
        .join('/')}`;
      const seen = positions.get(where) ?? { reason: param.reason, patterns: new Set<string>(), distinct: 0, endpoints: 0 };
      seen.patterns.add(param.pattern);
      seen.distinct = Math.max(seen.distinct, param.distinct);
      seen.endpoints++;
      positions.set(where, seen);
    }
  }
  for (const [where, p] of [...positions].sort(([a], [b]) => (a < b ? -1 : 1))) {
    io.stderr(
      `explain: ${where}: ${p.reason}; pattern ${[...p.patterns].sort().join(' | ')}; up to ${p.distinct} distinct value(s) in ${p.endpoints} endpoint(s)\n`,
    );
  }
  // Positions the count rule looked at and left literal, with the hint that would change that.
  for (const d of diagnostics) if (d.code === 'path-kept-literal') io.stderr(`explain: ${d.message}\n`);
}
