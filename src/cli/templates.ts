/**
 * `--templates <dir>`: custom templates. Each file the folder holds with a shipped template's
 * name (`reference.md.hbs`, `body.md.hbs`, `changelog.md.hbs`) replaces that one; the others stay
 * as shipped. A folder that is missing or holds none of them is a usage error, so a typo in the
 * path never silently renders the shipped look.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { overrideTemplates, TEMPLATE_FILES } from '../load/templates.js';
import type { Templates } from '../render/templates.js';
import type { Io } from './io.js';
import { UsageError } from './usage.js';

export async function customTemplates(dir: string, io: Io): Promise<Templates> {
  const absolute = isAbsolute(dir) ? dir : resolve(io.cwd, dir);
  if (!(await io.statPath(absolute))?.isDirectory) throw new UsageError(`--templates ${dir}: no such folder`);
  const { templates, found } = await overrideTemplates(async (file) => {
    const path = join(absolute, file);
    return (await io.statPath(path))?.isFile ? io.readText(path) : null;
  });
  if (found.length === 0) throw new UsageError(`--templates ${dir}: the folder holds none of ${Object.values(TEMPLATE_FILES).join(', ')}`);
  return templates;
}
