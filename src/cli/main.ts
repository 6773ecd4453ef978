#!/usr/bin/env node
/**
 * The `har2api` executable: runs the CLI against the real process. A user mistake never shows a
 * stack trace; anything that escapes `runCli` is a bug and is reported as one.
 */
import { mayNeedQuicktypeThread, quicktypeThread } from './quicktype-thread.js';

const argv = process.argv.slice(2);
// quicktype's thread starts before the rest of the command loads (about 0.1 s of compiling): on a
// capture of a few MB, the thread's own load of quicktype-core is what the run waits for longest.
if (mayNeedQuicktypeThread(argv)) quicktypeThread();
const [{ nodeIo }, { runCli }] = await Promise.all([import('./io.js'), import('./run.js')]);

try {
  process.exitCode = await runCli(argv, nodeIo());
} catch (error) {
  process.stderr.write(`har2api: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 70;
}
