/**
 * Path globs for `--include`/`--exclude`: `*` matches within one segment, `**` across segments,
 * `?` one character, and a whole segment `{name}` any one segment, so a path copied from the
 * reference (`/users/{user_id}/posts`) matches the requests it documents. A glob that starts with `/` matches the path; any other is matched against
 * host and path (`api.example.com/v1/**`, `*.example.com/**`). Compiled to anchored regular
 * expressions without nested quantifiers.
 */

export interface PathGlob {
  /** Match against `host + path` instead of the path alone. */
  withHost: boolean;
  regex: RegExp;
}

export function compilePathGlob(glob: string): PathGlob {
  return { withHost: !glob.startsWith('/'), regex: compileGlob(glob) };
}

export function matchesGlob(glob: PathGlob, host: string, path: string): boolean {
  return glob.regex.test(glob.withHost ? `${host}${path}` : path);
}

export function compileGlob(glob: string): RegExp {
  let source = '^';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    const param = char === '{' && (i === 0 || glob[i - 1] === '/') ? wholeSegmentParam(glob, i) : 0;
    if (param > 0) {
      source += '[^/]+';
      i += param - 1;
    } else if (char === '*') {
      if (glob[i + 1] === '*') {
        source += '.*';
        i++;
      } else source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`${source}$`);
}

/** Length of a `{name}` that fills its segment from `start`, or 0. */
function wholeSegmentParam(glob: string, start: number): number {
  const close = glob.indexOf('}', start);
  if (close === -1 || (close + 1 < glob.length && glob[close + 1] !== '/')) return 0;
  const name = glob.slice(start + 1, close);
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? close + 1 - start : 0;
}

/** Host patterns: exact names, or `*.example.com` for the domain and its subdomains. */
export function matchesHost(host: string, patterns: readonly string[]): boolean {
  const name = host.toLowerCase();
  const bare = name.replace(/:\d+$/, '');
  return patterns.some((raw) => {
    const pattern = raw.toLowerCase();
    if (pattern.startsWith('*.')) {
      const domain = pattern.slice(2);
      return bare === domain || bare.endsWith(`.${domain}`);
    }
    return name === pattern || bare === pattern;
  });
}
