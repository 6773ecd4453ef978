/**
 * Bodies of every kind ingest produces: JSON, NDJSON and JSONP through json.ts; form fields and
 * multipart parts by name and value (file names replaced but for their extension: they often
 * carry a person's name); server-sent events as JSON when their data is JSON, as text otherwise; text scanned.
 * The switch is exhaustive, so a new body kind cannot pass through unredacted.
 */
import type { Content, MultipartPartValue, NameValue, SseEvent } from '../exchange.js';
import { redactJson } from './json.js';
import type { Scope } from './scope.js';
import { redactText } from './text.js';
import { redactParamName } from './url.js';
import { redactValue } from './value.js';

export function redactContent(content: Content, scope: Scope): Content {
  switch (content.kind) {
    case 'json': {
      const value = redactJson(content.value, scope);
      return value === content.value ? content : { kind: 'json', value };
    }
    case 'jsonp': {
      const value = redactJson(content.value, scope);
      return value === content.value ? content : { ...content, value };
    }
    case 'ndjson': {
      const values = mapChanged(content.values, (v) => redactJson(v, scope));
      return values === content.values ? content : { kind: 'ndjson', values };
    }
    case 'form': {
      const fields = mapChanged(content.fields, (f) => redactField(f, scope));
      return fields === content.fields ? content : { kind: 'form', fields };
    }
    case 'multipart': {
      const parts = mapChanged(content.parts, (p) => redactPart(p, scope));
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

function redactField(field: NameValue, scope: Scope): NameValue {
  const name = redactParamName(field.name, scope);
  const value = redactValue(field.value, scope, field.name, 'form');
  return name === field.name && value === field.value ? field : { name, value };
}

function redactPart(part: MultipartPartValue, scope: Scope): MultipartPartValue {
  const value = part.value === null ? null : redactValue(part.value, scope, part.name, 'form');
  const fileName = part.fileName ? redactFileName(part.fileName, scope) : part.fileName;
  const name = redactParamName(part.name, scope);
  if (value === part.value && fileName === part.fileName && name === part.name) return part;
  return { ...part, name, fileName, value };
}

/**
 * `Passport_Jane_Doe.pdf`: a file name can name a person, and no rule can tell, so the name is
 * replaced and only the extension, which documents the type, is kept: `<file-name:1>.pdf`.
 */
function redactFileName(fileName: string, scope: Scope): string {
  if (scope.tags.issued(fileName)) return fileName;
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 && /^\.[A-Za-z0-9]{1,8}$/.test(fileName.slice(dot)) ? fileName.slice(dot) : '';
  return `${scope.tags.tag('file-name', fileName, scope.place)}${extension}`;
}

function redactEvent(event: SseEvent, scope: Scope): SseEvent {
  if (event.json === undefined) {
    const data = redactText(event.data, scope);
    return data === event.data ? event : { ...event, data };
  }
  const json = redactJson(event.json, scope);
  // The data line is rewritten from the redacted JSON, so no raw copy of it remains.
  return json === event.json ? event : { event: event.event, data: JSON.stringify(json), json };
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
