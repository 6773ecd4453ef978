/**
 * `har2api diff <old> <new>`: builds (or loads) both sides, diffs them, prints or writes the
 * changelog, and exits 1 when `--fail-on` says the changes are too much. Nothing of its own
 * beyond reading files, calling the library and writing the result.
 */
import { isAbsolute, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { type ChangeLevel, LEVELS, type ModelDiff } from '../diff/change.js';
import { DIFF_FORMATS, type DiffFormat, renderDiff } from '../diff/changelog.js';
import { parseIgnoreList } from '../diff/fingerprint.js';
import { diffModels } from '../diff/index.js';
import { Har2ApiError } from '../errors.js';
import type { InputFile } from '../ingest/index.js';
import { loadSide, textOf } from '../load/side.js';
import { loadTemplates } from '../load/templates.js';
import type { Options } from '../options.js';
import { type KnownOptions, parseWithSettings } from './config.js';
import { expandInputs, inputLabels, readInput, refuseOutputsOverInputs } from './inputs.js';
import type { Io } from './io.js';
import { printDiagnostics } from './print.js';
import { SELECTION_VALUE_FLAGS, type SelectionFlags, selectionOptions, withSelectionFlags } from './selection.js';
import { customTemplates } from './templates.js';
import { EXIT_FAILED, EXIT_OK, UsageError, markStdin, unmarkStdin } from './usage.js';
import { createParser, knownOptions, withConventions } from './yargs.js';

const FAIL_ON = ['breaking', 'warning', 'any'] as const;
type FailOn = (typeof FAIL_ON)[number];

interface DiffArgs extends SelectionFlags {
  templates?: string;
  old: string;
  new: string;
  _: (string | number)[];
  format: DiffFormat;
  out: string;
  failOn?: FailOn;
  ignore?: string;
  quiet: boolean;
  verbose: boolean;
}

const VALUE_FLAGS = new Set(['-o', '--out', '-f', '--format', '--fail-on', '--ignore', '--templates', ...SELECTION_VALUE_FLAGS]);

export function parser(argv: readonly string[]) {
  return withConventions(
    withSelectionFlags(
      createParser(argv)
        .scriptName('har2api diff')
        .usage(
          '$0 <old> <new> [options]\n\nWhat changed between two captures: endpoints, parameters, fields, status codes, event kinds.\n' +
            'Each side is a HAR file, a directory of them, a quoted glob, a model written by --format json, or - for stdin.',
        )
        .command('$0 <old> <new>', false, (y) =>
          y
            .positional('old', { type: 'string', describe: 'The earlier capture(s) or model' })
            .positional('new', { type: 'string', describe: 'The later capture(s) or model' }),
        )
        .option('format', { alias: 'f', type: 'string', choices: DIFF_FORMATS, default: 'markdown', describe: 'Changelog format' })
        .option('out', { alias: 'o', type: 'string', nargs: 1, default: '-', describe: 'Write the changelog to this file (default: stdout)' })
        .option('fail-on', { type: 'string', choices: FAIL_ON, describe: 'Exit 1 when there is a change at this level or above (any: any change)' })
        .option('ignore', { type: 'string', describe: 'File of fingerprints (one per line, # comments) to leave out' })
        .option('templates', { type: 'string', describe: 'Folder of custom templates (changelog.md.hbs) replacing the shipped one' }),
      'for HAR sides',
    )
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print only errors' })
      .option('verbose', { type: 'boolean', default: false, describe: 'Print every diagnostic, not a summary' })
      .example('$0 before.har after.har', 'Markdown changelog on stdout')
      .example('$0 docs/model.json "captures/*.har" --fail-on breaking', 'In CI: fail on breaking changes since the committed model')
      .example('$0 old.har new.har -f json -o changes.json --ignore .har2api-ignore', 'Changes with fingerprints, known ones left out')
      // Unknown options are errors; extra positionals are caught below with a better message.
      .strictOptions(),
    { single: ['old', 'new'] },
  );
}

/** `argv` without the leading `diff`. */
export async function runDiff(argv: readonly string[], io: Io, settingsKeys: () => KnownOptions): Promise<number> {
  const marked = markStdin(argv, VALUE_FLAGS);
  // The settings file is the convert command's (`settingsKeys`, from runCli): a diff takes its
  // selection keys, so both sides are templated as the reference is.
  const selection = knownOptions(withSelectionFlags(createParser([])));
  const keep = (key: string) => selection.lists.has(key) || selection.booleans.has(key);
  const parsed = await parseWithSettings<DiffArgs>(parser, marked, (args) => [unmarkStdin(args.new)], io, settingsKeys, keep);
  if (parsed.output) {
    io.stdout(`${parsed.output}\n`);
    return EXIT_OK;
  }
  const args = parsed.args;
  if (parsed.settings && !args.quiet) io.stderr(`har2api: settings from ${parsed.settings.label}\n`);
  if (args._.length > 0) {
    throw new UsageError('diff compares two inputs, old and new; for several captures on one side, quote a glob ("old/*.har") or give a directory');
  }
  const [oldSide, newSide] = [unmarkStdin(args.old), unmarkStdin(args.new)];
  if (oldSide === '-' && newSide === '-') throw new UsageError('only one side can be read from stdin');

  const options: Options = selectionOptions(args);
  const ignore = args.ignore !== undefined ? parseIgnoreList(await textOf(await readInput(resolve(io.cwd, args.ignore), io))) : [];
  const before = await loadSide(await readSide(oldSide, io), options);
  const after = await loadSide(await readSide(newSide, io), options);
  const diagnostics: Diagnostic[] = [...before.diagnostics, ...after.diagnostics];
  printDiagnostics(diagnostics, args, io);

  const diff = diffModels(before.model, after.model, { ignore });
  const template = (args.templates !== undefined ? await customTemplates(args.templates, io) : loadTemplates()).changelog;
  const output = renderDiff(diff, args.format, template);
  if (args.out === '-') io.stdout(output);
  else {
    const path = isAbsolute(args.out) ? args.out : resolve(io.cwd, args.out);
    refuseOutputsOverInputs(
      [path],
      [oldSide, newSide, args.ignore ?? '-'].filter((side) => side !== '-').map((side) => resolve(io.cwd, side)),
    );
    await io.writeFilesAtomically([{ path, content: output }]);
    if (!args.quiet) io.stderr(`har2api: wrote ${args.out} (${summaryText(diff)})\n`);
  }
  const gate = args.failOn;
  if (gate && failsGate(diff, gate)) {
    io.stderr(`har2api: diff failed --fail-on ${gate}: ${summaryText(diff)}\n`);
    return EXIT_FAILED;
  }
  return EXIT_OK;
}

async function readSide(arg: string, io: Io): Promise<InputFile[]> {
  const inputs: InputFile[] = [];
  const paths = await expandInputs([arg], io, (message) => io.stderr(`har2api: warning: ${message}\n`));
  const labels = inputLabels(paths);
  for (const path of paths) inputs.push(await readInput(path, io, undefined, labels.get(path)));
  if (inputs.length === 0) throw new Har2ApiError('E_NO_INPUT', `no input in ${arg}`);
  return inputs;
}

function failsGate(diff: ModelDiff, gate: FailOn): boolean {
  if (gate === 'any') return diff.changes.length > 0;
  const limit = LEVELS.indexOf(gate as ChangeLevel);
  return diff.changes.some((c) => LEVELS.indexOf(c.level) <= limit);
}

function summaryText(diff: ModelDiff): string {
  if (diff.changes.length === 0) return `no changes${diff.summary.ignored ? `, ${diff.summary.ignored} ignored` : ''}`;
  return `${LEVELS.map((level) => `${diff.summary[level]} ${level}`).join(', ')}${diff.summary.ignored ? `, ${diff.summary.ignored} ignored` : ''}`;
}
