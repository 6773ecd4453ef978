/**
 * An OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0.html) read from
 * parsed YAML or JSON: checked whole before it is used, so a mistake in it is one clear error
 * naming the file and the place (a usage error, like a bad settings file), never a half-applied
 * overlay.
 */
import { Har2ApiError } from '../errors.js';
import { parseYaml } from '../yaml.js';
import { jsonPathProblem } from './jsonpath.js';

export interface Overlay {
  /** Where it came from, for messages: the file as given. */
  label: string;
  /** `info.title`. */
  title: string;
  actions: OverlayAction[];
}

export interface OverlayAction {
  /** RFC 9535 JSONPath of the nodes to change. */
  target: string;
  description?: string;
  /** Merged into each selected object; appended to each selected array. */
  update?: unknown;
  remove?: boolean;
}

/** `value` (a parsed overlay file) as an overlay, or a usage error naming `label` and what is wrong. */
export function readOverlay(value: unknown, label: string): Overlay {
  const fail = (message: string): never => {
    throw new Har2ApiError('E_USAGE', `overlay ${label}: ${message}`);
  };
  if (!isRecord(value)) return fail('not an Overlay document (expected a mapping with overlay, info and actions)');
  if (typeof value.overlay !== 'string' || !/^1\.0\.\d+$/.test(value.overlay))
    return fail(`"overlay" must be the Overlay Specification version 1.0.x, not ${JSON.stringify(value.overlay) ?? 'missing'}`);
  const info = value.info;
  if (!isRecord(info) || typeof info.title !== 'string' || typeof info.version !== 'string')
    return fail('"info" must have a "title" and a "version" (strings)');
  if (!Array.isArray(value.actions) || value.actions.length === 0) return fail('"actions" must be a list of at least one action');
  const actions = value.actions.map((action, i): OverlayAction => {
    const at = `actions[${i}]`;
    if (!isRecord(action)) return fail(`${at} is not a mapping`);
    if (typeof action.target !== 'string' || action.target === '') return fail(`${at} has no "target" (a JSONPath such as $.paths['/users'].get)`);
    const problem = jsonPathProblem(action.target);
    if (problem) return fail(`${at}.target ${action.target} is not a JSONPath (RFC 9535): ${problem}`);
    if (action.remove !== undefined && typeof action.remove !== 'boolean') return fail(`${at}.remove must be true or false`);
    if (action.update === undefined && action.remove !== true) return fail(`${at} has neither "update" nor "remove: true"`);
    if (action.description !== undefined && typeof action.description !== 'string') return fail(`${at}.description must be text`);
    return {
      target: action.target,
      ...(typeof action.description === 'string' ? { description: action.description } : {}),
      ...(action.update !== undefined ? { update: action.update } : {}),
      ...(action.remove !== undefined ? { remove: action.remove } : {}),
    };
  });
  return { label, title: info.title, actions };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An overlay file's text (YAML or JSON) as an overlay; a syntax error names its line and column. */
export function parseOverlay(text: string, label: string): Overlay {
  const parsed = parseYaml(text);
  if (!parsed.ok) throw new Har2ApiError('E_USAGE', `overlay ${label}: line ${parsed.line}, column ${parsed.column}: ${parsed.message}`);
  return readOverlay(parsed.value, label);
}
