/**
 * `multipart/form-data` bodies into parts: names, file names and types. File contents are never
 * kept, only the text of plain fields. HAR exporters give either `postData.params` (Chrome,
 * Firefox, Safari) or only the raw `text` (Charles, mitmproxy), so both are read.
 */
import type { MultipartPartValue } from '../exchange.js';

export interface HarParam {
  name?: unknown;
  value?: unknown;
  fileName?: unknown;
  contentType?: unknown;
}

export function partsFromParams(params: readonly HarParam[]): MultipartPartValue[] {
  return params.map((param) => {
    const fileName = typeof param.fileName === 'string' && param.fileName !== '' ? param.fileName : null;
    return {
      name: typeof param.name === 'string' ? param.name : '',
      fileName,
      contentType: typeof param.contentType === 'string' && param.contentType ? param.contentType : null,
      value: fileName === null && typeof param.value === 'string' ? param.value : null,
    };
  });
}

/** Splits raw multipart text on the boundary from the declared media type. */
export function partsFromText(text: string, declaredType: string): MultipartPartValue[] {
  const boundary = readBoundary(declaredType) ?? guessBoundary(text);
  if (!boundary) return [];
  const delimiter = `--${boundary}`;
  const parts: MultipartPartValue[] = [];
  for (const chunk of text.split(delimiter).slice(1)) {
    if (chunk.startsWith('--')) break;
    const headerEnd = findHeaderEnd(chunk);
    if (headerEnd === -1) continue;
    const headers = chunk.slice(0, headerEnd).split(/\r?\n/);
    let name = '';
    let fileName: string | null = null;
    let contentType: string | null = null;
    for (const header of headers) {
      const lower = header.toLowerCase();
      if (lower.startsWith('content-disposition:')) {
        name = readDispositionParam(header, 'name') ?? '';
        fileName = readDispositionParam(header, 'filename');
      } else if (lower.startsWith('content-type:')) contentType = header.slice(13).trim() || null;
    }
    const body = chunk.slice(headerEnd).replace(/^\r?\n\r?\n/, '').replace(/\r?\n$/, '');
    parts.push({ name, fileName, contentType, value: fileName === null ? body : null });
  }
  return parts;
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
