/**
 * Path globs for `--include`/`--exclude`: `*` matches within one segment, `**` across segments,
 * `?` one character. A glob that starts with `/` matches the path; any other is matched against
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
    if (char === '*') {
      if (glob[i + 1] === '*') {
        source += '.*';
        i++;
      } else source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`${source}$`);
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
