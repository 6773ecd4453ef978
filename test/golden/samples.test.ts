/**
 * Golden files for a whole run: `out/` is the reference generated from `samples/`, committed.
 * This test regenerates it in memory and compares byte for byte; `npx vitest -u` (or
 * `npm start`) updates it. A golden file must already exist: `toMatchFileSnapshot` would
 * otherwise write the missing file from the output under test and pass.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyOverlays, buildModel, parseOverlay, renderOutputs } from '../../src/index.js';

const OVERLAY = 'samples/har2api.overlay.yaml';

const samples = readdirSync('samples')
  .filter((f) => f.endsWith('.har'))
  .sort();

describe('golden: samples/ → out/', () => {
  it('has samples to check', () => {
    expect(samples.length).toBeGreaterThan(0);
  });

  it('regenerates out/reference.md, model.json, openapi.json, types.ts and reference.html byte for byte', async () => {
    const inputs = samples.map((file) => ({ label: file, text: readFileSync(`samples/${file}`, 'utf8') }));
    const built = await buildModel(inputs);
    // As `npm start` does: the overlay beside the samples adds its words to every format.
    const { model, diagnostics } = applyOverlays(built.model, [parseOverlay(readFileSync(OVERLAY, 'utf8'), OVERLAY)]);
    expect(diagnostics).toEqual([]);
    const outputs = await renderOutputs(model, ['markdown', 'json', 'openapi', 'types', 'html']);
    expect(outputs.map((o) => o.name).sort()).toEqual(['model.json', 'openapi.json', 'reference.html', 'reference.md', 'types.ts']);
    for (const output of outputs) {
      expect(existsSync(`out/${output.name}`), `out/${output.name} is committed`).toBe(true);
      await expect(output.content).toMatchFileSnapshot(`../../out/${output.name}`);
    }
  });
});
