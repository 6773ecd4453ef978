/**
 * How much evidence a "required" claim needs, for every place that makes one (JSON fields, query
 * parameters, headers, form fields, multipart parts). One rule, so the outputs agree.
 */

/**
 * Independent samples (requests or bodies, never array elements) needed before "present in
 * every one" counts as required. With one or two samples a field sent one time in three looks
 * required half the time or more; with three, about 30% for such a field and far less for rarer
 * ones, while anything missing from a sample is never required. The reference still prints the
 * counts (`2/2`), so a reader sees what "optional" rests on.
 */
export const MIN_REQUIRED_SAMPLES = 3;

/** Whether something seen in `seen` of `of` places, over `samples` independent samples, is required. */
export function isRequired(seen: number, of: number, samples: number): boolean {
  return seen > 0 && seen === of && samples >= MIN_REQUIRED_SAMPLES;
}
