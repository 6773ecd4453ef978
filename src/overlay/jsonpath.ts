/**
 * The one adapter for `jsonpath-rfc9535`: RFC 9535 JSONPath, the query language Overlay 1.0
 * targets are written in. It answers with the locations of the selected nodes (keys and
 * indexes from the root), so an action can change a node in its parent.
 */
import { exec } from 'jsonpath-rfc9535';

export type Location = (string | number)[];

/** Where `expression` selects nodes in `document`, in document order. Throws on a malformed expression. */
export function selectLocations(document: unknown, expression: string): Location[] {
  const found: Location[] = [];
  exec(document as Parameters<typeof exec>[0], expression, (_, path) => {
    found.push([...path]);
  });
  return found;
}

/** Why `expression` is not RFC 9535 JSONPath (the parser's first line), or null when it is. */
export function jsonPathProblem(expression: string): string | null {
  try {
    selectLocations({}, expression);
    return null;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  }
}
