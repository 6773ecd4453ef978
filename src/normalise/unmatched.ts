/**
 * Filters and hints that matched nothing. A `--host`, `--include`, `--exclude` or `--hint` that
 * no request fits is almost always a mistake (a hint copied from the README, an exclude copied
 * from another capture's reference), and silently ignoring it hides the mistake: each one is a
 * warning that names it and the nearest endpoints, so the person can correct it.
 *
 * Cost: each exchange is tested only against the filters that have not matched yet, so a run
 * whose filters all match early pays nothing more.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ResolvedOptions } from '../options.js';
import { compilePathGlob, matchesGlob, matchesHost, type PathGlob } from './glob.js';
import { type PathHint, parseHint } from './hints.js';

/** How many endpoints a warning proposes. */
const NEAREST = 3;
/** How many distinct path prefixes are kept to propose when no endpoint was documented. */
const PREFIXES = 200;

interface Watched<T> {
  flag: string;
  text: string;
  test: T;
  matched: boolean;
}

/** A host and path as shown to the reader (endpoint templates, or prefixes through the gate). */
export interface ShownPath {
  host: string;
  path: string;
}

export class FilterUsage {
  private readonly hosts: Watched<string>[];
  private readonly globs: Watched<PathGlob>[];
  private readonly hints: Watched<PathHint>[];
  private readonly prefixes = new Map<string, ShownPath>();
  private readonly seenHosts = new Set<string>();

  constructor(options: ResolvedOptions) {
    this.hosts = options.hosts.map((text) => ({ flag: '--host', text, test: text, matched: false }));
    this.globs = [
      ...options.include.map((text) => ({ flag: '--include', text, test: compilePathGlob(text), matched: false })),
      ...options.exclude.map((text) => ({ flag: '--exclude', text, test: compilePathGlob(text), matched: false })),
    ];
    // Hints that cannot be read are reported by templating (`invalid-hint`).
    this.hints = options.hints.flatMap((text) => {
      const parsed = parseHint(text);
      return parsed.hint ? [{ flag: '--hint', text, test: parsed.hint, matched: false }] : [];
    });
  }

  /** Every exchange, before selection: host and path filters apply to all traffic. */
  observe(host: string, path: string): void {
    for (const h of this.hosts) if (!h.matched && matchesHost(host, [h.test])) h.matched = true;
    if (this.seenHosts.size < PREFIXES) this.seenHosts.add(host);
    for (const g of this.globs) if (!g.matched && matchesGlob(g.test, host, path)) g.matched = true;
    if (this.prefixes.size < PREFIXES) {
      const prefix = firstSegments(path) || '/';
      const key = `${host}${prefix}`;
      if (!this.prefixes.has(key)) this.prefixes.set(key, { host, path: prefix });
    }
  }

  /** Every exchange that selection kept: hints apply to the API traffic that is templated. */
  observeKept(host: string, path: string): void {
    for (const h of this.hints) if (!h.matched && hintMatches(h.test, host, path)) h.matched = true;
  }

  /** Raw path prefixes seen (for proposals when nothing was documented); show them through the gate. */
  seenPrefixes(): ShownPath[] {
    return [...this.prefixes.values()];
  }

  /**
   * One warning per filter or hint that matched nothing, with the nearest of `endpoints`
   * (shown templates), or of `prefixes` when no endpoint was documented.
   */
  finish(endpoints: readonly ShownPath[], prefixes: readonly ShownPath[]): Diagnostic[] {
    const candidates = endpoints.length > 0 ? endpoints : prefixes;
    const out: Diagnostic[] = [];
    for (const h of this.hosts) {
      if (h.matched) continue;
      const hosts = [...this.seenHosts].sort();
      const message = `${h.flag} "${h.text}" matched no request; hosts in the capture: ${list(hosts.slice(0, 5), hosts.length)}`;
      out.push({ severity: 'warning', code: 'filter-unmatched', message });
    }
    for (const g of [...this.globs, ...this.hints]) {
      if (g.matched) continue;
      const near = nearest(g.text, candidates);
      const tail = near.length > 0 ? `; nearest: ${near.join(', ')}` : '';
      if (g.flag === '--hint') {
        out.push({ severity: 'warning', code: 'hint-unmatched', message: `${g.flag} "${g.text}" matched no API request, so it changed nothing${tail}` });
      } else out.push({ severity: 'warning', code: 'filter-unmatched', message: `${g.flag} "${g.text}" matched no request, so it changed nothing${tail}` });
    }
    return out;
  }
}

