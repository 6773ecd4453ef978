#!/usr/bin/env node
/**
 * The `har2api` executable: runs the CLI against the real process. A user mistake never shows a
 * stack trace; anything that escapes `runCli` is a bug and is reported as one.
 */
import module from 'node:module';
import { mayNeedQuicktypeThread, quicktypeThread } from './quicktype-thread.js';

// Node 22.1 and later keep V8's compiled code of the modules a run loads on disk (in the system's
// temp folder), with the functions a run compiled, so the next run does not compile them again:
// 5-10% less CPU on small captures (the first run pays ~60 ms to write it). The quicktype thread, a Node environment of its own, is told the folder by the
// variable Node reads there (its environment is a copy of this one). Node 20 has no such cache:
// there this does nothing. NODE_DISABLE_COMPILE_CACHE=1 turns it off, as for any Node program.
const cache = (module as { enableCompileCache?: () => { directory?: string } }).enableCompileCache?.();
if (cache?.directory !== undefined) process.env.NODE_COMPILE_CACHE ??= cache.directory;

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
