/**
 * Overlays on the model: words a person keeps beside the captures (OpenAPI Overlay 1.0 files)
 * that survive regeneration. The overlay is applied to the OpenAPI document the model gives;
 * what it changed in operations' summaries, descriptions, tags and parameter descriptions goes
 * back onto the model's endpoints as notes, which every format then shows. Targets that match
 * nothing (an endpoint no longer captured) and changes not carried are warnings. Pure: no I/O.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ApiModel, Endpoint } from '../model.js';
import { buildOpenApi } from '../render/openapi/document.js';
import { applyActions } from './apply.js';
import { isCarried, notesByEndpoint } from './notes.js';
import type { Overlay } from './overlay.js';

export type { Overlay, OverlayAction } from './overlay.js';
export { parseOverlay, readOverlay } from './overlay.js';
export { starterOverlay } from './starter.js';

export function applyOverlays(model: ApiModel, overlays: readonly Overlay[]): { model: ApiModel; diagnostics: Diagnostic[] } {
  // Notes a saved model already holds are the result of an earlier overlay, not input to this one.
  const plain: ApiModel = { ...model, endpoints: model.endpoints.map(withoutNotes) };
  if (overlays.length === 0) return { model: plain, diagnostics: [] };
  const generated = buildOpenApi(plain);
  let document: unknown = generated;
  const diagnostics: Diagnostic[] = [];
  for (const overlay of overlays) {
    const result = applyActions(document, overlay.actions);
    document = result.document;
    for (const applied of result.applied) {
      const place = { file: overlay.label, pointer: `/actions/${applied.index}` };
      if (applied.locations.length === 0) {
        diagnostics.push({
          severity: 'warning',
          code: 'overlay-target-unmatched',
          message: `overlay target ${applied.action.target} matches nothing (an endpoint or parameter no longer in the captures?); update or delete the action`,
          place,
        });
      } else if (!isCarried(applied)) {
        diagnostics.push({
          severity: 'warning',
          code: 'overlay-not-carried',
          message: `overlay action on ${applied.action.target} changes more than operation summaries, descriptions, tags and parameter descriptions; har2api leaves that out of its outputs`,
          place,
        });
      }
    }
  }
  const paths = new Map(plain.endpoints.map((e) => [e.key, e.path]));
  const notes = notesByEndpoint(generated, document, paths);
  return { model: { ...plain, endpoints: plain.endpoints.map((e) => (notes.has(e.key) ? { ...e, notes: notes.get(e.key)! } : e)) }, diagnostics };
}

function withoutNotes(endpoint: Endpoint): Endpoint {
  if (!endpoint.notes) return endpoint;
  const { notes: _, ...rest } = endpoint;
  return rest;
}
