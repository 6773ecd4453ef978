/**
 * Overlay 1.0 actions on a JSON document, in order, each on the result of the one before: `remove`
 * takes the selected nodes out of their parents; `update` merges into a selected object (objects
 * recursively, arrays appended, anything else replaced) and appends to a selected array. The
 * input is never changed. Reports, per action, where it applied: none is a stale target.
 */
import { type Location, selectLocations } from './jsonpath.js';
import { isRecord, type OverlayAction } from './overlay.js';

export interface AppliedAction {
  action: OverlayAction;
  /** Index in the overlay's `actions`. */
  index: number;
  /** The nodes it selected (before it changed them). */
  locations: Location[];
}

export function applyActions(document: unknown, actions: readonly OverlayAction[]): { document: unknown; applied: AppliedAction[] } {
  let root = structuredClone(document);
  const applied: AppliedAction[] = [];
  for (const [index, action] of actions.entries()) {
    const locations = selectLocations(root, action.target);
    applied.push({ action, index, locations });
    if (action.remove === true) {
      removeAll(root, locations);
      continue;
    }
    for (const location of locations) root = updateAt(root, location, action.update);
  }
  return { document: root, applied };
}

function updateAt(root: unknown, location: Location, update: unknown): unknown {
  if (location.length === 0) return merged(root, update);
  const parent = nodeAt(root, location.slice(0, -1)) as Record<string | number, unknown>;
  const key = location[location.length - 1]!;
  parent[key] = merged(parent[key], update);
  return root;
}

/** `update` applied to `target`: an array gains it (its entries, when it is a list), an object merges it, anything else is replaced. */
function merged(target: unknown, update: unknown): unknown {
  if (Array.isArray(target)) return [...target, ...(Array.isArray(update) ? update : [update]).map((v) => structuredClone(v))];
  if (isRecord(target) && isRecord(update)) {
    const result: Record<string, unknown> = { ...target };
    for (const [key, value] of Object.entries(update)) {
      const current = result[key];
      result[key] =
        (isRecord(current) && isRecord(value)) || (Array.isArray(current) && Array.isArray(value)) ? merged(current, value) : structuredClone(value);
    }
    return result;
  }
  return structuredClone(update);
}

/** Removes every selected node; array entries from the last, so earlier indexes stay right. */
function removeAll(root: unknown, locations: readonly Location[]): void {
  const ordered = [...locations].sort((a, b) => {
    const [x, y] = [a[a.length - 1], b[b.length - 1]];
    return typeof x === 'number' && typeof y === 'number' ? y - x : 0;
  });
  for (const location of ordered) {
    if (location.length === 0) continue;
    const parent = nodeAt(root, location.slice(0, -1));
    const key = location[location.length - 1]!;
    if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else if (isRecord(parent)) delete parent[key as string];
  }
}

function nodeAt(root: unknown, location: Location): unknown {
  let node = root;
  for (const key of location) node = (node as Record<string | number, unknown>)[key];
  return node;
}
