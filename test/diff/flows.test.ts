/** Diff reports a request value whose source changed, appeared or was not seen again. */
import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.js';
import { buildModel } from '../../src/pipeline.js';
import { har, jsonEntry } from '../support/har.js';

const API = 'https://api.example.test/v1';
const ID = '3f6c2a9e-8b1d-4c7e-9a2f-5d4b3c2a1e0f';

async function model(entries: unknown[]) {
  return (await buildModel([{ label: 'capture.har', text: har(entries) }])).model;
}

const read = jsonEntry('GET', `${API}/notes/${ID}`, { title: 'x' });
const fromList = jsonEntry('GET', `${API}/notes`, { items: [{ id: ID }] });
const fromCreate = jsonEntry('POST', `${API}/notes`, { note_id: ID }, { request: { title: 'x' } });

describe('diff: flows', () => {
  it.each<[string, unknown[], unknown[], string[]]>([
    ['a value now comes from another call', [fromList, read], [fromCreate, read], ['warning flow-source-changed path note_id']],
    ['a value no longer comes from an earlier call', [fromList, read], [read], ['warning flow-not-observed path note_id']],
    ['a value now comes from an earlier call', [read], [fromList, read], ['info flow-added path note_id']],
    ['the same flow on both sides', [fromList, read], [fromList, read], []],
  ])('%s', async (_label, before, after, expected) => {
    const diff = diffModels(await model(before), await model(after));
    expect(diff.changes.filter((c) => c.area === 'flow').map((c) => `${c.level} ${c.rule} ${c.subject}`)).toEqual(expected);
  });

  it('says where the value came from and where it comes from now, by name', async () => {
    const diff = diffModels(await model([fromList, read]), await model([fromCreate, read]));
    expect(diff.changes.find((c) => c.area === 'flow')?.message).toBe(
      'flow: value `path note_id` now comes from POST /v1/notes → note_id (was GET /v1/notes → items[].id)',
    );
  });
});
