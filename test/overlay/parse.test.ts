/**
 * Reading an overlay file: a YAML or JSON Overlay 1.0 document, or one clear message naming the
 * file and the place (a usage error), never a stack trace and never a half-read overlay.
 */
import { describe, expect, it } from 'vitest';
import { isHar2ApiError } from '../../src/errors.js';
import { parseOverlay } from '../../src/overlay/index.js';

const head = 'overlay: 1.0.0\ninfo:\n  title: Notes\n  version: "1"\n';

describe('parseOverlay', () => {
  it('reads YAML and JSON alike', () => {
    const yaml = parseOverlay(`${head}actions:\n  - target: $.paths['/a'].get\n    update:\n      summary: Lists a\n`, 'n.yaml');
    const json = parseOverlay(
      JSON.stringify({ overlay: '1.0.0', info: { title: 'Notes', version: '1' }, actions: [{ target: "$.paths['/a'].get", update: { summary: 'Lists a' } }] }),
      'n.json',
    );
    expect(yaml.actions).toEqual([{ target: "$.paths['/a'].get", update: { summary: 'Lists a' } }]);
    expect(json.actions).toEqual(yaml.actions);
    expect(yaml.title).toBe('Notes');
  });

  it.each([
    ['a YAML syntax error, with line and column', `${head}actions:\n  - target: $.x\n    update: [a\n`, /^overlay n\.yaml: line 8, column 1: Flow sequence/],
    ['a tab-indented mapping', 'overlay: 1.0.0\n\tinfo: x\n', /^overlay n\.yaml: line 2, column 1: /],
    ['a duplicate key', `${head}${head}`, /^overlay n\.yaml: line 5, column 1: Map keys must be unique/],
    ['not a mapping', '- a\n- b\n', /not an Overlay document/],
    ['an empty file', '', /not an Overlay document/],
    ['another version', head.replace('1.0.0', '2.0.0'), /"overlay" must be the Overlay Specification version 1\.0\.x, not "2\.0\.0"/],
    ['no info title', 'overlay: 1.0.0\ninfo:\n  version: "1"\nactions: []\n', /"info" must have a "title" and a "version"/],
    ['no actions', `${head}actions: []\n`, /"actions" must be a list of at least one action/],
    ['an action without a target', `${head}actions:\n  - update: {}\n`, /actions\[0\] has no "target"/],
    [
      'a target that is not JSONPath',
      `${head}actions:\n  - target: $.paths[\n    update: {}\n`,
      /actions\[0\]\.target \$\.paths\[ is not a JSONPath \(RFC 9535\)/,
    ],
    ['an action that does nothing', `${head}actions:\n  - target: $.info\n`, /actions\[0\] has neither "update" nor "remove: true"/],
    ['remove that is not a boolean', `${head}actions:\n  - target: $.info\n    remove: "yes"\n`, /actions\[0\]\.remove must be true or false/],
  ])('%s is one usage error naming the file', (_, text, message) => {
    let error: unknown;
    try {
      parseOverlay(text, 'n.yaml');
    } catch (e) {
      error = e;
    }
    expect(isHar2ApiError(error) && error.code).toBe('E_USAGE');
    expect((error as Error).message).toMatch(/^overlay n\.yaml: /);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
