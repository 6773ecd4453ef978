/**
 * A text input turned into one that hands its text over once (`takeText`), for a caller that
 * must keep its array of inputs: the string is then freed as soon as the pipeline has parsed
 * it, instead of living as long as the array. Kept apart from ingest's modules, so the CLI can
 * use it before the pipeline loads.
 */
import type { InputFile } from './index.js';

export function handOver(input: InputFile): InputFile {
  if (!('text' in input)) return input;
  let held: string | null = input.text;
  return {
    label: input.label,
    takeText: () => {
      const text = held;
      if (text === null) throw new Error(`the text of ${input.label} was already taken`);
      held = null;
      return text;
    },
  };
}
