/**
 * Path templating, decided per host over all observed URLs at once (a trie), not URL by URL.
 * At each position, in this order:
 *
 *   1. hints (hints.ts) decide where they speak;
 *   2. API-root segments and versions stay literal (api-root.ts, vocabulary.ts), a bare `3` or
 *      `2024-01` only right after the root;
 *   3. identifiers (segments.ts) merge into one `{name}`; plain words next to them stay literal
 *      (`/gizmos/snorlax/sidebar` beside `/gizmos/{gizmo_id}/conversations`);
 *   4. where there are no identifiers, many distinct words that behave alike become a parameter
 *      (likeness.ts), sub-resources excepted: reserved words (`me`, `new`) and, under a
 *      parameter, plural nouns (`/users/{user_id}/followers`).
 *
 * Paths deeper than `MAX_SEGMENTS` keep their rest as one literal tail, so the decision's depth
 * is bounded whatever a URL holds.
 *
 * One trie position gives one name everywhere, whatever the method. Every parameter records why
 * it exists (`PathParam.reason`); words kept literal against the count rule are reported as
 * `info` diagnostics, so `--explain` can say both.
 */
import type { Context } from '../context.js';
import type { Exchange, Payload } from '../exchange.js';
import type { IdKind, PathParam } from '../model.js';
import { compareMethods, compareText } from '../order.js';
import { detectApiRoot } from './api-root.js';
import { matchesHost } from './glob.js';
import { type PathHint, parseHint } from './hints.js';
import { isDistinctiveId, ListedIds } from './listed-ids.js';
import { itemNoun, paramName } from './names.js';
import { type SegmentClass, classifySegment, dropMatrixValues, splitExtension } from './segments.js';
import { type Child, type ParamSource, type RulePosition, decideByHint, decideByIds, decideByWords, sortChildren } from './template-rules.js';
import { type TrieNode, addPath, childrenOf, emptyNode } from './trie.js';
import { isApiWord } from './vocabulary.js';

/**
 * What templating reads of an exchange: method, host, path, and the status and body of the
 * response (sibling words are compared by the keys of their JSON responses). An `Exchange` is
 * one; a pipeline that streams keeps only this much of each.
 */
export interface PathSample {
  method: string;
  url: { host: string; path: string };
  response: { status: number; body: Payload | null };
}

/** A path parameter as templating found it: its example is an original segment, shown only through the gate (infer/gate.ts). */
export type ObservedPathParam = Omit<PathParam, 'example'> & { example?: string };

export interface EndpointGroup<T extends PathSample = Exchange> {
  method: string;
  host: string;
  /** Template path: `/backend-api/conversation/{conversation_id}`. */
  path: string;
  pathParams: ObservedPathParam[];
  exchanges: T[];
}

export interface Templated<T extends PathSample = Exchange> {
  /** Sorted by method, host, path. */
  groups: EndpointGroup<T>[];
  /** The API root per host (`/backend-api`), `` where none was found. */
  apiRoots: Record<string, string>;
}

interface TemplateNode {
  literals: Map<string, TemplateNode>;
  param: TemplateParam | null;
}

interface TemplateParam {
  name: string;
  reason: string;
  source: ParamSource;
  /** The singular noun of the plural collection that named it (`repos` → `repo`), when one did. */
  item: string | null;
  /** The collection before it was called itself (`GET /articles/` beside `/articles/{id}/`): it lists these ids. */
  listed: boolean;
  node: TemplateNode;
}

interface Position extends RulePosition {
  /** The parameter this position follows, when it follows one: the pair may be renamed together. */
  above: TemplateParam | null;
  /** Parameter names taken on this branch. */
  used: ReadonlySet<string>;
  /** The template so far, for messages. */
  path: string;
}

