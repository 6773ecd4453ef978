/**
 * `--templates <dir>`: a folder's reference.md.hbs, body.md.hbs or changelog.md.hbs replaces the
 * shipped one (the others stay); a label and a column change in the output; a missing or empty
 * folder and a broken template are one line each, with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { loadTemplates } from '../../src/load/templates.js';
import { har, jsonEntry } from '../support/har.js';
import { memoryIo } from '../support/memory-io.js';

const capture = har([jsonEntry('GET', 'https://api.example.com/v1/items?page=2', { id: 1, name: 'a' })]);
const shipped = loadTemplates();

describe('--templates', () => {
  it.each([
    [
      'a label of the reference',
      'reference.md.hbs',
      shipped.reference.replace('**Query Parameters**:', '**Query string**:'),
      '**Query string**:',
      '**Query Parameters**:',
    ],
    [
      'a column of the reference',
      'reference.md.hbs',
      shipped.reference
        .replace(/^\| Parameter \| Type \| Required \| Example Value \|.*\n\|-.*$/m, '| Parameter |\n|---|')
        .replace(/^\| \{\{name\}\} \| \{\{type\}\} \|.*$/m, '| {{name}} |'),
      '| `page` |\n',
      'Example Value',
    ],
    [
      'a column of a body (partial)',
      'body.md.hbs',
      shipped.partials.body!.replace('| Field | Type | Required | Example |', '| Feld | Typ | Pflicht | Beispiel |'),
      '| Feld | Typ | Pflicht | Beispiel |',
      '| Field |',
    ],
  ])('changes %s', async (_, file, template, expected, gone) => {
    const io = memoryIo({ 'c.har': capture, [`tpl/${file}`]: template });
    expect(await runCli(['c.har', '--templates', 'tpl'], io)).toBe(0);
    const reference = io.files.get('/virtual/out/reference.md')!;
    expect(reference).toContain(expected);
    expect(reference).not.toContain(gone);
    // The template that was not replaced is still the shipped one.
    expect(reference).toContain('### `GET /v1/items`');
  });

  it('changes the changelog of a diff', async () => {
    const io = memoryIo({ 'c.har': capture, 'tpl/changelog.md.hbs': 'Changes to {{title}}' });
    expect(await runCli(['diff', 'c.har', 'c.har', '--templates', 'tpl'], io)).toBe(0);
    expect(io.out.join('')).toBe('Changes to API changes\n');
  });

  it.each([
    ['missing', [], 2, '--templates tpl: no such folder'],
    [
      'empty of templates',
      ['tpl/readme.txt'],
      2,
      '--templates tpl: the folder holds none of reference.md.hbs, body.md.hbs, changelog.md.hbs, reference.html.hbs, body.html.hbs, html.css, html.js',
    ],
    ['broken', ['tpl/reference.md.hbs'], 1, 'cannot render with the template reference.md.hbs (or a partial): Parse error on line 1:'],
  ])('a %s folder is one line and writes nothing', async (_, files, code, message) => {
    const io = memoryIo({ 'c.har': capture, ...Object.fromEntries(files.map((f) => [f, '{{#if x}} unclosed'])) });
    expect(await runCli(['c.har', '--templates', 'tpl'], io)).toBe(code);
    const stderr = io.err.join('');
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(io.files.has('/virtual/out/reference.md')).toBe(false);
  });
});
