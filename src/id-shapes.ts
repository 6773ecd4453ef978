/**
 * Shapes of identifier values that more than one stage recognises: path templating
 * (normalise/segments.ts), string formats (infer/string-format.ts) and endpoint matching in a
 * diff (diff/match.ts). Kept outside the stages so none has to import another for them.
 */

/** A UUID of any version, in either case. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
