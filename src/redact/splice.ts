/**
 * A text rebuilt from its unchanged stretches and the replacements, in order: the scanners of
 * text.ts and prose replace spans left to right and allocate nothing until the first one.
 */

/** The text rebuilt from its unchanged stretches and the replacements, in order. */
export class Splice {
  readonly #text: string;
  readonly #parts: string[] = [];
  #copied = 0;

  constructor(text: string) {
    this.#text = text;
  }

  /** Where the text is copied up to: nothing before it can be replaced any more. */
  get copied(): number {
    return this.#copied;
  }

  replace(start: number, end: number, replacement: string): void {
    this.#parts.push(this.#text.slice(this.#copied, start), replacement);
    this.#copied = end;
  }

  finish(): string {
    this.#parts.push(this.#text.slice(this.#copied));
    return this.#parts.join('');
  }
}
