/** PEM private-key blocks in text (`-----BEGIN … PRIVATE KEY-----` to `-----END …-----`), replaced whole. */
import type { Scope } from './scope.js';

/** `-----BEGIN … PRIVATE KEY-----` … `-----END … -----` blocks, replaced whole (fail closed). */
export function redactPrivateKeys(text: string, scope: Scope): string {
  const parts: string[] = [];
  let copied = 0;
  let from = 0;
  for (;;) {
    const begin = text.indexOf('-----BEGIN', from);
    if (begin === -1) break;
    const headerEnd = text.indexOf('-----', begin + 10);
    if (headerEnd === -1) break;
    const label = text.slice(begin + 10, headerEnd);
    if (label.length > 100 || !label.includes('PRIVATE')) {
      from = headerEnd + 5;
      continue;
    }
    const footer = text.indexOf('-----END', headerEnd + 5);
    const close = footer === -1 ? -1 : text.indexOf('-----', footer + 8);
    const blockEnd = close === -1 ? text.length : close + 5;
    parts.push(text.slice(copied, begin), scope.tags.tag('private-key', text.slice(begin, blockEnd), scope.place));
    copied = blockEnd;
    from = blockEnd;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}
