/**
 * Feeds items to an accumulator one at a time, as the pipeline does, and returns it: tests go
 * through the same accumulators as a run, with no list-taking wrappers in `src/` for them.
 */
export function fed<T, A extends { add(item: T): void }>(accumulator: A, items: Iterable<T>): A {
  for (const item of items) accumulator.add(item);
  return accumulator;
}
