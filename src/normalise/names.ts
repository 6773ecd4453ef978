/**
 * Parameter names from the resource they identify: the literal segment before the parameter,
 * singular, with `_id` (`conversations/{conversation_id}`, `gizmos/{gizmo_id}`). Where the
 * parent is an action (`files/download/file-…`) or absent, the id's own prefix (`file-`) or the
 * collection before the action names it (`{file_id}`). Dates are `{date}`, emails `{email}` and
 * phone numbers `{phone}`, whatever the parent: the value's kind says more than
 * `{subscriber_id}` would; a position holding only 0 and 1 is a `{flag}`.
 */
import { isPlural, singular } from './plural.js';
import { splitExtension } from './segments.js';
import { isApiWord, isStageWord, isVersionSegment } from './vocabulary.js';

/** Parents that name an action on a resource, not the resource: the id belongs to the collection before. */
const ACTIONS = new Set([
  'download',
  'downloads',
  'upload',
  'view',
  'show',
  'get',
  'edit',
  'preview',
  'raw',
  'embed',
  'thumbnail',
  'share',
  'open',
  'render',
  'fetch',
  'read',
  'delete',
  'update',
]);
/** `by-email`, `by_name`, `byEmail`: a lookup key, which names the value (`{email}`, `{name}`). */
const LOOKUP = /^[Bb]y(?:[-_]([A-Za-z][A-Za-z0-9]{1,30})|([A-Z][A-Za-z0-9]{1,30}))$/;

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

/** `conversations` → `conversation_id`; `by-email/…` → `{email}`; `id` when nothing better is known. */
export function paramName(context: NameContext): string {
  const { kind, prefix } = context;
  if (kind === 'date' || kind === 'datetime') return 'date';
  if (kind === 'email') return 'email';
  // The value says what it is: a phone number is no `{report_id}`, a 0/1 switch no id at all.
  if (kind === 'phone') return 'phone';
  if (kind === 'transaction') return 'transaction_id';
  if (kind === 'flag')
    return context.parent !== null && isNameable(context.parent) && !isPlural(context.parent) ? `${snake(stripExtension(context.parent))}_flag` : 'flag';
  const lookup = context.parent === null ? null : LOOKUP.exec(stripExtension(context.parent));
  const key = lookup ? snake(lookup[1] ?? lookup[2]!) : null;
  if (key !== null && key !== 'id') return key;
  // `users/by-id/42` is a user id: the collection before the lookup names it.
  const [parent, grandparent] = key === 'id' ? [context.grandparent, null] : [context.parent, context.grandparent];
  const fromPrefix = prefixWord(prefix);
  const usable = parent !== null && isNameable(parent) ? parent : null;
  if (usable === null) {
    if (fromPrefix) return `${fromPrefix}_id`;
    return 'id';
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

/** The singular noun a plural collection names its items by (`repos` → `repo`), or null. */
export function itemNoun(parent: string | null): string | null {
  if (parent === null || !isNameable(parent) || !isPlural(parent) || LOOKUP.test(parent)) return null;
  return singular(snake(stripExtension(parent)));
}

/**
 * What a sigil marks, in the federated protocols that use them (Matrix): `!room:server`,
 * `@user:server`, `$event`, `#alias:server`.
 */
const SIGILS: Record<string, string> = { '!': 'room', '@': 'user', $: 'event', '#': 'room_alias', '+': 'group' };

/** The leading word of an id prefix when it reads as one (`file-` → `file`, `g-p-` → none, `@` → `user`). */
function prefixWord(prefix: string | null): string | null {
  if (prefix === null) return null;
  if (Object.hasOwn(SIGILS, prefix)) return SIGILS[prefix]!;
  const word = prefix.split(/[-_]/)[0]!.toLowerCase();
  return /^[a-z]{3,16}$/.test(word) ? word : null;
}

function isNameable(segment: string): boolean {
  // `expressen.se`, `chat.postMessage`: a dotted name is a domain or a method, not a resource.
  if (splitExtension(segment)[0].includes('.')) return false;
  const stem = stripExtension(segment);
  if (!/^[a-z]/i.test(stem) || stem.length < 2) return false;
  // `services/1` is a service, but `api/1`, `public/1`, `v2/1` say nothing about the value.
  return !isApiWord(stem) && !isStageWord(stem) && !isVersionSegment(stem, null) && !/[<>{}]/.test(stem);
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
