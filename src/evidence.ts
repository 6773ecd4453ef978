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

/**
 * Non-null values needed at a field before "never null" is claimed. With n values and no null,
 * the rule of three bounds the share of nulls below 3/n (95% confidence): 30 values put it under
 * 10%. Fewer, and a field that is null one time in ten (an optional column of a row) would be
 * declared non-null often enough that the next response fails; such a field stays nullable.
 * Values, not samples, count here: whether a field is null varies from row to row, while
 * whether it is present at all is decided by the endpoint (hence samples for `required`).
 */
export const MIN_NON_NULL_VALUES = 30;

/** Whether `values` non-null values (none null) are enough to declare a field never null. */
export function isNeverNull(values: number): boolean {
  return values >= MIN_NON_NULL_VALUES;
}
