import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/index.js';
import { renderChangelog } from '../../src/diff/changelog.js';
import { loadTemplates } from '../../src/load/templates.js';
import { renderOutputs } from '../../src/render/index.js';
import { makeEndpoint, makeModel } from '../support/model.js';

const model = makeModel([makeEndpoint()]);

describe('templates come in as text', () => {
  it('renders the reference with the templates it is given, shipped or not', async () => {
    const [own] = await renderOutputs(model, ['markdown'], { reference: '# {{title}} ({{endpointCount}}){{> tail}}', partials: { tail: '!' } });
    expect(own).toEqual({ name: 'reference.md', content: '# Example API reference (1)!\n' });
    const [shipped] = await renderOutputs(model, ['markdown'], loadTemplates());
    expect(shipped!.content).toContain('### `GET /items`');
  });

  it('renders the changelog with the template it is given', () => {
    expect(renderChangelog(diffModels(model, model), '{{title}}: {{#if empty}}none{{/if}}')).toBe('API changes: none\n');
  });

  it('loads every shipped template from the package', () => {
    const templates = loadTemplates();
    expect(templates.reference).toContain('{{#each hosts}}');
    expect(templates.partials.body).toContain('{{> fields}}');
    expect(templates.changelog).toContain('{{title}}');
  });
});