/** Groups exchanges into endpoints: same method, host and path template. */
export function templatePaths<T extends PathSample>(exchanges: readonly T[], ctx: Context, listed: ListedIds = new ListedIds()): Templated<T> {
  const hints = parseHints(ctx);
  const byHost = new Map<string, T[]>();
  for (const exchange of exchanges) {
    const list = byHost.get(exchange.url.host);
    if (list) list.push(exchange);
    else byHost.set(exchange.url.host, [exchange]);
  }
  const groups: EndpointGroup<T>[] = [];
  const apiRoots: Record<string, string> = {};
  for (const host of [...byHost.keys()].sort()) {
    const hostHints = hints.filter((h) => h.host === null || matchesHost(host, [h.host]));
    const result = templateHost(host, byHost.get(host)!, hostHints, ctx, listed);
    groups.push(...result.groups);
    apiRoots[host] = result.apiRoot;
  }
  return { groups: groups.sort(compareGroups), apiRoots };
}

function parseHints(ctx: Context): PathHint[] {
  const hints: PathHint[] = [];
  for (const text of ctx.options.hints) {
    const parsed = parseHint(text);
    if (parsed.hint) hints.push(parsed.hint);
    else ctx.report({ severity: 'warning', code: 'invalid-hint', message: `${parsed.error}; ignored` });
  }
  return hints;
}

function templateHost<T extends PathSample>(
  host: string,
  exchanges: readonly T[],
  hints: readonly PathHint[],
  ctx: Context,
  listed: ListedIds,
): { groups: EndpointGroup<T>[]; apiRoot: string } {
  const trie = emptyNode();
  // A capture calls the same paths again and again: each distinct path is split once.
  const byPath = new Map<string, string[]>();
  const segmented = exchanges.map((exchange) => {
    const path = exchange.url.path;
    let segments = byPath.get(path);
    if (segments === undefined) byPath.set(path, (segments = splitPath(path)));
    return { exchange, segments };
  });
  for (const { exchange, segments } of segmented) addPath(trie, segments, exchange);
  const root = detectApiRoot(trie);
  const template = decide(
    {
      nodes: [trie],
      parent: null,
      grandparent: null,
      afterParam: false,
      above: null,
      afterRoot: root.length === 0,
      depth: 0,
      used: new Set(),
      root,
      hints,
      path: '',
    },
    host,
    ctx,
  );
  // Every path once, in first-seen order: a path seen again adds no value a parameter lacks.
  nameByIdentity(template, byPath.values(), (value) => listed.nounsOf(host, value));
  return { groups: groupExchanges(host, segmented, template), apiRoot: root.length > 0 ? `/${root.join('/')}` : '' };
}

/**
 * One position: the first rule that speaks decides (template-rules.ts), then the literals and
 * the parameter, if any, are decided below in turn.
 */
