/**
 * The settings file: a JSON object with any option of the command line, so a CI job and a
 * person get the same reference from the same captures.
 *
 *   { "formats": ["markdown", "openapi"], "out": "docs", "title": "Shop API",
 *     "hints": ["/post/{post_id}", "/post/new"], "hosts": ["api.example.com"],
 *     "include": ["/api/**"], "exclude": ["/api/health"], "all": false, "redact": true }
 *
 * Keys are the long flag names (`fail-on` or `failOn`), or the library's plural names (`hints`,
 * `hosts`, `formats`). It is the first found of: `--config <file>`; `har2api.config.json` in
 * the folder of the first capture; `har2api.config.json` in the current folder; the `har2api`
 * key of `package.json` in the current folder. `--no-config` skips the search. A flag given on
 * the command line wins over the file's value; list flags (`--hint`, `--host`, …) add to the
 * file's list. An unknown key or a value of the wrong type is an error, so a typo never
 * silently does nothing. The keys come from the command's own parser: a flag added to the
 * command is a key of the file without a change here.
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { Har2ApiError } from '../errors.js';
import { describeJsonError } from '../ingest/har-file.js';
import { describeFsError, type Io } from './io.js';
import { UsageError } from './usage.js';
import { type Argv, parseArgs, withSettings } from './yargs.js';

export const CONFIG_FILE = 'har2api.config.json';

/** The library's names (`Options`) for flags named in the singular on the command line. */
const KEY_NAMES: Record<string, string> = {
  hints: 'hint',
  hosts: 'host',
  formats: 'format',
  redactKeys: 'redact-key',
  redactPatterns: 'redact-pattern',
  keepKeys: 'keep-key',
  overlays: 'overlay',
};

/** Flags that make no sense in a file. */
const NOT_SETTINGS = new Set(['help', 'version', 'config', 'check', 'write-overlay']);

/** The option names and types a command's parser knows (see `optionsOf` in yargs.ts). */
export interface KnownOptions {
  lists: ReadonlySet<string>;
  strings: ReadonlySet<string>;
  booleans: ReadonlySet<string>;
}

export interface Settings {
  /** Where they come from, as shown to the user (`captures/har2api.config.json`, `package.json#har2api`). */
  label: string;
  /** By flag name, checked against the parser's options. */
  values: Record<string, unknown>;
  /** The folder the settings file is in (an overlay beside it is found there). */
  folder: string;
}

/**
 * Finds and reads the settings for a run. `explicit` is `--config` (a path, `false` for
 * `--no-config`, `undefined` to search); `inputs` the capture arguments as given; `known` says
 * the keys a file may have, asked only when there is a file (it builds a parser: a few ms).
 */
export async function findSettings(
  explicit: string | boolean | undefined,
  inputs: readonly string[],
  io: Io,
  known: () => KnownOptions,
): Promise<Settings | null> {
  if (explicit === false) return null;
  if (typeof explicit === 'string') return readSettingsFile(explicit, io, known, true);
  for (const folder of [await captureFolder(inputs, io), io.cwd]) {
    if (folder === null) continue;
    const path = resolve(folder, CONFIG_FILE);
    if ((await io.statPath(path))?.isFile) return readSettingsFile(path, io, known, false);
  }
  const pkg = resolve(io.cwd, 'package.json');
  if (!(await io.statPath(pkg))?.isFile) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await io.readText(pkg));
  } catch {
    // Not ours to judge: npm reports a broken package.json.
    return null;
  }
  const value = (parsed as { har2api?: unknown } | null)?.har2api;
  return value === undefined ? null : { label: 'package.json#har2api', values: checkSettings(value, 'package.json#har2api', known()), folder: io.cwd };
}

/** The folder of the first capture argument (a folder itself, or a file's or glob's folder). */
export async function captureFolder(inputs: readonly string[], io: Io): Promise<string | null> {
  const first = inputs.find((input) => input !== '-');
  if (first === undefined) return null;
  const path = resolve(io.cwd, first);
  if ((await io.statPath(path))?.isDirectory) return path;
  const magic = first.search(/[*?[\]{}()!]/);
  return magic < 0 ? dirname(path) : resolve(io.cwd, first.slice(0, first.lastIndexOf('/', magic) + 1) || '.');
}

async function readSettingsFile(path: string, io: Io, known: () => KnownOptions, explicit: boolean): Promise<Settings> {
  const absolute = isAbsolute(path) ? path : resolve(io.cwd, path);
  const label = explicit ? path : relative(io.cwd, absolute) || absolute;
  const what = explicit ? 'the --config file' : 'the settings file';
  let text: string;
  try {
    text = await io.readText(absolute);
  } catch (error) {
    throw new Har2ApiError('E_USAGE', `cannot read ${what} (${describeFsError(error)}); check the path`, label);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // Never V8's message: it quotes bytes of the file.
    throw new Har2ApiError('E_USAGE', `cannot use ${what}: ${describeJsonError((error as Error).message, text, 'config')}`, label);
  }
  return { label, values: checkSettings(parsed, label, known()), folder: dirname(absolute) };
}

/** The settings by flag name; an unknown key or a wrong type is a usage error naming the file. */
export function checkSettings(value: unknown, label: string, known: KnownOptions): Record<string, unknown> {
  const keys = [...known.lists, ...known.strings, ...known.booleans].filter((key) => !NOT_SETTINGS.has(key) && key.length > 1);
  const fail = (message: string): never => {
    throw new Har2ApiError('E_USAGE', message, label);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`the settings must be a JSON object with keys such as ${keys.join(', ')}`);
  const settings: Record<string, unknown> = {};
  for (const [given, entry] of Object.entries(value as object)) {
    const key = KEY_NAMES[given] ?? given.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    if (!keys.includes(key)) fail(`unknown key "${given}" in the settings; expected ${keys.join(', ')}`);
    if (known.lists.has(key)) {
      const list = typeof entry === 'string' ? [entry] : entry;
      if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) fail(`"${given}" in the settings must be a list of strings`);
      settings[key] = (list as string[]).map((item) => item.trim()).filter(Boolean);
    } else if (known.booleans.has(key)) {
      if (typeof entry !== 'boolean') fail(`"${given}" in the settings must be true or false`);
      settings[key] = entry;
    } else {
      if (typeof entry !== 'string' || entry.trim() === '') fail(`"${given}" in the settings must be a non-empty string`);
      settings[key] = entry;
    }
  }
  return settings;
}

/**
 * Parses a command's arguments, finds the settings for them, and parses again with the
 * settings under the flags. `keep` picks the keys this command takes from a file it shares
 * with another command (diff takes the selection keys of the convert command's file).
 */
export async function parseWithSettings<T extends { config?: string | false }>(
  makeParser: (argv: readonly string[]) => Argv<unknown>,
  argv: readonly string[],
  inputsOf: (args: T) => readonly string[],
  io: Io,
  known: () => KnownOptions,
  keep: (key: string) => boolean = () => true,
): Promise<{ args: T; output: string; settings: Settings | null }> {
  const first = await parseArgs<T>(makeParser(argv), argv);
  if (first.output) return { ...first, settings: null };
  const settings = await findSettings(first.args.config, inputsOf(first.args), io, known);
  const values = Object.fromEntries(Object.entries(settings?.values ?? {}).filter(([key]) => keep(key)));
  if (settings === null || Object.keys(values).length === 0) return { ...first, settings };
  try {
    return { ...(await parseArgs<T>(withSettings(makeParser(argv), values), argv)), settings };
  } catch (error) {
    if (error instanceof UsageError) throw new Har2ApiError('E_USAGE', error.message, settings.label);
    throw error;
  }
}
