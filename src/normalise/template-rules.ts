/**
 * The rules that decide one position of a host's path trie (templates.ts walks the trie and
 * applies them). Each rule returns a decision, never mutates its input: which children merge
 * into one parameter, which stay literal, and why. In order:
 *
 *   1. `sortChildren`: hinted literals, API-root segments, versions and `^` positions stay
 *      literal; the rest are identifiers (segments.ts) or plain words;
 *   2. `decideByHint`: a `{name}` hint takes every child but the hinted literals;
 *   3. `decideByIds`: identifiers merge, with words of their shape and, when they behave alike,
 *      other words; sub-resources and literal siblings stay;
 *   4. `decideByWords`: without identifiers, many distinct words that behave alike merge
 *      (likeness.ts); otherwise they stay literal, with a note proposing a hint where one fits.
 */
import { isReservedWord } from '../reserved-words.js';
import type { PathHint } from './hints.js';
import { MIN_WORD_VALUES, type WordValue, judgeWordValues } from './likeness.js';
import { paramName } from './names.js';
import { isPlural } from './plural.js';
import { type SegmentClass, classifySegment, isIdentifier, shapeOf, splitExtension } from './segments.js';
import type { TrieNode } from './trie.js';
import { isRootWord, isVersionSegment } from './vocabulary.js';

/** Which rule made the parameter: identifiers, many alike words, or a hint. */
export type ParamSource = 'ids' | 'words' | 'hint';

export interface Child {
  segment: string;
  decoded: string;
  nodes: TrieNode[];
  sources: number[];
}

/** What a rule reads of the position: its place in the trie and on the branch. */
export interface RulePosition {
  /** The literal before this position; null at the start or after a parameter. */
  parent: string | null;
  grandparent: string | null;
  afterParam: boolean;
  /** Right after the API root (or, without one, a leading run of API words): `3` here is a version. */
  afterRoot: boolean;
  depth: number;
  /** API-root segments still ahead on this branch. */
  root: readonly string[];
  /** Hints still matching this branch. */
  hints: readonly PathHint[];
  /** The trie nodes merged at this position (more than one after a parameter). */
  nodes: readonly TrieNode[];
}

export interface Decision {
  /** Children merged into one parameter (none: every child is a literal). */
  members: Child[];
  literals: Child[];
  source: ParamSource;
  /** The value kind, for the name (`uuid`, `date`, `id` for several, `word`). */
  kind: string;
  prefix: string | null;
  /** The name a hint gave, when one did. */
  name: string | null;
  /** Why (for `--explain`). */
  reason: string;
  /** Words kept literal against the count rule: said as an `info` diagnostic. */
  keptLiteral: { count: number; reason: string; suggestion: string | null } | null;
}

export interface SortedChildren {
  /** Literal by rule: hinted, the API root, a version, under `^`, or holding a `/`. */
  literals: Child[];
  ids: { child: Child; cls: SegmentClass }[];
  words: Child[];
  paramHint: { hint: PathHint; name: string } | null;
}

/** Rule 1: sorts the children of a position into literals by rule, identifiers and words. */
export function sortChildren(at: RulePosition, children: readonly Child[]): SortedChildren {
  const hintLiterals = new Set<string>();
  let paramHint: SortedChildren['paramHint'] = null;
  let never = false;
  for (const hint of at.hints) {
    const segment = hint.segments[at.depth]!;
    if (segment.type === 'literal') hintLiterals.add(segment.value);
    else if (segment.type === 'param') paramHint ??= { hint, name: segment.name };
    else if (segment.type === 'never') never = true;
  }
  const sorted: SortedChildren = { literals: [], ids: [], words: [], paramHint };
  for (const child of children) {
    if (hintLiterals.has(child.decoded) || hintLiterals.has(child.segment)) sorted.literals.push(child);
    else if (paramHint) sorted.words.push(child);
    else if (never || child.segment.includes('/') || child.segment === at.root[0] || isVersionSegment(child.decoded, at.afterRoot ? at.parent : null))
      sorted.literals.push(child);
    else {
      const cls = classifySegment(splitExtension(child.decoded)[0]);
      if (isIdentifier(cls)) sorted.ids.push({ child, cls });
      else sorted.words.push(child);
    }
  }
  return sorted;
}

/** Rule 2: a `{name}` hint takes every child but the hinted literals. */
export function decideByHint(sorted: SortedChildren): Decision | null {
  if (!sorted.paramHint) return null;
  return {
    ...NO_PARAM,
    members: sorted.words,
    literals: sorted.literals,
    source: 'hint',
    name: sorted.paramHint.name,
    reason: `hint ${sorted.paramHint.hint.text}`,
  };
}

/**
 * Rule 3: identifiers merge into one parameter, with the words of their shape (`P2JCJHVKKCNN`
 * beside `P2JCJH3E2SNA`) and, when they behave like the ids, other words (`/users/john123`
 * beside `/users/alice`); sub-resources and other words stay literal siblings.
 */
