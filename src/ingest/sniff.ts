/**
 * Binary content under a text label: a protobuf message sent as `x-www-form-urlencoded`
 * (Firebase does), an image labelled `text/plain`. Text of any script has almost no control
 * characters besides tab and line breaks; binary has many, and often NUL. Such a body is
 * described by type and size only, never parsed as a form or scanned as text (its bytes would
 * become field names, and the strings inside it would reach the reference).
 */

/** How much of a body is looked at: a binary message shows itself in its first bytes. */
const SAMPLE = 2048;

export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 32 || c === 9 || c === 10 || c === 13) continue;
    if (c === 0) return true;
    control++;
  }
  // One stray control character in a long text is a typo; several in a short one are bytes.
  return control >= 2 && control * 100 >= n;
}
