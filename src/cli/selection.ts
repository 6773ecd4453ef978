/**
 * The flags that decide which traffic becomes which endpoints (--host, --include, --exclude,
 * --hint, --all, and a --config file with the same keys), as library `Options`. Shared by the
 * convert command and `diff`, so a diff templates its HAR sides exactly as the reference does.
 */
import { parseHint } from '../normalise/hints.js';
import type { Options } from '../options.js';
import { loadConfig } from './config.js';
import type { Io } from './io.js';
import { UsageError, listOption } from './usage.js';
import type { Argv } from './yargs.js';

export interface SelectionFlags {
  host: string[];
  include: string[];
  exclude: string[];
  hint: string[];
  config?: string;
  all: boolean;
}

/** The selection flags that take a value (for telling a stdin `-` from a flag's value). */
export const SELECTION_VALUE_FLAGS = ['--host', '--include', '--exclude', '--hint', '--config'] as const;

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
    .option('config', { type: 'string', describe: note('JSON file with hints, hosts, include, exclude (added to the flags)') })
    .option('all', { type: 'boolean', default: false, describe: note('Keep static assets, documents and telemetry (default: API traffic only)') });
}

/** Flags plus the config file's values (added to the flags'); a malformed hint is a usage error. */
export async function selectionOptions(flags: SelectionFlags, io: Io): Promise<Pick<Options, 'all' | 'hosts' | 'include' | 'exclude' | 'hints'>> {
  const config = flags.config !== undefined ? await loadConfig(flags.config, io) : null;
  const hints = [...flags.hint, ...(config?.hints ?? [])];
  for (const hint of hints) {
    const parsed = parseHint(hint);
    if (parsed.error !== undefined) throw new UsageError(parsed.error);
  }
  return {
    all: flags.all,
    hosts: [...flags.host, ...(config?.hosts ?? [])],
    include: [...flags.include, ...(config?.include ?? [])],
    exclude: [...flags.exclude, ...(config?.exclude ?? [])],
    hints,
  };
}
