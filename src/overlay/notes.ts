/**
 * From an overlaid OpenAPI document back to the model: what the overlay changed in each
 * operation's summary, description, tags and parameter descriptions becomes that endpoint's
 * notes (operations name their endpoints in `x-endpoint`), so the Markdown, HTML and OpenAPI
 * outputs all show the same words. Which actions change something else (a server, a schema, a
 * removal) is said too: those changes are not carried into the outputs.
 */
import type { EndpointNotes, ParameterNote } from '../model.js';
import { templateNames } from '../render/openapi/parameters.js';
import { HTTP_METHODS } from '../render/openapi/spec.js';
import type { AppliedAction } from './apply.js';
import type { Location } from './jsonpath.js';
import { isRecord } from './overlay.js';

const OPERATION_FIELDS = new Set(['summary', 'description', 'tags']);

/** Where each operation sits: `['paths', key, method]` or `['paths', key, 'x-additional-operations', METHOD]`. */
function operationLocations(document: unknown): Location[] {
  const paths = isRecord(document) && isRecord(document.paths) ? document.paths : {};
  const found: Location[] = [];
  for (const [key, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const method of HTTP_METHODS) if (isRecord(item[method])) found.push(['paths', key, method]);
    const others = item['x-additional-operations'];
    if (isRecord(others)) for (const method of Object.keys(others)) found.push(['paths', key, 'x-additional-operations', method]);
  }
  return found;
}

function nodeAt(root: unknown, location: Location): unknown {
  let node = root;
  for (const key of location) node = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}

/** The length of the operation location `location` starts with, or 0. */
function operationPrefix(location: Location): number {
  if (location[0] !== 'paths' || location.length < 3) return 0;
  if ((HTTP_METHODS as readonly unknown[]).includes(location[2])) return 3;
  return location[2] === 'x-additional-operations' && location.length >= 4 ? 4 : 0;
}

/** Whether what `applied` did at every place it selected is a note har2api carries. */
export function isCarried({ action, locations }: AppliedAction): boolean {
  if (action.remove === true) return false;
  const update = action.update;
  return locations.every((location) => {
    const at = operationPrefix(location);
    if (at === 0) return false;
    const rest = location.slice(at);
    if (rest.length === 0) return isRecord(update) && Object.keys(update).every((k) => OPERATION_FIELDS.has(k));
    if (rest.length === 1 && (rest[0] === 'summary' || rest[0] === 'description')) return typeof update === 'string';
    if (rest.length === 1 && rest[0] === 'tags') return typeof update === 'string' || (Array.isArray(update) && update.every((t) => typeof t === 'string'));
    if (rest.length === 2 && rest[0] === 'parameters') return isRecord(update) && Object.keys(update).every((k) => k === 'description');
    if (rest.length === 3 && rest[0] === 'parameters' && rest[2] === 'description') return typeof update === 'string';
    return false;
  });
}

/** Each endpoint's notes: what differs between the generated and the overlaid operation. */
export function notesByEndpoint(generated: unknown, overlaid: unknown, paths: ReadonlyMap<string, string>): Map<string, EndpointNotes> {
  const notes = new Map<string, EndpointNotes>();
  for (const location of operationLocations(generated)) {
    const before = nodeAt(generated, location) as Record<string, unknown>;
    const after = nodeAt(overlaid, location);
    if (!isRecord(after)) continue;
    const keys = [before['x-endpoint']].flat().filter((k): k is string => typeof k === 'string');
    for (const key of keys) {
      const note = operationNotes(before, after, templateNames(paths.get(key) ?? ''));
      if (note) notes.set(key, note);
    }
  }
  return notes;
}

function operationNotes(before: Record<string, unknown>, after: Record<string, unknown>, pathNames: readonly string[]): EndpointNotes | null {
  const note: EndpointNotes = {};
  const changed = (field: string): string | undefined => {
    const value = after[field];
    return typeof value === 'string' && value.trim() !== '' && value !== before[field] ? value : undefined;
  };
  const summary = changed('summary');
  if (summary !== undefined) note.summary = summary;
  const description = changed('description');
  if (description !== undefined) note.description = description;
  const had = new Set(Array.isArray(before.tags) ? before.tags : []);
  const tags = (Array.isArray(after.tags) ? after.tags : []).filter((t): t is string => typeof t === 'string' && t.trim() !== '' && !had.has(t));
  if (tags.length > 0) note.tags = [...new Set(tags)];
  const parameters = parameterNotes(before.parameters, after.parameters, pathNames);
  if (parameters.length > 0) note.parameters = parameters;
  return Object.keys(note).length > 0 ? note : null;
}

/** Parameters keep their place (an overlay only appends to a list), so the n-th before is the n-th after. */
function parameterNotes(before: unknown, after: unknown, pathNames: readonly string[]): ParameterNote[] {
  if (!Array.isArray(before) || !Array.isArray(after)) return [];
  const notes: ParameterNote[] = [];
  let pathIndex = 0;
  for (const [i, was] of before.entries()) {
    if (!isRecord(was)) continue;
    const position = was.in === 'path' ? pathIndex++ : -1;
    const now = after[i];
    if (!isRecord(now) || now.in !== was.in || now.name !== was.name) continue;
    const description = now.description;
    if (typeof description !== 'string' || description.trim() === '' || description === was.description) continue;
    if (was.in !== 'path' && was.in !== 'query' && was.in !== 'header') continue;
    // A path parameter's name in the document may be renamed to fit OpenAPI; the model's is the template's.
    const name = was.in === 'path' ? (pathNames[position] ?? String(was.name)) : String(was.name);
    notes.push({ in: was.in, name, description });
  }
  return notes;
}