export function decideByIds(at: RulePosition, sorted: SortedChildren): Decision | null {
  const { ids, words } = sorted;
  if (ids.length === 0) return null;
  const shapes = new Set(ids.map((i) => shapeOf(i.child.decoded)));
  let joined: Child[] = [];
  let siblings: Child[] = [];
  for (const word of words) (!isSubResource(word, at) && shapes.has(shapeOf(word.decoded) ?? '-') ? joined : siblings).push(word);
  let alike = joined.length > 0 ? `, with ${joined.length} value(s) of the same shape` : '';
  const candidates = siblings.filter((w) => !isSubResource(w, at));
  if (candidates.length >= MIN_WORD_VALUES && mayHoldValues(at)) {
    const judged = judgeWordValues(candidates.map(wordValue), at.parent, at.nodes.length, [...ids.map((i) => i.child), ...joined].map(wordValue));
    if (judged.accept) {
      joined = [...joined, ...candidates];
      siblings = siblings.filter((w) => isSubResource(w, at));
      alike = `, with ${candidates.length} distinct words that behave alike (${judged.reason})`;
    }
  }
  const kinds = [...new Set(ids.map((i) => i.cls.kind))].sort();
  const prefixes = new Set(ids.map((i) => i.cls.prefix ?? ''));
  const nouns = new Set(ids.map((i) => i.cls.noun ?? ''));
  // `0` and `1` alone are a switch, not the ids of anything (`/missions/{mission_id}/1/0`): right
  // after another parameter, or both seen where no collection names the values.
  const binary = joined.length === 0 && ids.every((i) => i.child.decoded === '0' || i.child.decoded === '1');
  const flag = binary && (at.afterParam || (ids.length === 2 && (at.parent === null || !isPlural(at.parent))));
  const noun = flag ? 'flag' : nouns.size === 1 ? [...nouns][0]! || null : null;
  return {
    ...NO_PARAM,
    members: [...ids.map((i) => i.child), ...joined],
    literals: [...sorted.literals, ...siblings],
    source: 'ids',
    kind: noun ?? (kinds.length === 1 ? kinds[0]! : 'id'),
    prefix: prefixes.size === 1 ? [...prefixes][0]! || null : null,
    reason: `values are identifiers (${kinds.join(', ')})${alike}${siblingNote(siblings)}`,
  };
}

/**
 * Rule 4: without identifiers, many distinct words that behave alike are values of one
 * parameter; sub-resources stay. Words kept literal against the count are noted, with a hint
 * to propose unless they follow a parameter: the words after an id are what is done with it
 * (`/rooms/{room_id}/send`, `/messages`, `/state`), and templating them would merge endpoints.
 */
export function decideByWords(at: RulePosition, sorted: SortedChildren): Decision {
  const { words } = sorted;
  const candidates = words.filter((w) => !isSubResource(w, at));
  const kept = words.filter((w) => isSubResource(w, at));
  const judged = candidates.length >= MIN_WORD_VALUES && mayHoldValues(at) ? judgeWordValues(candidates.map(wordValue), at.parent, at.nodes.length) : null;
  if (judged?.accept) {
    const where = at.parent === null ? 'under one parameter' : `under "${at.parent}"`;
    return {
      ...NO_PARAM,
      members: candidates,
      literals: [...sorted.literals, ...kept],
      source: 'words',
      kind: 'word',
      reason: `${candidates.length} distinct words ${where}, none a literal: ${judged.reason}${siblingNote(kept)}`,
    };
  }
  const suggestion = at.afterParam ? null : paramName({ parent: at.parent, grandparent: at.grandparent, kind: 'word', prefix: null });
  return {
    ...NO_PARAM,
    literals: [...sorted.literals, ...words],
    keptLiteral: judged ? { count: candidates.length, reason: judged.reason, suggestion } : null,
  };
}

const NO_PARAM: Decision = { members: [], literals: [], source: 'ids', kind: 'id', prefix: null, name: null, reason: '', keptLiteral: null };

/**
 * Words that are sub-resources rather than values: reserved words anywhere (`me`, `new`), and
 * under a parameter also plural nouns (`/users/{user_id}/followers`, `/subscribers`), which
 * name collections of the resource, not other resources of its kind.
 */
function isSubResource(word: Child, at: RulePosition): boolean {
  return isReservedWord(word.decoded) || (at.afterParam && isPlural(word.decoded));
}

/** Whether words here may be values at all: not right under the API root, a version or the host root. */
function mayHoldValues(at: RulePosition): boolean {
  if (at.depth === 0 || at.root.length > 0) return false;
  if (at.afterParam) return true;
  return at.parent !== null && !isRootWord(at.parent) && !isVersionSegment(at.parent, at.grandparent);
}

function siblingNote(words: readonly Child[]): string {
  if (words.length === 0) return '';
  const shown = words
    .slice(0, 3)
    .map((w) => w.segment)
    .join(', ');
  return `; literal sibling(s) kept: ${shown}${words.length > 3 ? ` and ${words.length - 3} more` : ''}`;
}

function wordValue(child: Child): WordValue {
  return { value: child.decoded, nodes: child.nodes, sources: child.sources };
}
