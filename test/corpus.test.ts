/**
 * Every real capture in ../shared/corpus either yields a reference or one clear error (a
 * `Har2ApiError`), never a crash. The corpus is read in place; where it is absent the suite is
 * skipped, visibly.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel, Har2ApiError, renderOutputs } from '../src/index.js';

const CORPUS = '../shared/corpus';
const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.har')).sort() : [];

describe.skipIf(files.length === 0)(`corpus (${CORPUS})`, () => {
  it.each(files)('%s gives a reference or one clear error', async (file) => {
    const text = readFileSync(`${CORPUS}/${file}`, 'utf8');
    try {
      const { model } = await buildModel([{ label: file, text }]);
      const [markdown] = await renderOutputs(model, ['markdown']);
      expect(markdown!.content.startsWith('# ')).toBe(true);
    } catch (error) {
      expect(error).toBeInstanceOf(Har2ApiError);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
