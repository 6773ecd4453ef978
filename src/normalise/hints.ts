/**
 * Path hints: templates a person writes for what heuristics cannot know, applied before them
 * (`--hint`, or `hints` in the `--config` file). A hint is a path, optionally after a host
 * (`api.example.com/post/{post_id}`, `*.example.com/…`), and matches every URL it is a prefix of:
 *
 *   `{name}`  this position is the parameter `name` (all values but the hinted literals)
 *   `word`    this value is a literal here, even if it looks like an id (`/post/new`)
 *   `*`       no opinion: heuristics decide this position
 *   `^`       never a parameter here: every value stays its own endpoint
 *
 * Literal hints win over parameter hints at the same position, so `/post/{post_id}` and
 * `/post/new` work in either order.
 */

export type HintSegment = { type: 'literal'; value: string } | { type: 'param'; name: string } | { type: 'any' } | { type: 'never' };

export interface PathHint {
  /** The hint as written, for `--explain`. */
  text: string;
  /** Host pattern (`api.example.com`, `*.example.com`), or null for every host. */
  host: string | null;
  segments: HintSegment[];
}

export type ParsedHint = { hint: PathHint; error?: undefined } | { hint?: undefined; error: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const HOST = /^(?:\*\.)?[a-z0-9][a-z0-9.-]{0,252}(?::\d{1,5})?$/i;

/** Parses one hint, or says in one line what is wrong with it. */
export function parseHint(text: string): ParsedHint {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  if (slash === -1) return { error: `path hint "${text}" must be a path such as /post/{post_id} (optionally after a host)` };
  const host = slash === 0 ? null : trimmed.slice(0, slash).toLowerCase();
  // `post/{id}` is a path missing its slash more likely than a host called `post`.
  if (host !== null && (!HOST.test(host) || !(host.includes('.') || host.includes(':') || host === 'localhost'))) {
    return { error: `path hint "${text}": "${host}" is not a host name; a path starts with /` };
  }
  const parts = trimmed.slice(slash + 1).split('/');
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length === 0) return { error: `path hint "${text}" has no segments` };
  const segments: HintSegment[] = [];
  const names = new Set<string>();
  for (const part of parts) {
    if (part === '') return { error: `path hint "${text}" has an empty segment` };
    if (part === '*') segments.push({ type: 'any' });
    else if (part === '^') segments.push({ type: 'never' });
    else if (part.startsWith('{') && part.endsWith('}')) {
      const name = part.slice(1, -1);
      if (!NAME.test(name)) return { error: `path hint "${text}": {${name}} is not a parameter name (letters, digits, _)` };
      if (names.has(name)) return { error: `path hint "${text}" uses {${name}} twice` };
      names.add(name);
      segments.push({ type: 'param', name });
    } else if (/[{}]/.test(part)) return { error: `path hint "${text}": a parameter must be a whole segment, like {post_id}` };
    else segments.push({ type: 'literal', value: part });
  }
  return { hint: { text: trimmed, host, segments } };
}
