/**
 * Path templating, decided per host over all observed URLs at once (a trie), not URL by URL.
 * At each position the segments seen under one parent are classified; identifiers merge into
 * one `{name}` child, literals stay their own branches, so `/gizmos/snorlax/sidebar` stays
 * next to `/gizmos/{gizmo_id}/conversations`. The same trie node gives the same name everywhere.
 */
import type { Exchange } from '../exchange.js';
import type { PathParam } from '../model.js';
import { paramName } from './names.js';
import { type SegmentClass, classifySegment } from './segments.js';

export interface EndpointGroup {
  method: string;
  host: string;
  /** Template path: `/backend-api/conversation/{conversation_id}`. */
  path: string;
  pathParams: PathParam[];
  exchanges: Exchange[];
}

interface TrieNode {
  children: Map<string, TrieNode>;
}

interface TemplateNode {
  literals: Map<string, TemplateNode>;
  param: { name: string; reason: string; node: TemplateNode } | null;
}

/** Groups exchanges into endpoints: same method, host and path template. */
export function templatePaths(exchanges: readonly Exchange[]): EndpointGroup[] {
  const byHost = new Map<string, Exchange[]>();
  for (const exchange of exchanges) {
    const list = byHost.get(exchange.url.host);
    if (list) list.push(exchange);
    else byHost.set(exchange.url.host, [exchange]);
  }
  const groups: EndpointGroup[] = [];
  for (const [host, hostExchanges] of byHost) groups.push(...templateHost(host, hostExchanges));
  return groups.sort(compareGroups);
}

function templateHost(host: string, exchanges: Exchange[]): EndpointGroup[] {
  const root: TrieNode = { children: new Map() };
  const segmented = exchanges.map((exchange) => ({ exchange, segments: splitPath(exchange.url.path) }));
  for (const { segments } of segmented) {
    let node = root;
    for (const segment of segments) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { children: new Map() }));
      node = child;
    }
  }
  const template = decide([root], null, new Set());
  const groups = new Map<string, { group: EndpointGroup; values: Map<number, Set<string>>; classes: Map<number, SegmentClass[]> }>();
  for (const { exchange, segments } of segmented) {
    const parts: string[] = [];
    const params: { position: number; name: string; reason: string; value: string }[] = [];
    let node: TemplateNode | undefined = template;
    segments.forEach((segment, position) => {
      const literal: TemplateNode | undefined = node?.literals.get(segment);
      if (literal || !node?.param) {
        parts.push(segment);
        node = literal;
      } else {
        parts.push(`{${node.param.name}}`);
        params.push({ position, name: node.param.name, reason: node.param.reason, value: segment });
        node = node.param.node;
      }
    });
    const path = `/${parts.join('/')}`;
    const key = `${exchange.method} ${path}`;
    let entry = groups.get(key);
    if (!entry) {
      entry = { group: { method: exchange.method, host, path, pathParams: [], exchanges: [] }, values: new Map(), classes: new Map() };
      groups.set(key, entry);
    }
    entry.group.exchanges.push(exchange);
    for (const param of params) {
      let values = entry.values.get(param.position);
      if (!values) {
        entry.values.set(param.position, (values = new Set()));
        entry.classes.set(param.position, []);
        entry.group.pathParams.push({ name: param.name, position: param.position, kind: 'word', pattern: '', distinct: 0, example: param.value, reason: param.reason });
      }
      if (!values.has(param.value)) {
        values.add(param.value);
        entry.classes.get(param.position)!.push(classifySegment(decodeSegment(param.value)));
      }
    }
  }
  return [...groups.values()].map(({ group, values, classes }) => ({
    ...group,
    pathParams: group.pathParams.map((param) => ({ ...param, ...describeValues(classes.get(param.position)!), distinct: values.get(param.position)!.size })),
  }));
}

/**
 * Decides one position: `nodes` are the trie nodes merged into it (several when the parent was a
 * parameter), `parent` the literal before it, `used` the names already taken on this branch.
 */
function decide(nodes: TrieNode[], parent: string | null, used: ReadonlySet<string>): TemplateNode {
  const children = new Map<string, TrieNode[]>();
  for (const node of nodes) {
    for (const [segment, child] of node.children) {
      const list = children.get(segment);
      if (list) list.push(child);
      else children.set(segment, [child]);
    }
  }
  const literals = new Map<string, TemplateNode>();
  const idNodes: TrieNode[] = [];
  const kinds = new Set<string>();
  for (const [segment, childNodes] of children) {
    const cls = classifySegment(decodeSegment(segment));
    if (cls.kind === 'word') literals.set(segment, decide(childNodes, segment, used));
    else {
      idNodes.push(...childNodes);
      kinds.add(cls.kind);
    }
  }
  if (idNodes.length === 0) return { literals, param: null };
  const kind = kinds.size === 1 ? [...kinds][0]! : 'id';
  let name = paramName(parent, kind);
  for (let n = 2; used.has(name); n++) name = `${paramName(parent, kind)}${n}`;
  const reason = `values look like identifiers (${[...kinds].sort().join(', ')})`;
  return { literals, param: { name, reason, node: decide(idNodes, null, new Set([...used, name])) } };
}

function describeValues(classes: SegmentClass[]): Pick<PathParam, 'kind' | 'pattern' | 'regex'> {
  const patterns = [...new Set(classes.map((c) => c.pattern))].sort();
  const kinds = [...new Set(classes.map((c) => c.kind))];
  const regexes = [...new Set(classes.map((c) => c.regex))];
  const described: Pick<PathParam, 'kind' | 'pattern' | 'regex'> = { kind: kinds.length === 1 ? kinds[0]! : 'token', pattern: patterns.join(' | ') };
  if (regexes.length === 1 && regexes[0] !== undefined) described.regex = regexes[0];
  return described;
}

/** `/a/b/` → `['a', 'b']`; the root path has no segments. */
export function splitPath(path: string): string[] {
  const segments = path.split('/').slice(1);
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  return segments;
}

export function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Method (in the conventional order), then host, then path. */
export function compareGroups(a: { method: string; host: string; path: string }, b: { method: string; host: string; path: string }): number {
  const ma = METHOD_ORDER.indexOf(a.method);
  const mb = METHOD_ORDER.indexOf(b.method);
  if (ma !== mb) return (ma === -1 ? 99 : ma) - (mb === -1 ? 99 : mb) || (a.method < b.method ? -1 : 1);
  if (a.method !== b.method) return a.method < b.method ? -1 : 1;
  if (a.host !== b.host) return a.host < b.host ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
