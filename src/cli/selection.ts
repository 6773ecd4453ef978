/**
 * The flags that decide which traffic becomes which endpoints (--host, --include, --exclude,
 * --hint, --all, and a --config file with the same keys), as library `Options`. Shared by the
 * convert command and `diff`, so a diff templates its HAR sides exactly as the reference does.
 */
import { parseHint } from '../normalise/hints.js';
import type { Options } from '../options.js';
import { loadConfig } from './config.js';
import type { Io } from './io.js';
import { UsageError } from './usage.js';

export interface SelectionFlags {
  host: string[];
  include: string[];
  exclude: string[];
  hint: string[];
  config?: string;
  all: boolean;
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
