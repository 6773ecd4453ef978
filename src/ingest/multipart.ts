/**
 * Multipart bodies (`multipart/form-data`, `related`, `mixed` …) into parts: names, file names
 * and types. File contents are never kept, only the text of plain fields. HAR exporters give
 * either `postData.params` (Chrome, Firefox, Safari) or only the raw `text` (Charles,
 * mitmproxy), so both are read.
 *
 * A part is a file, and its contents are dropped, when it has a file name (`filename=` or the
 * RFC 5987 `filename*=`) or a content type that is not text: an upload sent without a file name
 * is still an upload. In `multipart/related` and `mixed` bodies parts carry no field name; the
 * first part of a `related` body is its root (JSON or XML metadata, kept as a field named
 * `(part 1)`), every other unnamed part is content and counts as a file.
 */
import type { MultipartPartValue } from '../exchange.js';
import { essence, isJavascriptType, isJsonType, isNdjsonType } from './media-type.js';

export interface HarParam {
  name?: unknown;
  value?: unknown;
  fileName?: unknown;
  contentType?: unknown;
}

export function partsFromParams(params: readonly HarParam[]): MultipartPartValue[] {
  return params.map((param) => {
    const contentType = typeof param.contentType === 'string' && param.contentType ? param.contentType : null;
    const named = typeof param.fileName === 'string' && param.fileName !== '' ? param.fileName : null;
    const fileName = named ?? (isTextType(contentType) ? null : '');
    return {
      name: typeof param.name === 'string' ? param.name : '',
      fileName,
      contentType,
      value: fileName === null && typeof param.value === 'string' ? param.value : null,
    };
  });
}

/** Splits raw multipart text on the boundary from the declared media type. */
export function partsFromText(text: string, declaredType: string): MultipartPartValue[] {
  const boundary = readBoundary(declaredType) ?? guessBoundary(text);
  if (!boundary) return [];
  const related = essence(declaredType) === 'multipart/related';
  const delimiter = `--${boundary}`;
  const parts: MultipartPartValue[] = [];
  for (const chunk of text.split(delimiter).slice(1)) {
    if (chunk.startsWith('--')) break;
    const headerEnd = findHeaderEnd(chunk);
    if (headerEnd === -1) continue;
    const headers = chunk.slice(0, headerEnd).split(/\r?\n/);
    let name: string | null = null;
    let fileName: string | null = null;
    let contentType: string | null = null;
    for (const header of headers) {
      const lower = header.toLowerCase();
      if (lower.startsWith('content-disposition:')) {
        name = readDispositionParam(header, 'name');
        fileName = readExtendedFileName(header) ?? readDispositionParam(header, 'filename');
      } else if (lower.startsWith('content-type:')) contentType = header.slice(13).trim() || null;
    }
    const position = parts.length + 1;
    const root = related && position === 1 && isStructuredType(contentType);
    if (fileName === null && (!isTextType(contentType) || (name === null && !root))) fileName = '';
    const body = chunk
      .slice(headerEnd)
      .replace(/^\r?\n\r?\n/, '')
      .replace(/\r?\n$/, '');
    parts.push({ name: name ?? `(part ${position})`, fileName, contentType, value: fileName === null ? body : null });
  }
  return parts;
}

/**
 * Types whose bytes are text a reader can use as a field value: none declared, `text/*`, JSON,
 * XML, form and script. Anything else (`application/pdf`, `image/*`, `application/octet-stream`)
 * is a file's contents.
 */
function isTextType(contentType: string | null): boolean {
  const type = essence(contentType);
  if (type === '' || type.startsWith('text/')) return true;
  return isStructuredType(contentType) || type === 'application/x-www-form-urlencoded' || isJavascriptType(type) || type === 'application/graphql';
}

/** JSON or XML: the metadata root of a `multipart/related` upload. */
function isStructuredType(contentType: string | null): boolean {
  const type = essence(contentType);
  return isJsonType(type) || isNdjsonType(type) || type === 'application/xml' || type.endsWith('+xml');
}

function findHeaderEnd(chunk: string): number {
  const crlf = chunk.indexOf('\r\n\r\n');
  const lf = chunk.indexOf('\n\n');
  if (crlf === -1) return lf;
  if (lf === -1) return crlf;
  return Math.min(crlf, lf);
}

function readBoundary(declaredType: string): string | null {
  const match = /;\s*boundary=("?)([^";]+)\1/i.exec(declaredType);
  return match?.[2] ?? null;
}

/** Some exporters drop the boundary parameter; the first line of the body is the delimiter. */
function guessBoundary(text: string): string | null {
  const lineEnd = text.indexOf('\n');
  const firstLine = (lineEnd === -1 ? text : text.slice(0, lineEnd)).trimEnd();
  return firstLine.startsWith('--') && firstLine.length > 2 ? firstLine.slice(2).trim() : null;
}

function readDispositionParam(header: string, param: string): string | null {
  const match = new RegExp(`;\\s*${param}="([^"]*)"`, 'i').exec(header) ?? new RegExp(`;\\s*${param}=([^;\\s]*)`, 'i').exec(header);
  return match ? (match[1] ?? '') : null;
}

/**
 * `filename*=UTF-8''Jane%20Roe.txt` (RFC 5987, preferred over `filename=` by RFC 6266): the
 * charset and language are dropped and the percent-encoding decoded; ISO-8859-1 and malformed
 * escapes are read byte by byte.
 */
function readExtendedFileName(header: string): string | null {
  const match = /;\s*filename\*\s*=\s*"?([^";\s]*)/i.exec(header);
  if (!match) return null;
  const value = match[1] ?? '';
  const first = value.indexOf("'");
  const second = first === -1 ? -1 : value.indexOf("'", first + 1);
  const encoded = second === -1 ? value : value.slice(second + 1);
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}
