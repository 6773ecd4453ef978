/**
 * Heading anchors as GitHub makes them, so the links of an index land where a reader expects:
 * the heading's text in lower case, punctuation dropped, spaces as dashes; a repeated one gets
 * `-1`, `-2`, … in document order (the same `GET /api/config` on two hosts, or a title that
 * reads like an endpoint).
 */

/** The anchor of one heading's text, ignoring any other heading of the document. */
export function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

/** The anchors of one document: claim every heading in the order it appears. */
export class Anchors {
  readonly #occurrences = new Map<string, number>();

  claim(heading: string): string {
    const base = anchorOf(heading);
    let anchor = base;
    // As github-slugger: count on from the base until the anchor is free (`a-1` may be a heading too).
    while (this.#occurrences.has(anchor)) {
      const n = this.#occurrences.get(base)! + 1;
      this.#occurrences.set(base, n);
      anchor = `${base}-${n}`;
    }
    this.#occurrences.set(anchor, 0);
    return anchor;
  }
}
