#!/usr/bin/env node
/**
 * The `har2api` executable: runs the CLI against the real process. A user mistake never shows a
 * stack trace; anything that escapes `runCli` is a bug and is reported as one.
 */
import { nodeIo } from './io.js';
import { runCli } from './run.js';

try {
  process.exitCode = await runCli(process.argv.slice(2), nodeIo());
} catch (error) {
  process.stderr.write(`har2api: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 70;
}
