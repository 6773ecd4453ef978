// Where a generator script's output goes: written to `out`, or, with `--check` on the command
// line, compared with what is there (exit 1 when it differs), so a test can tell the committed
// file is what the script makes today.
import { readFileSync, writeFileSync } from 'node:fs';

export function writeOrCheck(out, text, script) {
  if (!process.argv.includes('--check')) return writeFileSync(out, text);
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {}
  if (current !== text) {
    process.stderr.write(`${out} is not what ${script} generates; run it\n`);
    process.exit(1);
  }
}
