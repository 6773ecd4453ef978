/**
 * The API root of a host: the leading segments most of its URLs share and that name the API
 * rather than a resource (`/backend-api`, `/api/v2`, `/admin/api/2024-01`, `/services/data/v58.0`).
 * Templating never turns a root segment into a parameter, and never reads the segment right
 * after it as a value: `/backend-api/settings` is not `/backend-api/{x}`.
 */
import { classifySegment, isIdentifier } from './segments.js';
import { type TrieNode, childrenOf } from './trie.js';
import { isRootWord, isVersionSegment } from './vocabulary.js';

/** Share of a host's distinct paths that must pass through a segment for it to join the root. */
const MAJORITY = 0.6;
const MAX_DEPTH = 4;

/** The root as raw segments (`['backend-api']`), read from the trie of a host's paths. */
export function detectApiRoot(trie: TrieNode): string[] {
  const chain: string[] = [];
  let node = trie;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    let best: string | null = null;
    let bestNode: TrieNode | null = null;
    let bestCount = 0;
    for (const [segment, child] of childrenOf(node)) {
      // A root segment is followed by something: `/api` alone is an endpoint, not a root.
      const continuing = child.paths - (child.ends > 0 ? 1 : 0);
      if (continuing > bestCount || (continuing === bestCount && best !== null && segment < best)) [best, bestNode, bestCount] = [segment, child, continuing];
    }
    if (best === null || bestNode === null || bestCount === 0 || bestCount < MAJORITY * trie.paths) break;
    const parent = chain[chain.length - 1] ?? null;
    if (!isVersionSegment(best, parent) && isIdentifier(classifySegment(best))) break;
    chain.push(best);
    node = bestNode;
  }
  // Keep the chain up to its last root-like segment: `/users/…` shared by every path is a
  // resource, `/admin/api/2024-01` is a root.
  let end = 0;
  chain.forEach((segment, i) => {
    if (isRootWord(segment) || isVersionSegment(segment, chain[i - 1] ?? null)) end = i + 1;
  });
  return chain.slice(0, end);
}
