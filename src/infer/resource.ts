/**
 * The resource each endpoint belongs to: the first meaningful literal segment of its path after
 * the host's API root (`/backend-api/conversation/{conversation_id}` → `conversation`). Version
 * segments (`v1`), one-letter segments (`/f/`) and parameters are not meaningful; when every
 * endpoint of a host shares the same first segment (`/organizations/{org_id}/…`), the grouping
 * looks one level deeper, so a host never collapses into one group.
 */
import { compareText } from '../order.js';

export interface ResourcePath {
  host: string;
  path: string;
}

/** One resource name per path, in input order. `apiRoots` by host (`` when none). */
export function assignResources(paths: readonly ResourcePath[], apiRoots: Readonly<Record<string, string>>): string[] {
  const segmentsOf = paths.map((p) => meaningfulSegments(stripRoot(p.path, apiRoots[p.host] ?? '')));
  const byHost = new Map<string, string[][]>();
  paths.forEach((p, i) => {
    const list = byHost.get(p.host);
    if (list) list.push(segmentsOf[i]!);
    else byHost.set(p.host, [segmentsOf[i]!]);
  });
  const depthByHost = new Map<string, number>();
  for (const [host, mine] of byHost) {
    let depth = 0;
    // Deeper while all share one segment there and some path goes further.
    while (mine.length > 1 && sharedAt(mine, depth) && mine.some((s) => s.length > depth + 1)) depth++;
    depthByHost.set(host, depth);
  }
  return segmentsOf.map((segments, i) => {
    const depth = depthByHost.get(paths[i]!.host)!;
    return segments[Math.min(depth, segments.length - 1)] ?? '(root)';
  });
}

function sharedAt(list: readonly string[][], depth: number): boolean {
  const first = list[0]![depth] ?? '';
  return list.every((s) => (s[depth] ?? '') === first);
}

function stripRoot(path: string, root: string): string {
  return root && (path === root || path.startsWith(`${root}/`)) ? path.slice(root.length) : path;
}

function meaningfulSegments(path: string): string[] {
  return path.split('/').filter((s) => s.length > 1 && !s.startsWith('{') && !/^v\d+(?:\.\d+)?$/i.test(s) && !/^(?:api|rest)$/i.test(s));
}

/** Endpoint order inside a resource: by path, then method (GET, POST, PUT, PATCH, DELETE …). */
export function compareInResource(a: { path: string; method: string }, b: { path: string; method: string }, methods: (x: string, y: string) => number): number {
  return compareText(a.path, b.path) || methods(a.method, b.method);
}
