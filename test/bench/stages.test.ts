import { describe, expect, it } from 'vitest';
import { type CpuProfile, stageOf, stagesOfProfile } from '../../bench/stages.mjs';

describe('the benchmark stage breakdown', () => {
  it.each([
    ['file:///p/dist/ingest/entry.js', 'readEntry', 'ingest'],
    ['file:///p/dist/redact/text.js', 'scan', 'redaction'],
    ['file:///p/dist/normalise/trie.js', 'decide', 'templating'],
    ['file:///p/dist/infer/observe-json.js', 'visit', 'inference'],
    ['file:///p/dist/render/markdown.js', 'render', 'rendering'],
    ['file:///p/node_modules/quicktype-core/dist/Run.js', 'run', 'quicktype'],
    ['file:///p/node_modules/lodash/lodash.js', 'map', 'quicktype'],
    ['file:///p/node_modules/ajv/lib/ajv.js', 'validate', 'har-validator'],
    ['file:///p/dist/ingest/har-schema-check.js', 'validate', 'har-validator'],
    ['file:///p/node_modules/handlebars/dist/cjs/handlebars.js', 'compile', 'rendering'],
    ['file:///p/node_modules/left-pad/index.js', 'pad', 'other packages'],
    ['node:internal/modules/cjs/loader', 'load', 'module loading'],
    ['', '(garbage collector)', 'garbage collection'],
    ['', '(program)', 'other'],
    ['', 'parse', null],
  ])('%s %s is %s', (url, name, stage) => {
    expect(stageOf(url, name)).toBe(stage);
  });

  it("gives a builtin's time to the nearest frame that names a stage", () => {
    const frame = (id: number, url: string, functionName: string, children: number[] = []) => ({ id, callFrame: { url, functionName }, children });
    const profile: CpuProfile = {
      nodes: [
        frame(1, '', '(root)', [2, 4]),
        frame(2, 'file:///p/dist/ingest/har-file.js', 'readHar', [3]),
        frame(3, '', 'parse'),
        frame(4, '', '(garbage collector)'),
      ],
      samples: [3, 3, 2, 4, 1],
      timeDeltas: [1000, 1000, 500, 2000, 500],
    };
    expect(stagesOfProfile(profile)).toEqual({ stages: { ingest: 2.5, 'garbage collection': 2, other: 0.5 }, totalMs: 5 });
  });
});
