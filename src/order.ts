/**
 * The orders outputs are sorted in, shared by every stage so the same input gives the same bytes
 * on any machine: text by UTF-16 code unit (never `localeCompare`, which follows the locale), and
 * HTTP methods in their conventional order.
 */

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, then any other method by name. */
export function compareMethods(a: string, b: string): number {
  return methodRank(a) - methodRank(b) || compareText(a, b);
}

function methodRank(method: string): number {
  const i = METHOD_ORDER.indexOf(method);
  return i === -1 ? METHOD_ORDER.length : i;
}
