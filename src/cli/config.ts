/**
 * The `--config <file>` file: a JSON object with the settings worth keeping next to a capture,
 * so a CI job and a person get the same reference. Keys mirror the library `Options`:
 *
 *   { "hints": ["/post/{post_id}", "/post/new"], "hosts": ["api.example.com"],
 *     "include": ["/api/**"], "exclude": ["/api/health"] }
 *
 * Values on the command line are added to the file's. An unknown key is an error, so a typo
 * never silently does nothing.
 */
import { basename, isAbsolute, resolve } from 'node:path';
import { Har2ApiError } from '../errors.js';
import { describeJsonError } from '../ingest/har-file.js';
import { describeFsError, type Io } from './io.js';

export interface ConfigFile {
  hints: string[];
  hosts: string[];
  include: string[];
  exclude: string[];
}

const KEYS = ['hints', 'hosts', 'include', 'exclude'] as const;

export async function loadConfig(path: string, io: Io): Promise<ConfigFile> {
  const absolute = isAbsolute(path) ? path : resolve(io.cwd, path);
  const label = basename(path);
  let text: string;
  try {
    text = await io.readText(absolute);
  } catch (error) {
    throw new Har2ApiError('E_USAGE', `cannot read the --config file (${describeFsError(error)}); check the path`, label);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // Never V8's message: it quotes bytes of the file.
    throw new Har2ApiError('E_USAGE', `cannot use the --config file: ${describeJsonError((error as Error).message, text, 'config')}`, label);
  }
  return parseConfig(parsed, label);
}

export function parseConfig(value: unknown, label: string): ConfigFile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Har2ApiError('E_USAGE', `the --config file must hold a JSON object with ${KEYS.join(', ')}`, label);
  }
  const config: ConfigFile = { hints: [], hosts: [], include: [], exclude: [] };
  for (const [key, entry] of Object.entries(value)) {
    if (!(KEYS as readonly string[]).includes(key))
      throw new Har2ApiError('E_USAGE', `unknown key "${key}" in the --config file; expected ${KEYS.join(', ')}`, label);
    const list = typeof entry === 'string' ? [entry] : entry;
    if (!Array.isArray(list) || !list.every((item): item is string => typeof item === 'string')) {
      throw new Har2ApiError('E_USAGE', `"${key}" in the --config file must be a list of strings`, label);
    }
    config[key as (typeof KEYS)[number]] = list.map((item) => item.trim()).filter(Boolean);
  }
  return config;
}
