/**
 * Fatal errors: the whole input (or the command line) is unusable. Everything smaller is a
 * diagnostic. The CLI turns a `Har2ApiError` into one line on stderr and an exit code; anything
 * else is a bug and is shown with its stack.
 */

export type ErrorCode = 'E_USAGE' | 'E_READ' | 'E_JSON' | 'E_NOT_HAR' | 'E_EMPTY' | 'E_NO_INPUT' | 'E_MODEL' | 'E_WRITE' | 'E_TEMPLATE';

export class Har2ApiError extends Error {
  readonly code: ErrorCode;
  /** The input this error is about, when there is one. */
  readonly file: string | undefined;
  /** When no input was usable: the errors of the inputs after the first that failed too. */
  others: readonly Har2ApiError[] = [];

  constructor(code: ErrorCode, message: string, file?: string) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'Har2ApiError';
    this.code = code;
    this.file = file;
  }
}

export function isHar2ApiError(error: unknown): error is Har2ApiError {
  return error instanceof Har2ApiError;
}
