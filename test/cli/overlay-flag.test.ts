/**
 * `--overlay <file>`, `har2api.overlay.yaml` found beside the settings file or the captures,
 * `--no-overlay`, `--check` with an overlay, `--write-overlay`, and overlay mistakes as one
 * usage line (exit 2) with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../src/cli/run.js';
import { har, jsonEntry } from '../support/har.js';
import { memoryIo } from '../support/memory-io.js';

const capture = har([
  jsonEntry('GET', 'https://api.example.com/v1/items?page=2', { id: 1, name: 'a' }),
  jsonEntry('GET', 'https://api.example.com/v1/orders?page=1', [{ id: 2 }]),
]);

function overlay(description: string, target = "$.paths['/v1/items'].get"): string {
  return `overlay: 1.0.0\ninfo:\n  title: Notes\n  version: "1"\nactions:\n  - target: ${target}\n    update:\n      description: ${JSON.stringify(description)}\n`;
}

const reference = (io: ReturnType<typeof memoryIo>, name = 'reference.md') => io.files.get(`/virtual/out/${name}`) ?? '';

describe('--overlay', () => {
  it('shows the overlay in the Markdown, HTML and OpenAPI outputs', async () => {
    const io = memoryIo({ 'c.har': capture, 'notes.yaml': overlay('Lists the items of a shop.') });
    expect(await runCli(['c.har', '--overlay', 'notes.yaml', '-f', 'markdown,html,openapi,openapi-yaml'], io)).toBe(0);
    for (const name of ['reference.md', 'reference.html', 'openapi.json', 'openapi.yaml']) expect(reference(io, name)).toContain('Lists the items of a shop.');
  });

  it.each([
    [
      'beside the captures',
      { 'caps/c.har': capture, 'caps/har2api.overlay.yaml': overlay('Found beside the capture.') },
      ['caps/c.har'],
      'caps/har2api.overlay.yaml',
    ],
    [
      'beside the settings file',
      { 'c.har': capture, 'conf/har2api.config.json': '{"title": "Shop"}', 'conf/har2api.overlay.yaml': overlay('Found beside the settings.') },
      ['c.har', '--config', 'conf/har2api.config.json'],
      'conf/har2api.overlay.yaml',
    ],
  ])('finds har2api.overlay.yaml %s and says so', async (_, files, args, label) => {
    const io = memoryIo(files);
    expect(await runCli(args, io)).toBe(0);
    expect(reference(io)).toMatch(/\nFound beside the (capture|settings)\.\n/);
    expect(io.err.join('')).toContain(`har2api: overlay from ${label}\n`);
    const off = memoryIo(files);
    expect(await runCli([...args, '--no-overlay'], off)).toBe(0);
    expect(reference(off)).not.toContain('Found beside');
  });

  it('takes overlays from the settings file, repeated flags apply in order', async () => {
    const io = memoryIo({
      'c.har': capture,
      'a.yaml': overlay('First.'),
      'b.yaml': overlay('Second.', "$.paths['/v1/orders'].get"),
      'har2api.config.json': '{"overlay": ["a.yaml"]}',
    });
    expect(await runCli(['c.har', '--overlay', 'b.yaml'], io)).toBe(0);
    expect(reference(io)).toContain('\nFirst.\n');
    expect(reference(io)).toContain('\nSecond.\n');
  });

  it('--check is stale when the overlay changed, and current when it did not', async () => {
    const io = memoryIo({ 'c.har': capture, 'notes.yaml': overlay('Before.') });
    expect(await runCli(['c.har', '--overlay', 'notes.yaml'], io)).toBe(0);
    expect(await runCli(['c.har', '--overlay', 'notes.yaml', '--check'], io)).toBe(0);
    io.files.set('/virtual/notes.yaml', overlay('After.'));
    expect(await runCli(['c.har', '--overlay', 'notes.yaml', '--check'], io)).toBe(1);
    expect(io.err.join('')).toContain('+After.');
  });

  it('a target no longer in the captures is a warning naming it; the rest still applies', async () => {
    const io = memoryIo({ 'c.har': capture, 'notes.yaml': `${overlay('Kept.')}  - target: $.paths['/v1/gone'].get\n    update:\n      summary: Old\n` });
    expect(await runCli(['c.har', '--overlay', 'notes.yaml'], io)).toBe(0);
    expect(io.err.join('')).toContain(
      "notes.yaml#/actions/1: warning: overlay target $.paths['/v1/gone'].get matches nothing (an endpoint or parameter no longer in the captures?); update or delete the action [overlay-target-unmatched]\n",
    );
    expect(reference(io)).toContain('\nKept.\n');
  });

  it.each([
    ['missing', {}, 'har2api: overlay notes.yaml: no such file\n'],
    ['not YAML', { 'notes.yaml': 'overlay: 1.0.0\ninfo: {title: x\n' }, 'har2api: overlay notes.yaml: line 3, column 1: '],
    ['not an overlay', { 'notes.yaml': 'openapi: 3.1.0\n' }, 'har2api: overlay notes.yaml: "overlay" must be the Overlay Specification version 1.0.x'],
  ])('an overlay file %s is one usage line, exit 2, nothing written', async (_, files, message) => {
    const io = memoryIo({ 'c.har': capture, ...files });
    expect(await runCli(['c.har', '--overlay', 'notes.yaml'], io)).toBe(2);
    expect(io.err.join('')).toContain(message);
    expect(io.err.join('')).not.toMatch(/\n\s+at /);
    expect(io.files.has('/virtual/out/reference.md')).toBe(false);
  });
});

describe('--write-overlay', () => {
  it('writes a starter listing every operation and parameter, which applies cleanly', async () => {
    const io = memoryIo({ 'c.har': capture });
    expect(await runCli(['c.har', '--write-overlay', 'har2api.overlay.yaml'], io)).toBe(0);
    const starter = io.files.get('/virtual/har2api.overlay.yaml')!;
    const { actions } = parse(starter) as { actions: { target: string; update: Record<string, string> }[] };
    expect(actions.map((a) => a.target)).toEqual([
      "$.paths['/v1/items'].get",
      "$.paths['/v1/items'].get.parameters[?@.name=='page' && @.in=='query']",
      "$.paths['/v1/orders'].get",
      "$.paths['/v1/orders'].get.parameters[?@.name=='page' && @.in=='query']",
    ]);
    expect(io.files.has('/virtual/out/reference.md')).toBe(false);
    // Found beside the capture on the next run: no warning, nothing added until a person writes.
    const before = io.err.length;
    expect(await runCli(['c.har'], io)).toBe(0);
    expect(io.err.slice(before).join('')).not.toContain('warning');
    expect(reference(io)).not.toContain('Description');
  });

  it('never overwrites an existing file, and prints to stdout with -', async () => {
    const io = memoryIo({ 'c.har': capture, 'notes.yaml': 'mine' });
    expect(await runCli(['c.har', '--write-overlay', 'notes.yaml'], io)).toBe(2);
    expect(io.files.get('/virtual/notes.yaml')).toBe('mine');
    expect(await runCli(['c.har', '--write-overlay', '-'], io)).toBe(0);
    expect(io.out.join('')).toContain('overlay: 1.0.0');
  });
});
