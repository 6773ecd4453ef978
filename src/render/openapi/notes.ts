/**
 * A person's words on an operation (`endpoint.notes`, from an overlay): summary and description
 * replace the generated ones, tags are added after the generated ones, and a parameter gets its
 * description. The same notes the Markdown and HTML show, so every format says the same.
 */
import type { Endpoint } from '../../model.js';
import type { Operation } from './spec.js';

export function withNotes(operation: Operation, endpoint: Endpoint): Operation {
  const notes = endpoint.notes;
  if (!notes) return operation;
  const noted: Operation = { ...operation };
  if (notes.summary !== undefined) noted.summary = notes.summary;
  if (notes.description !== undefined) noted.description = notes.description;
  if (notes.tags?.length) noted.tags = [...new Set([...(operation.tags ?? []), ...notes.tags])];
  if (notes.parameters?.length && operation.parameters) {
    noted.parameters = operation.parameters.map((p) => {
      const note = notes.parameters!.find((n) => n.in === p.in && n.name === p.name);
      return note ? { ...p, description: note.description } : p;
    });
  }
  return noted;
}
