/**
 * Options of one run, with their defaults applied in one place. The CLI maps flags onto these;
 * library users pass them to `buildModel`.
 */

export interface Options {
  /** Reference title. @defaultValue derived from the main host */
  title?: string;
  /** Keep static assets, documents and telemetry. @defaultValue `false` (API traffic only) */
  all?: boolean;
  /** Keep only these hosts (exact names, or `*.example.com`). @defaultValue all hosts */
  hosts?: string[];
  /** Keep only paths matching one of these globs (`/api/**`). @defaultValue all paths */
  include?: string[];
  /** Drop paths matching one of these globs. @defaultValue none */
  exclude?: string[];
  /** Path templates that win over the heuristics: `/post/{post_id}`, `/post/new`. */
  hints?: string[];
  /** Replace secrets and personal data. Turning it off is an explicit opt-out. @defaultValue `true` */
  redact?: boolean;
  /** Key names whose values are always replaced (matched by their words: `bankCode` = `bank_code`). */
  redactKeys?: string[];
  /** Regular expressions whose matches are replaced wherever they occur in a value. */
  redactPatterns?: string[];
  /** Key names whose values stay although they look personal; a secret in them is still replaced. */
  keepKeys?: string[];
}

export interface ResolvedOptions {
  title: string | null;
  all: boolean;
  hosts: string[];
  include: string[];
  exclude: string[];
  hints: string[];
  redact: boolean;
  redactKeys: string[];
  redactPatterns: string[];
  keepKeys: string[];
}

export function resolveOptions(options: Options = {}): ResolvedOptions {
  return Object.freeze({
    title: options.title?.trim() || null,
    all: options.all ?? false,
    hosts: [...(options.hosts ?? [])],
    include: [...(options.include ?? [])],
    exclude: [...(options.exclude ?? [])],
    hints: [...(options.hints ?? [])],
    redact: options.redact ?? true,
    redactKeys: [...(options.redactKeys ?? [])],
    redactPatterns: [...(options.redactPatterns ?? [])],
    keepKeys: [...(options.keepKeys ?? [])],
  });
}