function decide(at: Position, host: string, ctx: Context): TemplateNode {
  const here = at.hints.filter((h) => h.segments.length > at.depth);
  const sorted = sortChildren({ ...at, hints: here }, mergeChildren(at.nodes));
  const decision = decideByHint(sorted) ?? decideByIds(at, sorted) ?? decideByWords(at, sorted);
  const { members, literals, source, reason: decided, keptLiteral } = decision;
  let reason = decided;
  if (keptLiteral) {
    const hint = keptLiteral.suggestion === null ? '' : `; if they are values of one parameter, add a hint such as ${at.path}/{${keptLiteral.suggestion}}`;
    ctx.report({
      severity: 'info',
      code: 'path-kept-literal',
      message: `${host}${at.path}/*: ${keptLiteral.count} distinct words kept as literal endpoints (${keptLiteral.reason})${hint}`,
    });
  }

  let used = at.used;
  let path = at.path;
  let base = decision.name ?? paramName({ parent: at.parent, grandparent: at.grandparent, kind: decision.kind, prefix: decision.prefix });
  const owner = members.length > 0 && source === 'words' ? ownerPair(at) : null;
  if (owner) {
    // `/repos/{repo_owner}/{repo_id}`: two word positions in a row under one collection are a
    // two-part key, the owner's name and then the item's; the collection names the item. Renamed
    // before anything below is decided, so every path and name below sees the final names.
    path = `${path.slice(0, path.length - at.above!.name.length - 2)}{${owner.owner}}`;
    used = owner.used;
    at.above!.name = owner.owner;
    at.above!.reason += `; named as the owner part of a two-part key, {${owner.owner}}/{${owner.id}}`;
    base = owner.id;
    reason += `; named as the item part of a two-part key, {${owner.owner}}/{${owner.id}}`;
  }

  const node: TemplateNode = { literals: new Map(), param: null };
  for (const child of literals.sort((a, b) => compareText(a.segment, b.segment))) {
    node.literals.set(
      child.segment,
      decide(
        {
          nodes: child.nodes,
          parent: child.decoded,
          grandparent: at.parent,
          afterParam: false,
          above: null,
          afterRoot: at.root.length > 0 ? child.segment === at.root[0] && at.root.length === 1 : at.afterRoot && isApiWord(child.decoded),
          depth: at.depth + 1,
          used,
          root: child.segment === at.root[0] ? at.root.slice(1) : [],
          hints: here.filter((h) => followsLiteral(h, at.depth, child)),
          path: `${path}/${child.segment}`,
        },
        host,
        ctx,
      ),
    );
  }
  if (members.length > 0) {
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}${n}`;
    const item = source === 'hint' ? null : itemNoun(at.parent);
    const param: TemplateParam = { name, reason, source, item, listed: item !== null && at.nodes.some((n) => n.ends > 0), node: EMPTY };
    param.node = decide(
      {
        nodes: members.flatMap((m) => m.nodes),
        parent: null,
        grandparent: at.parent,
        afterParam: true,
        above: param,
        afterRoot: false,
        depth: at.depth + 1,
        used: new Set([...used, name]),
        root: [],
        hints: here.filter((h) => h.segments[at.depth]!.type === 'param' || h.segments[at.depth]!.type === 'any'),
        path: `${path}/{${name}}`,
      },
      host,
      ctx,
    );
    node.param = param;
  }
  return node;
}

const EMPTY: TemplateNode = { literals: new Map(), param: null };

/** Values remembered per parameter to find the same id at several positions. */
const IDENTITY_VALUES = 1000;

/**
 * One id, one name, from the resource the id identifies:
 *   1. a parameter whose values a collection listed in its responses (`GET /articles` answering
 *      `[{"id": …}]`, listed-ids.ts) is named after it: `/bookmarks/{article_id}/`;
 *   2. when the same identifier values fill parameters at several positions
 *      (`/articles/{article_id}/` and `/bookmarks/{bookmark_id}/` holding the same uuids), the
 *      parameters take the name of the one a plural collection named.
 * Only distinctive values count (uuids, tokens, long numbers): `1` under `/orders` and `1`
 * under `/pages` are not the same thing. A name already taken on a parameter's branch is left.
 */
function nameByIdentity(template: TemplateNode, paths: Iterable<readonly string[]>, listedAs: (value: string) => string[]): void {
  const values = new Map<TemplateParam, Set<string>>();
  const branch = new Map<TemplateParam, TemplateParam[]>();
  walkParams(template, [], branch);
  for (const segments of paths) {
    let node: TemplateNode | undefined = template;
    for (const segment of segments) {
      const literal: TemplateNode | undefined = node?.literals.get(segment);
      if (literal || !node?.param) {
        node = literal;
        continue;
      }
      const param = node.param;
      const value = splitExtension(decodeSegment(segment))[0];
      if (param.source === 'ids' && isDistinctiveId(value)) {
        let set = values.get(param);
        if (!set) values.set(param, (set = new Set()));
        if (set.size < IDENTITY_VALUES) set.add(value);
      }
      node = param.node;
    }
  }
  for (const [param, set] of values) nameByListing(param, set, branch.get(param)!, listedAs);
  // The owner of a value: a listed collection first, then any collection, the one with most values.
  const rank = (p: TemplateParam) => (p.listed ? 2 : p.item !== null ? 1 : 0);
  const owners = new Map<string, TemplateParam>();
  const candidates = [...values.keys()]
    .filter((p) => rank(p) > 0)
    .sort((a, b) => rank(b) - rank(a) || values.get(b)!.size - values.get(a)!.size || compareText(a.name, b.name));
  for (const param of candidates) for (const value of values.get(param)!) if (!owners.has(value)) owners.set(value, param);
  for (const [param, set] of values) {
    let owner: TemplateParam | undefined;
    for (const value of set) if ((owner = owners.get(value))) break;
    if (!owner || owner === param || owner.name === param.name || rank(owner) <= rank(param)) continue;
    const taken = branch.get(param)!.some((other) => other !== param && other.name === owner.name);
    if (taken) continue;
    param.reason += `; named {${owner.name}}: the same values are {${owner.name}} elsewhere`;
    param.name = owner.name;
  }
}

/** Every parameter with the parameters above and below it on its branches. */
function walkParams(node: TemplateNode, above: TemplateParam[], branch: Map<TemplateParam, TemplateParam[]>): TemplateParam[] {
  const below: TemplateParam[] = [];
  for (const child of node.literals.values()) below.push(...walkParams(child, above, branch));
  if (node.param) {
    const param = node.param;
    const under = walkParams(param.node, [...above, param], branch);
    branch.set(param, [...above, ...under]);
    below.push(param, ...under);
  }
  return below;
}

/**
 * The name of the collection that listed most of a parameter's values (its own parent first on a
 * tie): `/bookmarks/{x}` holding ids that `GET /articles` answered is `{article_id}`.
 */
function nameByListing(param: TemplateParam, values: ReadonlySet<string>, branch: readonly TemplateParam[], listedAs: (value: string) => string[]): void {
  const counts = new Map<string, number>();
  for (const value of values) for (const noun of listedAs(value)) counts.set(noun, (counts.get(noun) ?? 0) + 1);
  if (counts.size === 0) return;
  const [noun] = [...counts].sort(([a, m], [b, n]) => n - m || Number(b === param.item) - Number(a === param.item) || compareText(a, b))[0]!;
  const name = `${noun}_id`;
  if (noun === param.item || name === param.name || branch.some((other) => other !== param && other.name === name)) return;
  param.reason += `; named {${name}}: its values are the ids that a ${noun} listing answered`;
  param.name = name;
  // It now names what the listing names: the collection is its owner for the rule below.
  param.item = noun;
}

/**
 * The names for a word parameter right after a word parameter that a plural collection named
 * (`/repos/octocat/hello-world`): `{repo_owner}` and `{repo_id}`, unless those names are taken.
 */
function ownerPair(at: Position): { owner: string; id: string; used: Set<string> } | null {
  const above = at.above;
  if (above === null || above.source !== 'words' || above.item === null) return null;
  const owner = `${above.item}_owner`;
  const id = `${above.item}_id`;
  const used = new Set(at.used);
  used.delete(above.name);
  return used.has(owner) || used.has(id) ? null : { owner, id, used: new Set([...used, owner]) };
}

function followsLiteral(hint: PathHint, depth: number, child: Child): boolean {
  const segment = hint.segments[depth]!;
  if (segment.type === 'literal') return segment.value === child.decoded || segment.value === child.segment;
  return segment.type !== 'param';
}

/** The children of all nodes at one position, merged by segment and sorted, with their origins. */
function mergeChildren(nodes: readonly TrieNode[]): Child[] {
  const children = new Map<string, Child>();
  nodes.forEach((node, index) => {
    for (const [segment, childNode] of childrenOf(node)) {
      let child = children.get(segment);
      if (!child) children.set(segment, (child = { segment, decoded: decodeSegment(segment), nodes: [], sources: [] }));
      child.nodes.push(childNode);
      child.sources.push(index);
    }
  });
  return [...children.values()].sort((a, b) => compareText(a.segment, b.segment));
}

interface ParamValues {
  param: ObservedPathParam;
  values: Set<string>;
  classes: SegmentClass[];
  source: ParamSource;
}

interface GroupEntry<T extends PathSample> {
  group: EndpointGroup<T>;
  params: Map<number, ParamValues>;
}

function groupExchanges<T extends PathSample>(
  host: string,
  segmented: readonly { exchange: T; segments: string[] }[],
  template: TemplateNode,
): EndpointGroup<T>[] {
  const groups = new Map<string, GroupEntry<T>>();
  // The group of each path and method already placed: a path seen again with the same method
  // joins it and adds no parameter value it lacks.
  const placed = new Map<string, Map<string, GroupEntry<T>>>();
  for (const { exchange, segments } of segmented) {
    let byMethod = placed.get(exchange.url.path);
    if (byMethod === undefined) placed.set(exchange.url.path, (byMethod = new Map()));
    const known = byMethod.get(exchange.method);
    if (known !== undefined) {
      known.group.exchanges.push(exchange);
      continue;
    }
    let path = '';
    const found: { position: number; param: NonNullable<TemplateNode['param']>; value: string }[] = [];
    let node: TemplateNode | undefined = template;
    for (let position = 0; position < segments.length; position++) {
      const segment = segments[position]!;
      const literal: TemplateNode | undefined = node?.literals.get(segment);
      if (literal || !node?.param) {
        path += `/${segment}`;
        node = literal;
        continue;
      }
      const [stem, extension] = splitExtension(decodeSegment(segment));
      path += `/{${node.param.name}}${extension}`;
      found.push({ position, param: node.param, value: stem });
      node = node.param.node;
    }
    // A path is documented as the client sent it: `/api/login/` is not `/api/login` to Django.
    if (path !== '' && exchange.url.path.endsWith('/')) path += '/';
    path ||= '/';
    const key = `${exchange.method} ${path}`;
    let entry = groups.get(key);
    if (!entry) groups.set(key, (entry = { group: { method: exchange.method, host, path, pathParams: [], exchanges: [] }, params: new Map() }));
    byMethod.set(exchange.method, entry);
    entry.group.exchanges.push(exchange);
    for (const { position, param, value } of found) {
      let values = entry.params.get(position);
      if (!values) {
        const described: ObservedPathParam = { name: param.name, position, kind: 'word', pattern: '', distinct: 0, example: value, reason: param.reason };
        entry.params.set(position, (values = { param: described, values: new Set(), classes: [], source: param.source }));
      }
      if (!values.values.has(value)) {
        values.values.add(value);
        values.classes.push(classifySegment(value));
      }
    }
  }
  return [...groups.values()].map(({ group, params }) => ({
    ...group,
    pathParams: [...params.values()]
      .sort((a, b) => a.param.position - b.param.position)
      .map(({ param, values, classes, source }) => ({ ...param, ...describeValues(classes, source), distinct: values.size })),
  }));
}

/**
 * Kind, pattern and regex over the distinct values. For identifier parameters, words that joined
 * as lookalikes take the identifiers' description (but then no strict regex is claimed).
 */
function describeValues(classes: readonly SegmentClass[], source: ParamSource): Pick<PathParam, 'kind' | 'pattern' | 'regex'> {
  const ids = classes.filter((c) => c.kind !== 'word');
  const shown = source === 'ids' && ids.length > 0 ? ids : classes.map((c) => (c.kind === 'word' ? { ...c, pattern: 'name or slug' } : c));
  const patterns = [...new Set(shown.map((c) => c.pattern))].sort();
  const kinds = [...new Set(shown.map((c) => c.kind))];
  const regexes = [...new Set(shown.map((c) => c.regex))];
  const kind: IdKind = kinds.length === 1 ? kinds[0]! : source === 'hint' ? 'hint' : 'token';
  const described: Pick<PathParam, 'kind' | 'pattern' | 'regex'> = { kind, pattern: patterns.join(' | ') };
  if (shown.length === classes.length && regexes.length === 1 && regexes[0] !== undefined) described.regex = regexes[0];
  return described;
}

/**
 * Segments templated one by one; deeper paths keep the rest as one literal tail. Real routes stay
 * far below it (the deepest in the shared corpus has 11), and the bound keeps the decision's depth,
 * and the names taken along one branch, small whatever a capture holds (a 2 000-segment URL).
 */
export const MAX_SEGMENTS = 32;

/**
 * `/a/b/` → `['a', 'b']` (the trailing slash is put back on the template, see `groupExchanges`);
 * the root path has no segments; matrix parameter values are dropped.
 * Past `MAX_SEGMENTS`, the last segment is the rest of the path (`s31/s32/…`), always a literal.
 */
export function splitPath(path: string): string[] {
  const segments = path.split('/').slice(1).map(dropMatrixValues);
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  if (segments.length > MAX_SEGMENTS) segments.push(segments.splice(MAX_SEGMENTS - 1).join('/'));
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

/** Method (in the conventional order), then host, then path. */
export function compareGroups(a: { method: string; host: string; path: string }, b: { method: string; host: string; path: string }): number {
  return compareMethods(a.method, b.method) || compareText(a.host, b.host) || compareText(a.path, b.path);
}
