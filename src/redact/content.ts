/**
 * Bodies of every kind ingest produces: JSON, NDJSON and JSONP through json.ts; form fields and
 * multipart parts by name, value and type (file names replaced but for their extension: they
 * often carry a person's name); server-sent events by name, and their data as JSON when it is
 * JSON, as text otherwise; JSONP callback names and text scanned.
 * The switch is exhaustive, so a new body kind cannot pass through unredacted.
 */
import type { Content, MultipartPartValue, NameValue, SseEvent } from '../exchange.js';
import { redactFileName } from './file-name.js';
import { redactJson } from './json.js';
import { redactMediaType } from './media-type.js';
import type { Scope } from './scope.js';
import { redactText } from './text.js';
import { redactParamName } from './url.js';
import { redactValue, siblingsOf } from './value.js';
import type { NameScope } from './names.js';

export function redactContent(content: Content, scope: Scope): Content {
  switch (content.kind) {
    case 'json': {
      const value = redactJson(content.value, scope);
      return value === content.value ? content : { kind: 'json', value };
    }
    case 'jsonp': {
      const value = redactJson(content.value, scope);
      const callback = redactText(content.callback, scope);
      return value === content.value && callback === content.callback ? content : { kind: 'jsonp', callback, value };
    }
    case 'ndjson': {
      const values = mapChanged(content.values, (v) => redactJson(v, scope));
      return values === content.values ? content : { kind: 'ndjson', values };
    }
    case 'form': {
      const siblings = siblingsOf(content.fields, scope);
      const fields = mapChanged(content.fields, (f) => redactField(f, scope, siblings));
      return fields === content.fields ? content : { kind: 'form', fields };
    }
    case 'multipart': {
      const siblings = siblingsOf(content.parts, scope);
      const parts = mapChanged(content.parts, (p) => redactPart(p, scope, siblings));
      return parts === content.parts ? content : { kind: 'multipart', parts };
    }
    case 'sse': {
      const events = mapChanged(content.events, (e) => redactEvent(e, scope));
      return events === content.events ? content : { kind: 'sse', events };
    }
    case 'text': {
      const text = redactText(content.text, scope);
      return text === content.text ? content : { kind: 'text', text };
    }
    case 'binary':
    case 'empty':
      return content;
    default:
      return assertNever(content);
  }
}

function redactField(field: NameValue, scope: Scope, siblings: NameScope): NameValue {
  const name = redactParamName(field.name, scope);
  const value = redactValue(field.value, scope, field.name, 'form', siblings);
  return name === field.name && value === field.value ? field : { name, value };
}

function redactPart(part: MultipartPartValue, scope: Scope, siblings: NameScope): MultipartPartValue {
  const value = part.value === null ? null : redactValue(part.value, scope, part.name, 'form', siblings);
  const fileName = part.fileName === null ? null : redactFileName(part.fileName, scope);
  const contentType = part.contentType === null ? null : redactMediaType(part.contentType, scope);
  const name = redactParamName(part.name, scope);
  if (value === part.value && fileName === part.fileName && contentType === part.contentType && name === part.name) return part;
  return { name, fileName, contentType, value };
}

/** The `event:` name is a string like any other (`user:jane@example.org`), then the data. */
function redactEvent(event: SseEvent, scope: Scope): SseEvent {
  const name = event.event === null ? null : redactText(event.event, scope);
  if (event.json === undefined) {
    const data = redactText(event.data, scope);
    return data === event.data && name === event.event ? event : { event: name, data };
  }
  const json = redactJson(event.json, scope);
  // The data line is rewritten from the redacted JSON, so no raw copy of it remains.
  if (json === event.json) return name === event.event ? event : { ...event, event: name };
  return { event: name, data: JSON.stringify(json), json };
}

/** `items.map(f)`, but the same array when `f` changed nothing. */
export function mapChanged<T>(items: readonly T[], f: (item: T) => T): T[] {
  let out: T[] | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const mapped = f(item);
    if (mapped !== item) (out ??= items.slice())[i] = mapped;
  }
  return out ?? (items as T[]);
}

function assertNever(content: never): never {
  throw new Error(`redaction does not handle body kind ${(content as { kind: string }).kind}`);
}
