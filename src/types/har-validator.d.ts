// har-validator ships no types; this covers the promise API the adapter uses.
declare module 'har-validator' {
  export interface HarValidationErrorDetail {
    dataPath?: string;
    message?: string;
    keyword?: string;
  }
  export interface HarError extends Error {
    errors?: HarValidationErrorDetail[];
  }
  const validator: {
    har(data: unknown): Promise<unknown>;
    entry(data: unknown): Promise<unknown>;
  };
  export default validator;
}
