/**
 * The second way a position becomes a parameter: many distinct plain words (`alice`, `bob`,
 * `carol`; `hello-world`, `linux`) share it and nothing marks any of them as a literal. Words
 * alone cannot tell `/users/alice` from `/settings/voices`, so the siblings must also behave
 * like one resource: the same response keys (whatever follows some of them), the same
 * continuation (`…/reviews`), or a value of their own below each (`/repos/octocat/hello-world`). Every judgement comes with its reason,
 * which `--explain` prints.
 */
import { isPlural } from './plural.js';
import { type TrieNode, childrenOf, responseKeys } from './trie.js';
import { isNamespace } from './vocabulary.js';

/** Fewer distinct words than this never become a parameter without a hint. */
export const MIN_WORD_VALUES = 3;
/** Similarity (Jaccard) each value's response keys need with the keys most values share. */
const SHAPE_AGREEMENT = 0.5;

export interface WordValue {
  value: string;
  /** The trie nodes of this value (several when the parent position is a parameter). */
  nodes: readonly TrieNode[];
  /** Which parent values (indexes of the merged parent nodes) the word was seen under. */
  sources: readonly number[];
}

export interface Judgement {
  accept: boolean;
  reason: string;
}

/**
 * Judges whether the words at one position are values of one parameter. `parent` is the literal
 * before them, or null when that is itself a parameter with `instances` observed values. `peers`
 * are identifiers already taken as values at the position: the words must pass on their own and
 * also resemble them (`/users/john123/profile` beside `/users/alice/profile` …), so a few literal
 * siblings never ride along on the ids' evidence.
 */
export function judgeWordValues(words: readonly WordValue[], parent: string | null, instances: number, peers: readonly WordValue[] = []): Judgement {
  if (words.length < MIN_WORD_VALUES) return reject(`only ${words.length} distinct value(s)`);
  if (parent !== null && (!isPlural(parent) || isNamespace(parent))) return reject(`"${parent}" is not a collection of like items`);
  if (parent === null) {
    const spread = new Set(words.flatMap((w) => w.sources)).size;
    const recurring = words.filter((w) => w.sources.length > 1).length;
    if (recurring > 0) return reject(`${recurring} of the words recur under several parent values, so they read as sub-resources`);
    if (spread < 2) return reject(`all words hang under one of ${instances} parent value(s), so they read as its sub-resources`);
  }

  const shapes = compareShapes([...words, ...peers]);
  if (shapes === 'differ')
    return reject(peers.length > 0 ? "their responses differ from each other or from the identifiers'" : 'their responses have different keys');

  // Responses of one shape are one resource, whatever continues below some of the values
  // (`/repos/facebook/react/issues` beside `/repos/torvalds/linux`).
  if (shapes === 'agree') return accept('their responses share their keys');
  const continuing = words.map((w) => ({ word: w, next: nextSegments(w) })).filter((c) => c.next.size > 0);
  if (continuing.length === 0) return reject('no response bodies to compare');
  const counts = new Map<string, number>();
  for (const { next } of continuing) for (const segment of next) counts.set(segment, (counts.get(segment) ?? 0) + 1);
  let shared: string | null = null;
  let sharedCount = 0;
  for (const [segment, count] of counts) {
    if (count > sharedCount || (count === sharedCount && shared !== null && segment < shared)) [shared, sharedCount] = [segment, count];
  }
  const peersNext = new Set(peers.flatMap((p) => [...nextSegments(p)]));
  const sharedWithPeers = shared !== null && (peersNext.size === 0 || peersNext.has(shared));
  if (shared !== null && sharedCount >= 2 && sharedCount * 3 >= continuing.length * 2 && sharedWithPeers) {
    return accept(`${sharedCount} of them continue with /${shared}`);
  }
  const own = [...counts.values()].filter((n) => n === 1).length;
  if (continuing.length >= MIN_WORD_VALUES && continuing.length === words.length && own * 3 >= counts.size * 2) {
    return accept('each continues with values of its own');
  }
  return reject('what follows them differs');
}

/** `agree` when at least two values have JSON responses and all resemble the common keys. */
function compareShapes(words: readonly WordValue[]): 'agree' | 'differ' | 'unknown' {
  const shaped: Set<string>[] = [];
  for (const word of words) {
    const keys = new Set<string>();
    for (const node of word.nodes) for (const key of responseKeys(node)) keys.add(key);
    if (keys.size > 0) shaped.push(keys);
  }
  if (shaped.length < 2) return 'unknown';
  const counts = new Map<string, number>();
  for (const keys of shaped) for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const common = new Set([...counts].filter(([, n]) => n * 2 > shaped.length).map(([key]) => key));
  if (common.size === 0) return 'differ';
  // One shared key (`{ok}`, `{success}`) is an envelope, not a resource: no evidence either way.
  if (common.size < 2) return 'unknown';
  return shaped.every((keys) => jaccard(keys, common) >= SHAPE_AGREEMENT) ? 'agree' : 'differ';
}

function nextSegments(word: WordValue): Set<string> {
  const next = new Set<string>();
  for (const node of word.nodes) for (const segment of childrenOf(node).keys()) next.add(segment);
  return next;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const key of a) if (b.has(key)) both++;
  return both / (a.size + b.size - both);
}

function accept(reason: string): Judgement {
  return { accept: true, reason };
}

function reject(reason: string): Judgement {
  return { accept: false, reason };
}
