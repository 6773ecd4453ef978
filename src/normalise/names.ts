/**
 * Parameter names from the resource they identify: the literal segment before the parameter,
 * singular, with `_id` (`conversations/{conversation_id}`, `gizmos/{gizmo_id}`). Where the
 * parent is an action (`files/download/file-…`) or absent, the id's own prefix (`file-`) or the
 * collection before the action names it (`{file_id}`); dates are `{date}`.
 */
import { splitExtension } from './segments.js';
import { isRootWord, isVersionSegment } from './vocabulary.js';

const IRREGULAR: Record<string, string> = {
  people: 'person', children: 'child', men: 'man', women: 'woman', data: 'data', media: 'media', status: 'status',
  news: 'news', series: 'series', analysis: 'analysis', indices: 'index', matrices: 'matrix', aliases: 'alias',
  statuses: 'status', addresses: 'address', buses: 'bus', quizzes: 'quiz', leaves: 'leaf', lives: 'life',
};

/** Parents that name an action on a resource, not the resource: the id belongs to the collection before. */
const ACTIONS = new Set(['download', 'downloads', 'upload', 'view', 'show', 'get', 'edit', 'preview', 'raw', 'embed', 'thumbnail', 'share', 'open', 'render', 'fetch', 'read', 'delete', 'update']);

export function singular(word: string): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR[lower];
  if (irregular) return irregular;
  if (lower.endsWith('ies') && lower.length > 4) return `${lower.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/.test(lower)) return lower.slice(0, -2);
  if (lower.endsWith('ses') && lower.length > 4) return lower.slice(0, -1);
  if (lower.endsWith('s') && !lower.endsWith('ss') && !lower.endsWith('us') && !lower.endsWith('is') && lower.length > 3) return lower.slice(0, -1);
  return lower;
}

/** A plural noun (`users`, `repos`, `currencies`, `data-scripts`), judged from its last word. */
export function isPlural(word: string): boolean {
  const last = word.split(/[-_.]/).pop() ?? word;
  return last.length > 2 && singular(last) !== last.toLowerCase();
}

export interface NameContext {
  /** The literal segment before the parameter, or null when that is a parameter too. */
  parent: string | null;
  /** The literal before the parent, when there is one. */
  grandparent: string | null;
  /** The value kind (`uuid`, `date` …); several kinds are `id`. */
  kind: string;
  /** The prefix shared by all values (`file-`, `cus_`), when they are prefixed ids. */
  prefix: string | null;
}

/** `conversations` → `conversation_id`; `{date}` for dates; `id` when nothing better is known. */
export function paramName({ parent, grandparent, kind, prefix }: NameContext): string {
  if (kind === 'date' || kind === 'datetime') return 'date';
  const fromPrefix = prefixWord(prefix);
  const usable = parent !== null && isNameable(parent) ? parent : null;
  if (usable === null) {
    if (fromPrefix) return `${fromPrefix}_id`;
    return kind === 'email' ? 'email' : 'id';
  }
  const base = singular(snake(stripExtension(usable)));
  if (ACTIONS.has(usable.toLowerCase())) {
    if (fromPrefix) return `${fromPrefix}_id`;
    if (grandparent !== null && isNameable(grandparent) && isPlural(grandparent)) return `${singular(snake(stripExtension(grandparent)))}_id`;
  }
  // `files/download/file-…` is covered above; a singular parent unrelated to the prefix
  // (`attachment/file-…`) still loses to the prefix, which says what the id is.
  if (fromPrefix && !isPlural(usable) && !base.startsWith(fromPrefix) && !fromPrefix.startsWith(base)) return `${fromPrefix}_id`;
  return base.endsWith('_id') || base === 'id' ? base : `${base}_id`;
}

/** The leading word of an id prefix when it reads as one (`file-` → `file`, `g-p-` → none). */
function prefixWord(prefix: string | null): string | null {
  if (prefix === null) return null;
  const word = prefix.split(/[-_]/)[0]!.toLowerCase();
  return /^[a-z]{3,16}$/.test(word) ? word : null;
}

function isNameable(segment: string): boolean {
  // `expressen.se`, `chat.postMessage`: a dotted name is a domain or a method, not a resource.
  if (splitExtension(segment)[0].includes('.')) return false;
  const stem = stripExtension(segment);
  if (!/^[a-z]/i.test(stem) || stem.length < 2) return false;
  return !isRootWord(stem) && !isVersionSegment(stem, null) && !/[<>{}]/.test(stem);
}

function snake(word: string): string {
  return word
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function stripExtension(segment: string): string {
  return splitExtension(segment)[0];
}
