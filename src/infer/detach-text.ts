/**
 * Strings an accumulator keeps past `add` (examples, first values, names, enum words) are copied
 * out of the capture first. In V8 a slice (`text.slice`, `trim`, a regex group, a part split off
 * a body) and a concatenation keep their whole source string alive: a 200-character example cut
 * from a 50 MB body would pin the body for the rest of the run, and the model would pin it after.
 * A copy owns its characters, so the body can be collected once its exchange is dropped.
 */

/** V8 copies slices shorter than this anyway; copying them again would be wasted work. */
const SHORT = 13;

/** The same characters in a string of its own (lone surrogates included: JSON escapes them). */
export function detachText(text: string): string {
  return text.length < SHORT ? text : (JSON.parse(JSON.stringify(text)) as string);
}
