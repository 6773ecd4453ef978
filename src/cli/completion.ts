/**
 * Shell completion: `har2api completion` prints a script for bash or zsh, which asks
 * `har2api --get-yargs-completions <words…>` for the candidates at each Tab (flags, and the
 * values of flags with a fixed set, such as formats); where there are none, the shell completes
 * file names. The candidates come from the same parsers as a run, so a new flag completes
 * without touching this file.
 */
import type { Io } from './io.js';
import { EXIT_OK } from './usage.js';
import { type Argv, completionsOf, valueFlags } from './yargs.js';
import { FORMATS } from '../render/index.js';

/** The hidden flag the script calls the command with (the name yargs' own scripts use). */
export const COMPLETIONS_FLAG = '--get-yargs-completions';

export function printCompletionScript(io: Io): number {
  io.stdout(SCRIPT);
  return EXIT_OK;
}

/** `argv`: the flag, then the words typed so far, starting with the command's own name. */
export async function printCompletions(
  argv: readonly string[],
  parsers: Record<'convert' | 'diff', (argv: readonly string[]) => Argv<unknown>>,
  io: Io,
): Promise<number> {
  const words = argv.slice(2);
  const diff = words[0] === 'diff';
  const typed = diff ? words.slice(1) : words;
  const parser = diff ? parsers.diff(typed) : parsers.convert(typed);
  const current = typed.at(-1) ?? '';
  const previous = typed.at(-2) ?? '';
  let candidates: string[];
  if (!diff && (previous === '-f' || previous === '--format')) {
    // A comma-separated list: complete its last item.
    const done = current.slice(0, current.lastIndexOf(',') + 1);
    candidates = FORMATS.map((format) => `${done}${format}`);
  } else {
    candidates = await completionsOf(parser, typed);
    // After a flag that takes a path or free text, yargs offers the flags again: offer nothing,
    // so the shell completes file names.
    if (valueFlags(parser).has(previous) && candidates.every((c) => c.startsWith('-'))) candidates = [];
    if (!current.startsWith('-')) candidates = candidates.filter((c) => !c.startsWith('-'));
    // yargs also lists one-letter aliases as `--f`.
    candidates = candidates.filter((c) => !/^--.$/.test(c));
  }
  const subcommands = !diff && typed.length <= 1 ? ['diff', 'completion'] : [];
  for (const candidate of [...subcommands, ...candidates]) if (candidate.startsWith(current)) io.stdout(`${candidate}\n`);
  return EXIT_OK;
}

const SCRIPT = `###-begin-har2api-completions-###
#
# har2api completion script for bash and zsh
#
# Installation: har2api completion >> ~/.bashrc
#    or (zsh):  har2api completion >> ~/.zshrc
#
if type complete &>/dev/null; then
  _har2api_completions() {
    local cur candidates
    cur="\${COMP_WORDS[COMP_CWORD]}"
    candidates="$(har2api ${COMPLETIONS_FLAG} "\${COMP_WORDS[@]:0:COMP_CWORD+1}" 2>/dev/null)"
    COMPREPLY=( $(compgen -W "\${candidates}" -- "\${cur}") )
    return 0
  }
  complete -o bashdefault -o default -F _har2api_completions har2api
elif type compdef &>/dev/null; then
  _har2api_completions() {
    local IFS=$'\\n'
    local candidates=($(har2api ${COMPLETIONS_FLAG} "\${words[@]:0:CURRENT}" 2>/dev/null))
    if [[ \${#candidates[@]} -eq 0 ]]; then _files; else compadd -- "\${candidates[@]}"; fi
  }
  compdef _har2api_completions har2api
fi
###-end-har2api-completions-###
`;
