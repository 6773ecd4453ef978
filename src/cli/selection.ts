/**
 * The flags that decide which traffic becomes which endpoints (--host, --include, --exclude,
 * --hint, --all) and what redaction adds to or keeps from its own rules (--redact-key,
 * --redact-pattern, --keep-key), as library `Options`, and the settings file that can hold them
 * (config.ts).
 * Shared by the convert command and `diff`, so a diff templates its HAR sides exactly as the
 * reference does.
 */
import { parseHint } from '../normalise/hints.js';
import type { Options } from '../options.js';
import { UsageError, listOption } from './usage.js';
import type { Argv } from './yargs.js';

export interface SelectionFlags {
  host: string[];
  include: string[];
  exclude: string[];
  hint: string[];
  'redact-key': string[];
  'redact-pattern': string[];
  'keep-key': string[];
  /** A settings file, or `false` for --no-config (see config.ts). */
  config?: string | false;
  all: boolean;
}

/** The selection flags that take a value (for telling a stdin `-` from a flag's value). */
export const SELECTION_VALUE_FLAGS = ['--host', '--include', '--exclude', '--hint', '--redact-key', '--redact-pattern', '--keep-key', '--config'] as const;

/** Declares the selection flags on a command's parser; `scope` ends each description (`for HAR sides`). */
export function withSelectionFlags<T>(y: Argv<T>, scope = '') {
  const note = (text: string): string => (scope ? `${text} (${scope})` : text);
  return y
    .option('host', {
      type: 'string',
      array: true,
      default: [] as string[],
      coerce: listOption,
      describe: note('Keep only these hosts, comma-separated; *.example.com: the domain and its subdomains'),
    })
    .option('include', {
      type: 'string',
      array: true,
      default: [] as string[],
      coerce: listOption,
      describe: note('Keep only paths matching these globs (/api/**)'),
    })
    .option('exclude', { type: 'string', array: true, default: [] as string[], coerce: listOption, describe: note('Drop paths matching these globs') })
    .option('hint', {
      type: 'string',
      array: true,
      default: [] as string[],
      coerce: listOption,
      describe: note('Path templates that override the heuristics (/post/{post_id},/post/new)'),
    })
    .option('redact-key', {
      type: 'string',
      array: true,
      default: [] as string[],
      coerce: listOption,
      describe: note('Key names whose values are always replaced, comma-separated (matched by their words: bankCode = bank_code)'),
    })
    .option('redact-pattern', {
      type: 'string',
      array: true,
      default: [] as string[],
      coerce: (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String).filter(Boolean),
      describe: note('Regular expression whose matches are replaced in any value (repeat the flag for more)'),
    })
    .option('keep-key', {
      type: 'string',
      array: true,
      default: [] as string[],
      coerce: listOption,
      describe: note('Key names whose values stay although they look personal; never a secret'),
    })
    .option('config', {
      type: 'string',
      describe: note(
        'JSON settings file, any flag by its long name (default: har2api.config.json beside the captures or here, or "har2api" in package.json; --no-config: none)',
      ),
    })
    .option('all', { type: 'boolean', default: false, describe: note('Keep static assets, documents and telemetry (default: API traffic only)') });
}

/** The flags (with the settings file's values merged in by the parser); a malformed hint is a usage error. */
export function selectionOptions(
  flags: SelectionFlags,
): Pick<Options, 'all' | 'hosts' | 'include' | 'exclude' | 'hints' | 'redactKeys' | 'redactPatterns' | 'keepKeys'> {
  const hints = flags.hint;
  for (const hint of hints) {
    const parsed = parseHint(hint);
    if (parsed.error !== undefined) throw new UsageError(parsed.error);
  }
  return {
    all: flags.all,
    hosts: flags.host,
    include: flags.include,
    exclude: flags.exclude,
    hints,
    redactKeys: flags['redact-key'],
    redactPatterns: flags['redact-pattern'],
    keepKeys: flags['keep-key'],
  };
}