function list(items: readonly string[], total: number): string {
  if (items.length === 0) return 'none';
  return total > items.length ? `${items.join(', ')} and ${total - items.length} more` : items.join(', ');
}

/** A hint matches a URL it is a prefix of: literals equal, every other kind of segment fits any value. */
export function hintMatches(hint: PathHint, host: string, path: string): boolean {
  if (hint.host !== null && !matchesHost(host, [hint.host])) return false;
  const segments = path.split('/').slice(1);
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  if (segments.length < hint.segments.length) return false;
  return hint.segments.every((s, i) => s.type !== 'literal' || s.value === segments[i]);
}

/**
 * The candidates closest to a written path: leading segments in common (a parameter or wildcard
 * fits any segment; a word one or two typing slips away, `widget`/`widgets`, fits less), then
 * its words found anywhere, then by text. Only candidates that share a word are proposed.
 */
export function nearest(written: string, candidates: readonly ShownPath[]): string[] {
  const slash = written.indexOf('/');
  const wanted = (slash === -1 ? written : written.slice(slash)).split('/').filter((s) => s !== '');
  const words = wanted.filter((s) => !isWildcard(s)).map((s) => s.toLowerCase());
  const scored = candidates.map((c) => {
    const segments = c.path.split('/').filter((s) => s !== '');
    let lead = 0;
    for (let i = 0; i < wanted.length && i < segments.length; i++) {
      const fit = fits(wanted[i]!, segments[i]!);
      if (fit === 0) break;
      lead += fit;
    }
    let shared = 0;
    for (const segment of segments) {
      const lower = segment.toLowerCase();
      shared += Math.max(0, ...words.map((w) => likeness(w, lower)));
    }
    return { text: `${c.host}${c.path}`, score: lead * 2 + shared, shared };
  });
  return scored
    .filter((s) => s.shared > 0)
    .sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .slice(0, NEAREST)
    .map((s) => s.text);
}

function isWildcard(segment: string): boolean {
  return segment.includes('*') || segment.includes('?') || segment === '^' || isParam(segment);
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/** 2 when a written segment fits a candidate's exactly (or by wildcard or parameter), 1 when nearly, else 0. */
function fits(wanted: string, segment: string): number {
  if (isWildcard(wanted) || isParam(segment)) return 2;
  return likeness(wanted.toLowerCase(), segment.toLowerCase());
}

/** 2 for the same word, 1 for a near one (an edit or two apart, by length), else 0. */
export function likeness(a: string, b: string): number {
  if (a === b) return 2;
  const shorter = Math.min(a.length, b.length);
  const allowed = shorter < 4 ? 0 : shorter < 8 ? 1 : 2;
  if (allowed === 0 || Math.abs(a.length - b.length) > allowed || Math.max(a.length, b.length) > 64) return 0;
  return editDistance(a, b, allowed) <= allowed ? 1 : 0;
}

/** Levenshtein distance, stopping once every cell of a row exceeds `limit` (short words only). */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return best;
    previous = current;
  }
  return previous[b.length]!;
}

/** The path up to its third `/` (its first two segments: `/a/b` of `/a/b/c`), without splitting it. */
function firstSegments(path: string): string {
  let end = -1;
  for (let n = 0; n < 3; n++) {
    end = path.indexOf('/', end + 1);
    if (end === -1) return path;
  }
  return path.slice(0, end);
}
