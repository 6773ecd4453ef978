/**
 * Shell variable names for values a reader supplies (credentials, redacted values): shared by
 * the Authentication data (infer/host-auth.ts) and the curl examples (render/curl.ts), so the
 * section and the commands name the same variable.
 */

/** A name as a shell variable: upper case, `_` between words, never starting with a digit. */
export function shellName(name: string): string {
  const words = name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (words === '') return 'VALUE';
  return /^[0-9]/.test(words) ? `V_${words}` : words;
}
