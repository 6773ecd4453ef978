/**
 * `--overlay <file>` (repeatable, or `overlay` in the settings file): OpenAPI Overlay 1.0 files
 * whose words every output shows. Without one, `har2api.overlay.yaml` beside the settings file,
 * else beside the first capture, is used when it exists; `--no-overlay` skips that search. A
 * file that is missing or is not an overlay is a usage error naming it, so a typo never silently
 * drops the words. `--write-overlay <file>` writes a starter listing every operation.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Overlay } from '../overlay/index.js';
import { captureFolder, type Settings } from './config.js';
import { describeFsError, type Io } from './io.js';
import { UsageError } from './usage.js';

export const OVERLAY_FILE = 'har2api.overlay.yaml';

/** The overlays of a run, and the file found by the search (to say so), if one was. */
export async function findOverlays(
  flag: readonly (string | boolean)[] | boolean | undefined,
  settings: Settings | null,
  inputs: readonly string[],
  io: Io,
): Promise<{ overlays: Overlay[]; found: string | null }> {
  // yargs gives `--no-overlay` as false, or as [false] beside a file (an array option).
  const values = flag === undefined ? [] : [flag].flat();
  const given = values.filter((v): v is string => typeof v === 'string');
  if (values.includes(false) && given.length > 0) throw new UsageError('--no-overlay and --overlay contradict each other; give one');
  if (values.includes(false)) return { overlays: [], found: null };
  if (given.length > 0) return { overlays: await Promise.all(given.map((path) => readOverlayFile(path, io, path))), found: null };
  for (const folder of [settings?.folder ?? null, await captureFolder(inputs, io)]) {
    if (folder === null) continue;
    const path = resolve(folder, OVERLAY_FILE);
    if (!(await io.statPath(path))?.isFile) continue;
    const label = relative(io.cwd, path) || path;
    return { overlays: [await readOverlayFile(path, io, label)], found: label };
  }
  return { overlays: [], found: null };
}

async function readOverlayFile(path: string, io: Io, label: string): Promise<Overlay> {
  const absolute = isAbsolute(path) ? path : resolve(io.cwd, path);
  if (!(await io.statPath(absolute))?.isFile) throw new UsageError(`overlay ${label}: no such file`);
  let text: string;
  try {
    text = await io.readText(absolute);
  } catch (error) {
    throw new UsageError(`overlay ${label}: cannot read it (${describeFsError(error)})`);
  }
  // The YAML and JSONPath libraries load only when there is an overlay.
  const { parseOverlay } = await import('../overlay/overlay.js');
  return parseOverlay(text, label);
}
