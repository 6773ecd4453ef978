/**
 * Parameter names from the resource they identify: the literal segment before the parameter,
 * singular, with `_id` (`conversations/{conversation_id}`, `gizmos/{gizmo_id}`).
 */

const IRREGULAR: Record<string, string> = { people: 'person', children: 'child', men: 'man', women: 'woman', data: 'data', media: 'media', status: 'status', news: 'news', series: 'series', analysis: 'analysis' };

export function singular(word: string): string {
  const lower = word.toLowerCase();
  if (IRREGULAR[lower]) return IRREGULAR[lower];
  if (lower.endsWith('ies') && lower.length > 4) return `${lower.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/.test(lower)) return lower.slice(0, -2);
  if (lower.endsWith('ses') && lower.length > 4) return lower.slice(0, -1);
  if (lower.endsWith('s') && !lower.endsWith('ss') && !lower.endsWith('us') && !lower.endsWith('is') && lower.length > 3) return lower.slice(0, -1);
  return lower;
}

/** `conversations` → `conversation_id`; `{date}` for dates; `id` when there is no usable parent. */
export function paramName(parent: string | null, kind: string): string {
  if (kind === 'date' || kind === 'datetime') return 'date';
  if (kind === 'email' && (parent === null || !/^[a-z]/i.test(parent))) return 'email';
  if (parent === null) return 'id';
  const base = singular(parent).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (base === '' || /^\d/.test(base) || /^v\d+$/.test(base) || base === 'api') return 'id';
  return base.endsWith('_id') ? base : `${base}_id`;
}
