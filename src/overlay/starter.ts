/**
 * A starter overlay: one action per operation (summary and description) and one per parameter
 * (description), every text empty, so a person only fills in words. Empty texts change nothing,
 * so the starter applies cleanly as it is; targets select parameters by name and place, not by
 * position, so they hold when the capture changes.
 */
import type { ApiModel } from '../model.js';
import { buildOpenApi } from '../render/openapi/document.js';
import { HTTP_METHODS } from '../render/openapi/spec.js';
import { toYaml } from '../yaml.js';
import { isRecord } from './overlay.js';

export function starterOverlay(model: ApiModel): string {
  const document = buildOpenApi({ ...model, endpoints: model.endpoints.map(({ notes: _, ...e }) => e) });
  const actions: { target: string; update: Record<string, string> }[] = [];
  for (const [key, item] of Object.entries(document.paths)) {
    const operations: [string, unknown][] = [
      ...HTTP_METHODS.map((m): [string, unknown] => [`.${m}`, item[m]]),
      ...Object.entries(isRecord(item['x-additional-operations']) ? item['x-additional-operations'] : {}).map(([m, op]): [string, unknown] => [
        `['x-additional-operations'][${literal(m)}]`,
        op,
      ]),
    ];
    for (const [step, operation] of operations) {
      if (!isRecord(operation)) continue;
      const target = `$.paths[${literal(key)}]${step}`;
      actions.push({ target, update: { summary: '', description: '' } });
      for (const parameter of Array.isArray(operation.parameters) ? operation.parameters : []) {
        if (!isRecord(parameter)) continue;
        actions.push({
          target: `${target}.parameters[?@.name==${literal(String(parameter.name))} && @.in==${literal(String(parameter.in))}]`,
          update: { description: '' },
        });
      }
    }
  }
  const comment = [
    `Words for the ${model.title}: har2api applies this overlay (OpenAPI Overlay 1.0) on every run`,
    'and shows them in the Markdown, HTML and OpenAPI outputs. Fill in what you want to say;',
    'empty texts change nothing. Delete the actions you do not need; add tags with',
    '  update: { tags: [billing] }. A target that no longer matches is reported as a warning.',
  ].join('\n');
  return toYaml({ overlay: '1.0.0', info: { title: `${model.title}: notes`, version: '1.0.0' }, actions }, comment);
}

/** An RFC 9535 string literal: single-quoted, with quotes, backslashes and control characters escaped. */
function literal(text: string): string {
  const escaped = text.replace(/[\\'\u0000-\u001f]/g, (c) => {
    const named: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `'${escaped}'`;
}
